// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

#include <QCache>
#include <QStyledItemDelegate>
#include <QTextLayout>

namespace threadline::ui {

/// Paints one thread item per row: chat and SMS bubbles, email cards, call
/// notes, internal notes and order events, with a day separator above the first
/// item of each day. One layout function serves paint and sizeHint; layouts are
/// cached by (item key, delivery state, width) and dropped when the width changes.
class TimelineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit TimelineDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The link (https://…, mailto:…, tel:…) under `pos` (relative to the row), if any.
    QString linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                   const QPoint &pos) const;
    /// Whether `pos` (relative to the row) is on the item's card.
    bool isOnCard(const QStyleOptionViewItem &option, const QModelIndex &index,
                  const QPoint &pos) const;
    /// Drops every cached layout (the calendar or language changed).
    void forgetLayouts() { m_layouts.clear(); }
    /// The item as plain text, for the clipboard: subject, body, quoted history.
    static QString plainText(const models::Message &m);

private:
    struct Link {
        int start = 0;
        int length = 0;
        QString target;
    };
    struct Layout {
        QList<Link> links; ///< positions in the text layout
        bool unreadMarker = false;
        int width = 0;
        int height = 0;
        bool daySeparator = false;
        QString dayText;
        QString header;
        QString footer;
        QRect card;        ///< the bubble or card, relative to the row's top-left
        std::shared_ptr<QTextLayout> text;
        QPoint textOrigin;
    };

    const Layout &layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    mutable QCache<QString, Layout> m_layouts;
};

} // namespace threadline::ui
