// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPointer>
#include <QStringList>

class QAction;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace threadline::ui {

class DeskActions;

/// The command palette (Ctrl+Shift+P, or ">" typed first in Ctrl+K): every action
/// the agent can take in what is on screen, found by typing part of its title in
/// the interface language (Persian and Arabic folded as search folds them). Enter
/// runs the action itself, so a command does exactly what its button and key do.
/// What cannot run now is greyed with the reason; recently run commands come first.
class CommandPalette : public QFrame {
    Q_OBJECT
public:
    CommandPalette(const DeskActions *actions, QWidget *window);

    /// Opens with @p query typed (what followed ">" in the search palette).
    void open(const QString &query = QString());
    void dismiss();

    QLineEdit *queryField() const { return m_query; }
    QTreeWidget *list() const { return m_list; }
    /// The commands listed now, best first.
    QList<QAction *> shown() const;

    /// The commands run lately (objectNames, most recent first), as remembered from the
    /// last session; recentChanged says when running one changes them.
    void setRecent(const QStringList &objectNames);
    const QStringList &recent() const { return m_recent; }

Q_SIGNALS:
    void recentChanged(const QStringList &objectNames);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refill();
    void runCurrent();
    void moveCurrent(int delta);
    void showStatus();
    void retranslate();

    const DeskActions *m_actions;
    QLabel *m_heading;
    QLineEdit *m_query;
    QTreeWidget *m_list;
    QLabel *m_status;
    QList<QPointer<QAction>> m_shown;
    QStringList m_recent; ///< objectNames, most recent first
};

/// How well @p title answers @p query, both folded for search: 0 the title starts
/// with it, 1 every word typed starts a word of the title, 2 it occurs inside,
/// 3 its letters occur in order; -1 no match. An empty query matches everything (0).
int commandMatch(const QString &foldedTitle, const QString &foldedQuery);

} // namespace threadline::ui
