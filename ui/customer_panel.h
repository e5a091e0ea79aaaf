// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/customer_merges.h"
#include "models/order.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace threadline::ui {

/// What the business already knows about the open customer: every identity,
/// status, owner and last contact, so the agent never asks again.
class CustomerPanel : public QWidget {
    Q_OBJECT
public:
    explicit CustomerPanel(QWidget *parent = nullptr);
    void setCustomer(const std::optional<models::Customer> &customer);
    /// What we already know from the thread, so nobody asks again.
    struct Context {
        QString openIssue;       ///< what the customer last wrote
        QString lastAgent;       ///< who answered them last
        QString preferredChannel; ///< where they write most
    };
    void setContext(const Context &context);
    /// Their orders (newest first), with status.
    void setOrders(const QList<models::Order> &orders);
    /// Customers merged into this one whose merge still stands, each with "Undo".
    void setMerges(const QList<models::MergedCustomer> &merges);

Q_SIGNALS:
    /// The agent wants merge `mergeId` undone (customer.unmerge).
    void unmergeRequested(qint64 mergeId);

private:
    QLabel *m_name;
    QLabel *m_summary;
    QListWidget *m_identities;
    QLabel *m_context;
    QListWidget *m_orders;
    QLabel *m_mergesHeading;
    QWidget *m_merges;
    qint64 m_customerId = 0;
    QList<models::Identity> m_identitiesShown; ///< what m_identities lists now
};

} // namespace threadline::ui
