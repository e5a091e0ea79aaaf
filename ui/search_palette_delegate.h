// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace threadline::ui {

/// Draws the search palette's rows: group headers, and hits in two lines — who
/// (customer, channel, date in the agent's calendar) and what matched, with the
/// matched words marked. Untrusted text is laid out as its own paragraph (or
/// isolated inside ours) with its bidi controls made inert in place, so the
/// marked ranges still point at the right characters.
class SearchPaletteDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    /// The header of a group of results: "Customers", "Messages", "Orders".
    static QString groupTitle(int kind);
    /// The first line of a hit as shown (for tests and accessibility).
    static QString whoLine(const QModelIndex &index);
};

} // namespace threadline::ui
