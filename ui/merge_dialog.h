// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/search_hit.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>
#include <QTimer>
#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace threadline::ui {

/// "Merge with…": the agent finds the other record of the same person among the
/// customers this desktop knows and, online, those the hub finds (searchRequested →
/// applySearchResults), compares the two side by side (names, identities, items, last
/// contact) and confirms. The open customer survives unless the agent chooses to keep
/// the other one. Merging needs the hub: offline it says so, and that it searched only
/// what this computer holds.
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
    /// How search results name a customer as a whole record (the inbox's, which holds the
    /// customers the hub's answer brought too). Without it only the candidates are listed.
    void setCustomerLookup(std::function<std::optional<models::Customer>(qint64)> lookup);
    /// Global search's answer (SyncService::searchResults): the customers among it join
    /// the list when @p tag is this dialog's latest question; others are ignored.
    void applySearchResults(const QString &tag, const QString &query,
                            const QList<models::SearchHit> &hits, bool complete);

Q_SIGNALS:
    /// Online and typed a query: ask the hub too (answered through applySearchResults).
    void searchRequested(const QString &tag, const QString &query);

private:
    void refreshList();
    void askHub();
    void refreshPreview();
    QString describe(const models::Customer &c) const;

    models::Customer m_current;
    QList<models::Customer> m_candidates;
    std::optional<models::Customer> m_chosen;
    bool m_online;
    std::function<std::optional<models::Customer>(qint64)> m_lookup;
    QList<models::Customer> m_found; ///< customers the last search answer added
    QString m_tag;                   ///< the question asked for the current query
    bool m_searching = false;        ///< the hub has not answered it yet
    QTimer m_askDelay;               ///< one question per pause in typing
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
