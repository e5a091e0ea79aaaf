// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/search_hit.h"

#include <QFrame>

class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace threadline::models {
class SearchResultsModel;
}

namespace threadline::ui {

/// Global search over the main window (Ctrl+K; Ctrl+F within the open thread):
/// a query field over results grouped Customers / Messages / Orders. Keyboard
/// first: type, ↑/↓ to choose, Enter opens, Esc closes. It asks (searchRequested)
/// a moment after typing stops and shows each answer as it comes: the cache's at
/// once, then the one merged with the hub's. Answers to older queries are ignored.
class SearchPalette : public QFrame {
    Q_OBJECT
public:
    explicit SearchPalette(QWidget *window);

    /// Opens over every customer, with the last query selected for retyping.
    void openGlobal();
    /// Opens over one customer's messages (@p name is untrusted).
    void openInThread(qint64 customerId, const QString &name);
    void dismiss();

    QLineEdit *queryField() const { return m_query; }
    QListView *resultsView() const { return m_list; }
    models::SearchResultsModel *results() const { return m_model; }

public Q_SLOTS:
    /// An answer from the service thread (SyncService::searchResults).
    void applyResults(const QString &tag, const QString &query,
                      const QList<threadline::models::SearchHit> &hits, bool complete);

Q_SIGNALS:
    void searchRequested(const QString &tag, const QString &query, qint64 customerId);
    /// Enter on a hit: open the customer's thread (at the message when messageId is set).
    void openRequested(qint64 customerId, qint64 messageId);
    /// ">" was typed first: open the command palette with what follows.
    void commandsWanted(const QString &query);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void ask();
    void openCurrent();
    void moveCurrent(int delta);
    void retranslate();
    void showStatus();

    QLineEdit *m_query;
    QLabel *m_scope;
    QListView *m_list;
    QLabel *m_status;
    QTimer *m_debounce;
    models::SearchResultsModel *m_model;
    qint64 m_customerId = 0; ///< Ctrl+F: this thread only
    QString m_scopeName;
    QString m_tag;           ///< of the question whose answers are shown
    int m_asked = 0;
    bool m_complete = true;
    bool m_openOnAnswer = false; ///< Enter came before the answer to what is typed
};

} // namespace threadline::ui
