// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"

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

private:
    QLabel *m_name;
    QLabel *m_summary;
    QListWidget *m_identities;
};

} // namespace threadline::ui
