// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
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

private:
    QLabel *m_name;
    QLabel *m_summary;
    QListWidget *m_identities;
    QLabel *m_context;
    QListWidget *m_orders;
    qint64 m_customerId = 0;
};

} // namespace threadline::ui
