// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace threadline::ui {

/// "Merge with…": the agent finds the other record of the same person among the
/// customers this desktop knows, compares the two side by side (names, identities,
/// items, last contact) and confirms. The open customer survives unless the agent
/// chooses to keep the other one. Merging needs the hub: offline it says so.
class MergeDialog : public QDialog {
    Q_OBJECT
public:
    MergeDialog(const models::Customer &current, QList<models::Customer> candidates, bool online,
                QWidget *parent = nullptr);

    /// Shows the known customers whose name or identity matches (folded like search).
    void setQuery(const QString &query);
    /// Picks a customer of the list (false when it is not listed for the query).
    bool choose(qint64 customerId);
    /// Keep the chosen customer's record and merge the open one into it.
    void setKeepChosen(bool keepChosen);
    /// The customer.merge command: {into, from, note}; empty until one is chosen.
    QJsonObject command() const;
    /// What the two preview columns say (for tests and screen readers).
    QString preview() const;

private:
    void refreshList();
    void refreshPreview();
    QString describe(const models::Customer &c) const;

    models::Customer m_current;
    QList<models::Customer> m_candidates;
    std::optional<models::Customer> m_chosen;
    bool m_online;
    QLineEdit *m_search;
    QListWidget *m_results;
    QLabel *m_survivor;
    QLabel *m_absorbed;
    QCheckBox *m_keepChosen;
    QLineEdit *m_note;
    QLabel *m_problem;
    QPushButton *m_merge;
};

} // namespace threadline::ui
