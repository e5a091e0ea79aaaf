// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/order_list_model.h"

#include "models/order_roles.h"

namespace threadline::models {

OrderListModel::OrderListModel(QObject *parent) : QAbstractListModel(parent) {}

int OrderListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_orders.size());
}

QVariant OrderListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order &o = m_orders.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // Words belong to the view (it translates); this is only what identifies the row.
        return o.customerName.isEmpty() ? o.number
                                        : o.number + QStringLiteral(" · ") + o.customerName;
    case OrderValueRole:
        return QVariant::fromValue(o);
    case OrderIdRole:
        return o.id;
    case OrderNumberRole:
        return o.number;
    case OrderCustomerIdRole:
        return o.customerId;
    case OrderCustomerNameRole:
        return o.customerName;
    case OrderStatusRole:
        return o.status;
    case OrderTotalRole:
        return o.total;
    case OrderCurrencyRole:
        return o.currency;
    case OrderPickupCodeRole:
        return o.pickupCode;
    case OrderUpdatedAtRole:
        return o.updatedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> OrderListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(OrderValueRole, "order");
    names.insert(OrderIdRole, "orderId");
    names.insert(OrderNumberRole, "number");
    names.insert(OrderCustomerIdRole, "customerId");
    names.insert(OrderCustomerNameRole, "customerName");
    names.insert(OrderStatusRole, "status");
    names.insert(OrderTotalRole, "total");
    names.insert(OrderCurrencyRole, "currency");
    names.insert(OrderPickupCodeRole, "pickupCode");
    names.insert(OrderUpdatedAtRole, "updatedAt");
    return names;
}

void OrderListModel::setResults(const QString &query, const QList<Order> &orders)
{
    beginResetModel();
    m_query = query;
    m_orders = orders;
    endResetModel();
}

void OrderListModel::clear()
{
    setResults(QString(), {});
}

bool OrderListModel::applyOrder(const Order &order)
{
    const int row = rowOf(order.id);
    if (row < 0)
        return false;
    // An answer that was in flight while a newer event arrived must not undo it.
    if (m_orders.at(row) == order || order.updatedAt < m_orders.at(row).updatedAt)
        return true;
    m_orders[row] = order;
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at);
    return true;
}

int OrderListModel::rowOf(qint64 orderId) const
{
    for (int row = 0; row < m_orders.size(); ++row)
        if (m_orders.at(row).id == orderId)
            return row;
    return -1;
}

std::optional<Order> OrderListModel::order(qint64 orderId) const
{
    const int row = rowOf(orderId);
    if (row < 0)
        return std::nullopt;
    return m_orders.at(row);
}

} // namespace threadline::models
