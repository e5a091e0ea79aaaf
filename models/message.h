// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace threadline::models {

/// Where a thread item stands from this desktop's point of view. Items written
/// here start as Pending local echoes (in the outbox) until the hub confirms them.
enum class Delivery {
    Received,  ///< came from the hub (inbound, or outbound confirmed)
    Pending,   ///< local echo waiting in the outbox
    Queued,
    Sent,
    Delivered,
    Failed,
};

/// One item of a customer's thread: a chat/SMS/email message, a phone-call note,
/// an internal note or an order event.
struct Message {
    qint64 id = 0;       ///< hub id; 0 for a local echo not yet confirmed
    QString clientId;    ///< set on items written from a desktop
    qint64 customerId = 0;
    QString channel;     ///< chat, sms, email, phone, note, order
    QString direction;   ///< in, out, internal
    QString author;
    QString identity;
    QString subject;
    QString body;
    QString quoted;
    qint64 at = 0;       ///< ms since the epoch, UTC
    Delivery delivery = Delivery::Received;
    QString failureReason;
    QJsonObject meta;

    /// A stable key for caches and views: the hub id once known, else the client id.
    QString key() const
    {
        return id > 0 ? QString::number(id) : QLatin1String("c:") + clientId;
    }
};

} // namespace threadline::models

Q_DECLARE_METATYPE(threadline::models::Message)
