// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/search_palette_delegate.h"

#include "models/search_results_model.h"
#include "services/text/safe_text.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"

#include <QDateTime>
#include <QPainter>
#include <QTextLayout>

namespace threadline::ui {

using models::SearchHit;
using models::SearchResultsModel;

namespace {

constexpr int kPad = 10;

/// Bidi controls replaced by ZERO WIDTH SPACE, one for one: inert, and every
/// marked range keeps pointing at the same characters. Line breaks become spaces.
QString inertInPlace(const QString &untrusted)
{
    QString out = untrusted;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
            c = QChar(0x200B);
        else if (u == u'\n' || u == u'\r' || u == 0x2029 || u == 0x2028)
            c = QLatin1Char(' ');
    }
    return out;
}

QList<QTextLayout::FormatRange> marks(const QList<models::TextRange> &ranges, int shift,
                                      const QPalette &pal)
{
    QList<QTextLayout::FormatRange> out;
    QTextCharFormat mark;
    mark.setFontWeight(QFont::Bold);
    mark.setBackground(QColor(255, 214, 102, 150)); // a highlighter's yellow, readable in both themes
    mark.setForeground(pal.color(QPalette::Text));
    for (const auto &r : ranges)
        out.append({r.start + shift, r.length, mark});
    return out;
}

/// One line of text, elided by width, in @p rect; direction from its own content.
void drawLine(QPainter *painter, const QRect &rect, const QString &text, const QFont &font,
              const QList<QTextLayout::FormatRange> &formats)
{
    QTextLayout layout(text, font);
    QTextOption option;
    const bool rtl = text.isRightToLeft();
    option.setTextDirection(rtl ? Qt::RightToLeft : Qt::LeftToRight);
    option.setWrapMode(QTextOption::NoWrap);
    // A Persian snippet starts on the right in any UI, an English one on the left.
    option.setAlignment((rtl ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignAbsolute);
    layout.setTextOption(option);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(rect.width());
    layout.endLayout();
    painter->save();
    painter->setClipRect(rect);
    layout.draw(painter, rect.topLeft());
    painter->restore();
}

QString channelAndDate(const SearchHit &hit)
{
    QStringList parts;
    if (!hit.channel.isEmpty())
        parts.append(channelLabel(hit.channel));
    if (hit.at > 0)
        parts.append(shortDate(QDateTime::fromMSecsSinceEpoch(hit.at).toLocalTime().date()));
    if (hit.fromHub)
        parts.append(SearchPaletteDelegate::tr("on the hub"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QString SearchPaletteDelegate::groupTitle(int kind)
{
    switch (SearchHit::Kind(kind)) {
    case SearchHit::Kind::Customer:
        return tr("Customers");
    case SearchHit::Kind::Message:
        return tr("Messages");
    case SearchHit::Kind::Order:
        return tr("Orders");
    }
    return {};
}

QString SearchPaletteDelegate::whoLine(const QModelIndex &index)
{
    const auto hit = index.data(SearchResultsModel::HitRole).value<SearchHit>();
    const QString name = hit.customerName.isEmpty() ? tr("Customer %1").arg(hit.customerId)
                                                    : text::isolate(hit.customerName);
    const QString rest = channelAndDate(hit);
    return rest.isEmpty() ? name : name + QStringLiteral(" · ") + rest;
}

QSize SearchPaletteDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const int line = option.fontMetrics.height();
    if (index.data(SearchResultsModel::IsHeaderRole).toBool())
        return {0, line + 10};
    return {0, line * 2 + 16};
}

void SearchPaletteDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QPalette &pal = option.palette;
    const QRect r = option.rect.adjusted(kPad, 0, -kPad, 0);
    const int line = option.fontMetrics.height();
    painter->save();
    if (index.data(SearchResultsModel::IsHeaderRole).toBool()) {
        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.9);
        painter->setFont(font);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(r.adjusted(0, 4, 0, 0), Qt::AlignVCenter | Qt::AlignLeading,
                          groupTitle(index.data(SearchResultsModel::KindRole).toInt()));
        painter->restore();
        return;
    }
    const bool selected = option.state & QStyle::State_Selected;
    painter->fillRect(option.rect, selected ? pal.color(QPalette::Highlight).lighter(170)
                                            : pal.color(QPalette::Base));
    painter->setPen(pal.color(QPalette::Text));
    const auto hit = index.data(SearchResultsModel::HitRole).value<SearchHit>();

    // Line 1: who, on which channel, when. The name is isolated inside our sentence.
    const QString name = hit.customerName.isEmpty() ? tr("Customer %1").arg(hit.customerId)
                                                    : inertInPlace(hit.customerName);
    QString who = QChar(0x2068) + name + QChar(0x2069); // FSI … PDI
    const QString rest = channelAndDate(hit);
    if (!rest.isEmpty())
        who += QStringLiteral(" · ") + rest;
    QList<QTextLayout::FormatRange> whoFormats;
    QTextCharFormat nameFormat;
    nameFormat.setFontWeight(QFont::Bold);
    whoFormats.append({1, int(name.size()), nameFormat});
    if (hit.kind == SearchHit::Kind::Customer && hit.field == u"name")
        whoFormats += marks(hit.highlights, 1, pal);
    // Our own sentence follows the window's direction; the name inside it its own.
    QString whoInUi = (option.direction == Qt::RightToLeft ? QChar(0x200F) : QChar(0x200E)) + who;
    for (auto &f : whoFormats)
        f.start += 1;
    drawLine(painter, QRect(r.left(), r.top() + 6, r.width(), line), whoInUi, option.font,
             whoFormats);

    // Line 2: what matched, marked.
    if (!(hit.kind == SearchHit::Kind::Customer && hit.field == u"name")) {
        const QString snippet = inertInPlace(hit.snippet);
        painter->setPen(pal.color(QPalette::Text));
        drawLine(painter, QRect(r.left(), r.top() + 8 + line, r.width(), line), snippet,
                 option.font, marks(hit.highlights, 0, pal));
    }
    painter->setPen(pal.color(QPalette::Midlight));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

} // namespace threadline::ui
