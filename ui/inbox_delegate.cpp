// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbox_delegate.h"

#include "models/inbox_roles.h"
#include "models/queue_sla.h"
#include "services/text/safe_text.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace threadline::ui {

using namespace threadline::models;

QColor InboxDelegate::waitColor(const QModelIndex &index, qint64 waitedMs, const QPalette &palette)
{
    const WaitLevel level = waitedMs <= 0 ? WaitLevel::Calm
                                          : waitLevel(waitedMs, index.data(AmberWaitRole).toInt(),
                                                      index.data(RedWaitRole).toInt());
    switch (level) {
    case WaitLevel::Red:
        return {0xc6, 0x28, 0x28};
    case WaitLevel::Amber:
        return {0xb2, 0x6a, 0x00};
    case WaitLevel::Calm:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QSize InboxDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // No width of its own: the list stretches every row to the viewport, so the
    // time on the trailing edge is never pushed out of sight.
    return {0, option.fontMetrics.height() * 2 + 22};
}

void InboxDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    painter->save();
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    // The selected row follows the theme, so its text stays readable in dark.
    painter->fillRect(option.rect, selected ? selectionFill(pal) : pal.color(QPalette::Base));
    painter->setPen(pal.color(QPalette::Midlight));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());

    const QRect r = option.rect.adjusted(10, 6, -10, -6);
    const QFontMetrics fm(option.font);
    const int unread = index.data(UnreadRole).toInt();
    const QString channel = index.data(LastChannelRole).toString();
    // A customer waiting for an answer shows how long, coloured as the wait grows
    // past their queue's amber and red thresholds; otherwise the last activity.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 waitingSince = index.data(WaitingSinceRole).toLongLong();
    const bool waiting = waitingSince > 0 && index.data(StatusRole).toString() == QLatin1String("open");
    const qint64 waitedMs = waiting ? now - waitingSince : 0;
    // "⏳ 20 min ago": waiting since then (the hourglass says it is a wait).
    const QString when = waiting ? QStringLiteral("⏳ ") + relativeTime(waitingSince, now)
                                 : relativeTime(index.data(LastAtRole).toLongLong(), now);
    const QColor whenColor = waitColor(index, waitedMs, option.palette);
    const auto lead = QStyle::visualAlignment(option.direction, Qt::AlignLeading);
    const auto trail = QStyle::visualAlignment(option.direction, Qt::AlignTrailing);

    QFont nameFont = option.font;
    nameFont.setBold(unread > 0);
    painter->setFont(nameFont);
    painter->setPen(pal.color(QPalette::Text));
    const int whenWidth = fm.horizontalAdvance(when) + 8;
    const QRect top(r.left(), r.top(), r.width(), fm.height());
    const QRect nameRect = QStyle::visualRect(option.direction, top,
                                              top.adjusted(0, 0, -whenWidth, 0));
    // Names are untrusted text: neutralised, elided, then isolated so they take
    // their own direction and cannot reorder what is drawn around them.
    painter->drawText(nameRect, lead | Qt::AlignVCenter,
                      text::isolate(fm.elidedText(
                          text::neutraliseBidi(index.data(CustomerNameRole).toString()),
                          Qt::ElideRight, nameRect.width())));
    painter->setFont(option.font);
    painter->setPen(whenColor);
    painter->drawText(top, trail | Qt::AlignVCenter, when);

    const QRect bottom(r.left(), r.top() + fm.height() + 6, r.width(), fm.height());
    const QString badge = channelLabel(channel);
    const int badgeWidth = fm.horizontalAdvance(badge) + 10;
    const QRect badgeRect = QStyle::visualRect(
        option.direction, bottom, QRect(bottom.left(), bottom.top(), badgeWidth, bottom.height()));
    painter->setPen(Qt::NoPen);
    painter->setBrush(channelColor(channel));
    painter->setRenderHint(QPainter::Antialiasing);
    painter->drawRoundedRect(badgeRect, 4, 4);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, badge);

    int unreadWidth = 0;
    if (unread > 0) {
        const QString count = formatNumber(unread);
        unreadWidth = std::max(fm.height(), fm.horizontalAdvance(count) + 10);
        const QRect pill = QStyle::visualRect(
            option.direction, bottom,
            QRect(bottom.right() - unreadWidth, bottom.top(), unreadWidth, bottom.height()));
        painter->setBrush(QColor(0xd3, 0x2f, 0x2f));
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(pill, bottom.height() / 2.0, bottom.height() / 2.0);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, count);
    }
    const QRect previewRect = QStyle::visualRect(
        option.direction, bottom,
        bottom.adjusted(badgeWidth + 6, 0, -(unreadWidth ? unreadWidth + 6 : 0), 0));
    painter->setPen(pal.color(QPalette::Text).lighter(150));
    const bool ours = index.data(LastDirectionRole).toString() == QLatin1String("out");
    const QString you = ours ? QApplication::translate("Inbox", "You: %1") : QStringLiteral("%1");
    const QString preview = fm.elidedText(
        text::neutraliseBidi(index.data(PreviewRole).toString()), Qt::ElideRight,
        previewRect.width() - fm.horizontalAdvance(you.arg(QString())));
    painter->drawText(previewRect, lead | Qt::AlignVCenter, you.arg(text::isolate(preview)));
    painter->restore();
}

} // namespace threadline::ui
