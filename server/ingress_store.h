// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <optional>

namespace threadline::server {

/// An attachment as stored: listed in the thread, bytes kept in the database.
struct AttachmentRecord {
    qint64 id = 0;
    qint64 messageId = 0;
    QString name;
    QString contentType;
    qint64 size = 0;
};

/// An order as stored (see docs/ingress.md for the status mapping).
struct OrderRecord {
    qint64 id = 0;
    QString source;     ///< "woocommerce" or "shopify"
    QString externalId; ///< the shop's own order id
    QString number;     ///< what the customer sees, e.g. "#1001"
    QString status;     ///< placed, paid, shipped, ready_for_pickup, picked_up, refunded, cancelled
    QString sourceStatus;
    QString total;
    QString currency;
    QJsonArray items;
    qint64 customerId = 0;
    QString pickupCode;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 readyAt = 0;  ///< when store staff marked it ready for pickup
    QString readyBy;
    qint64 pickedUpAt = 0;
    QString pickedUpBy;
    /// Includes payment_status and fulfilment_status, derived from status.
    QJsonObject toJson() const;
};

/// The SQL of channel ingress, next to HubStore's: external ids of thread items (webhook
/// deduplication, status callbacks, email threading), email headers and raw bytes,
/// attachments and orders. Writes run inside the HubStore's unit of work.
class IngressStore {
public:
    explicit IngressStore(HubStore &store) : m_store(store) {}

    std::optional<qint64> messageByRef(const QString &source, const QString &externalId);
    bool addRef(const QString &source, const QString &externalId, qint64 messageId);

    bool addEmailHeaders(qint64 messageId, const QString &messageIdHeader, const QString &inReplyTo,
                         const QString &references, const QByteArray &raw);
    bool addAttachment(qint64 messageId, const QString &name, const QString &contentType,
                       const QByteArray &data, qint64 *id);
    QList<AttachmentRecord> attachmentsOfCustomer(qint64 customerId);

    std::optional<OrderRecord> order(const QString &source, const QString &externalId);
    /// Inserts or updates by (source, external id); fills in id.
    bool saveOrder(OrderRecord &order);
    QList<OrderRecord> ordersOfCustomer(qint64 customerId);
    std::optional<OrderRecord> orderById(qint64 id);
    /// Orders whose number or shop id is `number` ("#1001", "1001" and "tl-1001" alike).
    QList<OrderRecord> ordersByNumber(const QString &number);

    QString lastError() const { return m_lastError; }

private:
    bool fail(const QString &why);
    HubStore &m_store;
    QString m_lastError;
};

} // namespace threadline::server
