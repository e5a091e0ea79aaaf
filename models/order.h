// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace threadline::models {

struct OrderItem {
    QString name;
    int quantity = 0;
    QString price;  ///< as the shop wrote it, in the order's currency
    friend bool operator==(const OrderItem &, const OrderItem &) = default;
};

/// An online order as the store counter sees it (bought online, picked up here).
struct Order {
    qint64 id = 0;
    QString source;           ///< woocommerce, shopify
    QString number;           ///< what the customer quotes, e.g. "1001" or "TL-705085"
    QString status;           ///< placed, paid, shipped, ready_for_pickup, picked_up, refunded
    QString paymentStatus;
    QString fulfilmentStatus;
    QString total;
    QString currency;
    QList<OrderItem> items;
    QString pickupCode;
    qint64 customerId = 0;
    QString customerName;
    QString phone;
    QString email;
    qint64 createdAt = 0;     ///< ms since the epoch, UTC
    qint64 updatedAt = 0;
    QString handledBy;        ///< who marked it ready / picked up
    qint64 handledAt = 0;
    friend bool operator==(const Order &, const Order &) = default;
};

} // namespace threadline::models

Q_DECLARE_METATYPE(threadline::models::Order)
