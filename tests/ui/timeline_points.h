// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/timeline_delegate.h"
#include "ui/timeline_view.h"

#include <QPoint>
#include <QStyleOptionViewItem>

namespace threadline::testing {

/// A point on row @p row's card whose link is @p target, found through the delegate's
/// own hit-testing (what a click uses); (-1, -1) when the card has no such link.
inline QPoint pointOfLink(ui::TimelineView &view, const QString &target, int row = 0)
{
    const QModelIndex index = view.model()->index(row, 0);
    const QRect rect = view.visualRect(index);
    auto *delegate = static_cast<ui::TimelineDelegate *>(view.itemDelegate());
    QStyleOptionViewItem option;
    option.rect = rect;
    option.direction = view.layoutDirection();
    option.font = view.font();
    option.palette = view.palette();
    for (int y = rect.top(); y < rect.bottom(); y += 2)
        for (int x = rect.left(); x < rect.right(); x += 4)
            if (delegate->linkAt(option, index, QPoint(x, y) - rect.topLeft()) == target)
                return QPoint(x, y);
    return {-1, -1};
}

} // namespace threadline::testing
