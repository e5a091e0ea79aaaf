// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/payloads.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <variant>

/// The web chat's own small JSON protocol between the visitor's page and the hub
/// (docs/webchat.md). It is not threadline.v1: visitors are strangers, so every frame
/// is validated here and answered with a stable error code the page translates.
namespace threadline::server::webchat {

namespace code {
inline const QString badFrame = QStringLiteral("bad_frame");
inline const QString unknownType = QStringLiteral("unknown_type");
inline const QString nameRequired = QStringLiteral("name_required");
inline const QString nameTooLong = QStringLiteral("name_too_long");
inline const QString contactRequired = QStringLiteral("contact_required");
inline const QString badPhone = QStringLiteral("bad_phone");
inline const QString badEmail = QStringLiteral("bad_email");
inline const QString notStarted = QStringLiteral("not_started");
inline const QString alreadyStarted = QStringLiteral("already_started");
inline const QString unknownVisitor = QStringLiteral("unknown_visitor");
inline const QString emptyMessage = QStringLiteral("empty_message");
inline const QString tooLarge = QStringLiteral("too_large");
inline const QString rateLimited = QStringLiteral("rate_limited");
inline const QString internal = QStringLiteral("internal");
} // namespace code

/// Limits a visitor's frames must keep (documented in docs/webchat.md).
constexpr int kMaxNameChars = 100;
constexpr int kMaxContactChars = 254;
constexpr int kMaxBodyChars = 4000;
constexpr int kMaxClientIdChars = 64;
constexpr int kMaxReceivedIds = 200;
/// Whole frames larger than this are refused before they are parsed.
constexpr qint64 kMaxFrameBytes = 32 * 1024;

/// {"type":"start","name":…,"phone":…,"email":…}: a new chat.
struct Start {
    QString name;
    QString phone;
    QString email;
};
/// {"type":"resume","token":…}: the same chat again after a reload or reconnect.
struct Resume {
    QString token;
};
/// {"type":"message","id":…,"body":…}: the visitor writes; id makes a resend harmless.
struct Write {
    QString clientId;
    QString body;
};
/// {"type":"received","ids":[…]}: the page shows these replies.
struct Received {
    QList<qint64> messageIds;
};
/// A frame the hub refuses, with the id of the message it was about (if any).
struct Refusal {
    QString code;
    QString message;
    QString clientId;
};

using VisitorFrame = std::variant<Start, Resume, Write, Received, Refusal>;

/// Reads one text frame from a visitor. Size and shape are checked here; whether a phone
/// or email is valid is the identity resolver's business.
VisitorFrame parse(const QString &text);

/// Bidi controls out of what a visitor writes (Trojan Source), line breaks kept.
QString cleanBody(const QString &body);

// Frames to the page.
QJsonObject error(const QString &code, const QString &message, const QString &clientId = {});
/// A thread item as the visitor may see it: no internal fields, no other channels.
QJsonObject visibleMessage(const protocol::MessagePayload &m);
QJsonObject started(const QString &token, const QString &name,
                    const QList<protocol::MessagePayload> &history);
QJsonObject ack(const QString &clientId, const protocol::MessagePayload &m);
QJsonObject message(const protocol::MessagePayload &m);

} // namespace threadline::server::webchat
