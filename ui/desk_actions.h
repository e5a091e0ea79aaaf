// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace threadline::ui {

/// Every action of the agent's desk, registered once: the command palette, the
/// shortcut sheet, menus and buttons all read this list, so an action runs through
/// its one QAction whether it is clicked, keyed or picked from the palette.
/// An action's text is its translated title and its objectName a stable id.
class DeskActions : public QObject {
    Q_OBJECT
public:
    explicit DeskActions(QObject *parent = nullptr) : QObject(parent) {}

    void add(QAction *action);
    void add(const QList<QAction *> &actions);
    /// Actions that come and go with the open customer (reply to each of their
    /// addresses); asked for each time the list is read.
    void addSource(std::function<QList<QAction *>()> source);
    /// The registered actions in the order agents meet them, then the sources'.
    QList<QAction *> actions() const;
    /// The action whose objectName is @p id, or nullptr.
    QAction *find(const QString &id) const;

private:
    QList<QPointer<QAction>> m_actions;
    QList<std::function<QList<QAction *>()>> m_sources;
};

/// A new action of @p holder (its key works while @p holder is on screen, in
/// @p context): @p id is its stable objectName, @p title its translated text.
QAction *addDeskAction(QWidget *holder, const char *id, const QString &title,
                       const QList<QKeySequence> &keys = {},
                       Qt::ShortcutContext context = Qt::WindowShortcut);

/// Enables @p action, or disables it and keeps why (the palette shows it greyed
/// with that reason).
void setAvailable(QAction *action, bool available, const QString &whyNot = QString());
QString whyUnavailable(const QAction *action);
/// The title a list shows: the action's text without mnemonic ampersands.
QString commandTitle(const QAction *action);
/// True when some widget that holds @p action is on screen: the command belongs
/// to what the agent is looking at (a hidden page's commands are left out).
bool inContext(const QAction *action);

} // namespace threadline::ui
