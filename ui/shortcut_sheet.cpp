// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shortcut_sheet.h"

#include "ui/desk_actions.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace threadline::ui {

QList<ShortcutSheet::Entry> ShortcutSheet::entries(const QList<QAction *> &actions)
{
    QList<Entry> all;
    for (const QAction *action : actions)
        if (!action->shortcuts().isEmpty())
            all.append({action->shortcuts(), commandTitle(action)});
    // Not an action of the desk: the thread's own key for its current item.
    all.append({{QKeySequence(QKeySequence::Copy)}, tr("Copy the selected item")});
    return all;
}

ShortcutSheet::ShortcutSheet(const DeskActions *actions, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutSheet"));
    setWindowTitle(tr("Keyboard shortcuts"));
    const auto all = entries(actions->actions());
    auto *table = new QTableWidget(int(all.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->setShowGrid(false);
    for (int row = 0; row < all.size(); ++row) {
        QStringList shown;
        for (const QKeySequence &k : all.at(row).keys)
            shown.append(k.toString(QKeySequence::NativeText));
        // Key names read left to right in every language.
        auto *keysItem = new QTableWidgetItem(QChar(0x2066) + shown.join(QStringLiteral(" / ")) +
                                              QChar(0x2069));
        QFont bold = keysItem->font();
        bold.setBold(true);
        keysItem->setFont(bold);
        table->setItem(row, 0, keysItem);
        table->setItem(row, 1, new QTableWidgetItem(all.at(row).action));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace threadline::ui
