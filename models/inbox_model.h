// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/queue_sla.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

namespace threadline::models {

/// The agent's inbox: one row per customer, the most recent activity first.
/// Changes arrive in batches from the service thread and are applied with as
/// few model signals as possible.
class InboxModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit InboxModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Upserts customers by id (their unread count included) and keeps the rows sorted by
    /// last activity.
    void applyCustomers(const QList<Customer> &batch);
    /// Forgets every customer (signed out).
    void clear();
    /// Drops customers that no longer exist on their own (merged into another).
    void removeCustomers(const QList<qint64> &ids);
    /// Every customer, most recent activity first (e.g. to pick one to merge with).
    const QList<Customer> &customers() const { return m_rows; }
    /// The customer's unread count goes to zero (the agent opened the thread).
    void markRead(qint64 customerId);
    /// Counts one more unread item for a customer not currently open.
    void addUnread(qint64 customerId, int count);

    /// The queues' wait thresholds (from the hub's welcome): every row's
    /// AmberWaitRole/RedWaitRole follow its queue from now on.
    void setQueues(const QList<QueueSla> &queues);

    std::optional<Customer> customer(qint64 id) const;
    int rowOf(qint64 id) const;

private:
    void reindex();

    QList<Customer> m_rows;
    QHash<qint64, int> m_rowById;
    QHash<QString, QueueSla> m_queues; ///< by name
};

} // namespace threadline::models
