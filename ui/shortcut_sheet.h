// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

namespace threadline::ui {

/// Every key of the agent's desk on one sheet (F1 or Ctrl+/), so the keyboard
/// can be learnt without a manual.
class ShortcutSheet : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QList<QKeySequence> keys;
        QString action; ///< translated
    };
    /// The desk's keys, in the order an agent meets them.
    static QList<Entry> entries();

    explicit ShortcutSheet(QWidget *parent = nullptr);
};

} // namespace threadline::ui
