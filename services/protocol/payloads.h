// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

/// The data carried inside envelopes, as plain values both programs share.
/// fromJson() validates: a payload that is missing a required field or has one
/// of the wrong type yields std::nullopt and the caller answers bad_request.
namespace threadline::protocol {

/// The channels a thread item can come from. Notes and order events live in the
/// same thread as customer messages, so they are channels too.
namespace channel {
inline const QString chat = QStringLiteral("chat");
inline const QString sms = QStringLiteral("sms");
inline const QString email = QStringLiteral("email");
inline const QString phone = QStringLiteral("phone");
inline const QString note = QStringLiteral("note");
inline const QString order = QStringLiteral("order");
bool isKnown(const QString &c);
/// Channels an agent can reply on (the rest are logged or generated).
bool isReplyChannel(const QString &c);
} // namespace channel

namespace direction {
inline const QString in = QStringLiteral("in");
inline const QString out = QStringLiteral("out");
inline const QString internal = QStringLiteral("internal");
} // namespace direction

struct IdentityPayload {
    QString kind;  ///< "phone" (E.164), "email" (lower case) or "chat"
    QString value;
    QJsonObject toJson() const;
    static std::optional<IdentityPayload> fromJson(const QJsonObject &o);
    friend bool operator==(const IdentityPayload &, const IdentityPayload &) = default;
};

struct CustomerPayload {
    qint64 id = 0;
    QString name;
    QList<IdentityPayload> identities;
    QString status;      ///< "open" or "resolved"
    QString assignee;    ///< agent user name, empty when in the queue
    qint64 lastAt = 0;   ///< ms since the epoch, UTC
    QString lastChannel;
    QString lastDirection;
    QString lastPreview; ///< at most 140 characters of the last item
    qint64 itemCount = 0;
    QJsonObject toJson() const;
    static std::optional<CustomerPayload> fromJson(const QJsonObject &o);
};

struct MessagePayload {
    qint64 id = 0;
    qint64 customerId = 0;
    QString channel;
    QString direction;
    QString author;
    QString identity;  ///< the phone number or address used, when any
    QString subject;   ///< email only
    QString body;
    QString quoted;    ///< email: the quoted history, separated from the new text
    QString clientId;  ///< set when a desktop sent it
    QString status;    ///< received, queued, sent, delivered, failed
    qint64 at = 0;     ///< ms since the epoch, UTC
    QJsonObject meta;  ///< phone: number, duration_s, disposition; order: number, status
    QJsonObject toJson() const;
    static std::optional<MessagePayload> fromJson(const QJsonObject &o);
};

QJsonArray toJsonArray(const QList<CustomerPayload> &customers);
QJsonArray toJsonArray(const QList<MessagePayload> &messages);
std::optional<QList<CustomerPayload>> customersFromJson(const QJsonValue &v);
std::optional<QList<MessagePayload>> messagesFromJson(const QJsonValue &v);

} // namespace threadline::protocol
