// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

/// Names and limits of protocol v1 (docs/protocol.md is the contract).
namespace threadline::protocol {

inline const QString kSubprotocol = QStringLiteral("threadline.v1");
inline constexpr qsizetype kMaxFrameBytes = 1024 * 1024;
inline constexpr int kMaxPageLimit = 500;
/// The hub answers a repeated command id with its first answer for at least this long.
inline constexpr qint64 kCommandMemoryMs = 24LL * 60 * 60 * 1000;

namespace type {
// Session
inline const QString hello = QStringLiteral("hello");
inline const QString welcome = QStringLiteral("welcome");
inline const QString live = QStringLiteral("live");
inline const QString ack = QStringLiteral("ack");
inline const QString error = QStringLiteral("error");
// Commands
inline const QString sendMessage = QStringLiteral("send_message");
inline const QString addNote = QStringLiteral("add_note");
inline const QString customersPage = QStringLiteral("customers.page");
inline const QString historyPage = QStringLiteral("history.page");
// Durable events
inline const QString customerUpserted = QStringLiteral("customer.upserted");
inline const QString messageCreated = QStringLiteral("message.created");
inline const QString messageStatus = QStringLiteral("message.status");
} // namespace type

} // namespace threadline::protocol
