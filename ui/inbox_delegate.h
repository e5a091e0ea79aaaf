// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace threadline::ui {

/// One inbox row: name, channel of the last item, how long ago, a preview and
/// the unread count.
class InboxDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// The colour of a wait of @p waitedMs (0: not waiting) for the customer at
    /// @p index: amber and red by their queue's thresholds, else the quiet text colour.
    static QColor waitColor(const QModelIndex &index, qint64 waitedMs, const QPalette &palette);
};

} // namespace threadline::ui
