// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace threadline::models {

/// Every data role of OrderListModel. Prefixed, since other models' roles share
/// this namespace (InboxRole has its own CustomerNameRole).
enum OrderRole {
    OrderValueRole = Qt::UserRole + 1, ///< the whole models::Order
    OrderIdRole,                       ///< qint64, the hub's id
    OrderNumberRole,                   ///< what the customer quotes, e.g. "#1001"
    OrderCustomerIdRole,
    OrderCustomerNameRole,
    OrderStatusRole, ///< placed, paid, ready_for_pickup, picked_up, ...
    OrderTotalRole,  ///< as the shop wrote it
    OrderCurrencyRole,
    OrderPickupCodeRole,
    OrderUpdatedAtRole, ///< qint64 ms since the epoch, UTC
    OrderLastRole,
};

} // namespace threadline::models
