// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shortcut_sheet.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace threadline::ui {

namespace {
QKeySequence keys(int combination)
{
    return QKeySequence(combination);
}
} // namespace

QList<ShortcutSheet::Entry> ShortcutSheet::entries()
{
    const int ctrl = Qt::CTRL;
    const int alt = Qt::ALT;
    const int shift = Qt::SHIFT;
    return {
        {{keys(ctrl | Qt::Key_K)}, tr("Search customers, messages and orders")},
        {{keys(ctrl | Qt::Key_F)}, tr("Search the open thread")},
        {{keys(alt | Qt::Key_Down), keys(alt | Qt::Key_Up)}, tr("Next or previous customer")},
        {{keys(alt | Qt::Key_1), keys(alt | Qt::Key_2), keys(alt | Qt::Key_3)},
         tr("Inbox sections: mine, queue, all")},
        {{keys(ctrl | Qt::Key_R)}, tr("Reply")},
        {{keys(ctrl | Qt::Key_1), keys(ctrl | Qt::Key_2), keys(ctrl | Qt::Key_3), keys(ctrl | Qt::Key_4)},
         tr("Reply by chat, SMS, email or internal note")},
        {{keys(ctrl | Qt::Key_Return), keys(ctrl | Qt::Key_Enter)}, tr("Send")},
        {{keys(ctrl | Qt::Key_T)}, tr("Take the conversation")},
        {{keys(ctrl | shift | Qt::Key_T)}, tr("Transfer the conversation")},
        {{keys(ctrl | Qt::Key_E)}, tr("Resolve or reopen")},
        {{keys(ctrl | Qt::Key_L)}, tr("Log a call")},
        {{keys(ctrl | shift | Qt::Key_M)}, tr("Merge with another customer")},
        {{QKeySequence(QKeySequence::Copy)}, tr("Copy the selected item")},
        {{keys(Qt::Key_F1), keys(ctrl | Qt::Key_Slash)}, tr("This list of keys")},
    };
}

ShortcutSheet::ShortcutSheet(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutSheet"));
    setWindowTitle(tr("Keyboard shortcuts"));
    const auto all = entries();
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
