// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QAction;

namespace threadline::ui {

class DeskActions;

/// Every key of the agent's desk on one sheet (F1 or Ctrl+/), so the keyboard
/// can be learnt without a manual. It is read from the desk's registry of
/// actions, so a key cannot work without being listed.
class ShortcutSheet : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QList<QKeySequence> keys;
        QString action; ///< translated
    };
    /// The keys of @p actions, in the order an agent meets them, and the keys that
    /// belong to one widget (copy an item of the thread).
    static QList<Entry> entries(const QList<QAction *> &actions);

    explicit ShortcutSheet(const DeskActions *actions, QWidget *parent = nullptr);
};

} // namespace threadline::ui
