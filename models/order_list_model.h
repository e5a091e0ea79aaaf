// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/order.h"

#include <QAbstractListModel>
#include <QList>
#include <optional>

namespace threadline::models {

/// The orders an order-desk lookup found, in the order the hub sent them
/// (newest first). A later change to one of them (it became ready, it was
/// picked up) is applied in place, so the clerk's selection stays put.
class OrderListModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit OrderListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Replaces the results with the answer to @p query (what was looked up,
    /// kept for the "nothing matches" sentence).
    void setResults(const QString &query, const QList<Order> &orders);
    /// Empties the list and forgets the query.
    void clear();
    /// A newer version of an order: replaces the row with the same id in place
    /// (an older one, by updatedAt, is ignored). Returns false, changing
    /// nothing, when that order is not in the results.
    bool applyOrder(const Order &order);

    QString query() const { return m_query; }
    /// The row of order @p orderId, or -1.
    int rowOf(qint64 orderId) const;
    std::optional<Order> order(qint64 orderId) const;

private:
    QString m_query;
    QList<Order> m_orders;
};

} // namespace threadline::models
