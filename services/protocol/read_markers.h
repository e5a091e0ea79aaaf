// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

/// Read markers and unread counts on the wire (docs/protocol.md, "conversation.read").
namespace threadline::protocol {

/// The ack of conversation.read and the conversation.marked_read event.
struct ReadMarkerPayload {
    QString user;
    qint64 customerId = 0;
    qint64 upToId = 0; ///< the newest item read
    qint64 unread = 0; ///< what came in after it
    static std::optional<ReadMarkerPayload> fromJson(const QJsonObject &o);
};

/// The welcome's `unread` ([{customer_id, count}]) by customer; nothing when the welcome
/// has none (store staff, or a hub from before read markers) or it is malformed.
std::optional<QHash<qint64, int>> unreadCountsFromJson(const QJsonValue &v);

} // namespace threadline::protocol
