// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline_delegate.h"

#include "models/timeline_roles.h"
#include "services/text/safe_text.h"
#include "ui/attachment_list.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTextOption>

namespace threadline::ui {

using models::Delivery;
using models::Message;

namespace {
constexpr int kMargin = 10;
constexpr int kPadding = 9;
constexpr int kSeparatorHeight = 30;
constexpr double kBubbleShare = 0.72; // a bubble never spans more of the row than this

// Why a reply failed. The hub's own reasons (docs/protocol.md) are read in the agent's
// language; a provider's words (a mail server, Twilio) come as they are, isolated so
// their script and direction cannot reorder the line around them.
QString failureReasonText(const QString &reason)
{
    static const char *const known[] = {
        QT_TRANSLATE_NOOP("DeliveryReason", "no SMS provider configured"),
        QT_TRANSLATE_NOOP("DeliveryReason", "no email server configured"),
        QT_TRANSLATE_NOOP("DeliveryReason", "unreachable destination handset"),
        QT_TRANSLATE_NOOP("DeliveryReason", "message blocked"),
        QT_TRANSLATE_NOOP("DeliveryReason", "unknown destination handset"),
        QT_TRANSLATE_NOOP("DeliveryReason", "landline or unreachable carrier"),
        QT_TRANSLATE_NOOP("DeliveryReason", "message filtered by the carrier"),
        QT_TRANSLATE_NOOP("DeliveryReason", "unknown error"),
    };
    for (const char *source : known)
        if (reason == QLatin1String(source))
            return QApplication::translate("DeliveryReason", source);
    return text::isolate(reason);
}

QString deliveryText(const Message &m)
{
    switch (m.delivery) {
    case Delivery::Pending:
        return QApplication::translate("Timeline", "Waiting to send");
    case Delivery::Queued:
        return QApplication::translate("Timeline", "Queued");
    case Delivery::Sent:
        return QApplication::translate("Timeline", "Sent");
    case Delivery::Delivered:
        return QApplication::translate("Timeline", "Delivered");
    case Delivery::Failed:
        return m.failureReason.isEmpty()
                   ? QApplication::translate("Timeline", "Failed")
                   : QApplication::translate("Timeline", "Failed: %1")
                         .arg(failureReasonText(m.failureReason));
    case Delivery::Received:
        break;
    }
    return {};
}

QString callSummary(const Message &m)
{
    const int seconds = m.meta.value(QStringLiteral("duration_s")).toInt();
    const QString direction = m.direction == QLatin1String("in")
                                  ? QApplication::translate("Timeline", "Incoming call")
                                  : QApplication::translate("Timeline", "Outgoing call");
    QString s = direction + QStringLiteral(" · ") + callDuration(seconds);
    const QString disposition = m.meta.value(QStringLiteral("disposition")).toString();
    if (!disposition.isEmpty())
        s += QStringLiteral(" · ") + callDispositionLabel(disposition);
    return s;
}

/// The subject takes the direction of its words, not of a "Re:" or "Fwd:" in front.
QString subjectText(const Message &m)
{
    static const QRegularExpression replyPrefix(
        QStringLiteral("^\\s*((re|fwd?|aw|wg)\\s*:\\s*)+"), QRegularExpression::CaseInsensitiveOption);
    const QString words = QString(m.subject).remove(replyPrefix);
    return text::isolate(m.subject, words.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight);
}

/// isolate() per line: it turns line breaks into spaces (a break would end the
/// isolate early), and an email's lines must stay lines.
QString isolateLines(const QString &untrusted)
{
    QStringList lines = untrusted.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = text::isolate(line);
    return lines.join(QLatin1Char('\n'));
}

/// Who did what to the conversation, in the reader's language (the hub's body
/// is English, for logs and old clients).
QString systemText(const Message &m)
{
    const auto meta = [&m](const char *key) { return m.meta.value(QLatin1String(key)).toString(); };
    const QString who = text::isolate(m.author);
    const QString event = meta("event");
    if (event == QLatin1String("assigned")) {
        const QString to = meta("to");
        if (to.isEmpty())
            return QApplication::translate("Timeline", "%1 returned the conversation to the queue").arg(who);
        if (to == m.author)
            return QApplication::translate("Timeline", "%1 took the conversation").arg(who);
        return QApplication::translate("Timeline", "%1 assigned the conversation to %2")
            .arg(who, text::isolate(to));
    }
    if (event == QLatin1String("transferred")) {
        const QString to = meta("to").isEmpty() ? meta("to_queue") : meta("to");
        QString sentence = QApplication::translate("Timeline", "%1 transferred the conversation to %2")
                               .arg(who, text::isolate(to));
        if (!meta("note").isEmpty())
            sentence += QStringLiteral(": ") + text::isolate(meta("note"));
        return sentence;
    }
    if (event == QLatin1String("snoozed"))
        return QApplication::translate("Timeline", "%1 snoozed the conversation until %2")
            .arg(who, inChosenDigits(QLocale().toString(
                          QDateTime::fromMSecsSinceEpoch(m.meta.value(QStringLiteral("until")).toInteger()),
                          QLocale::ShortFormat)));
    if (event == QLatin1String("merged")) {
        QString sentence = QApplication::translate("Timeline", "%1 merged %2 into this customer")
                               .arg(who, text::isolate(meta("name")));
        if (!meta("note").isEmpty())
            sentence += QStringLiteral(": ") + text::isolate(meta("note"));
        return sentence;
    }
    if (event == QLatin1String("unmerged"))
        return QApplication::translate("Timeline", "%1 undid the merge with %2")
            .arg(who, text::isolate(meta("name")));
    if (event == QLatin1String("resolved"))
        return QApplication::translate("Timeline", "%1 resolved the conversation").arg(who);
    if (event == QLatin1String("reopened"))
        return meta("reason") == QLatin1String("snooze_due")
                   ? QApplication::translate("Timeline", "The snooze ended; the conversation is open again")
                   : QApplication::translate("Timeline", "%1 reopened the conversation").arg(who);
    return text::isolate(m.body);
}

QString bodyText(const Message &m, bool expanded)
{
    if (m.channel == QLatin1String("system"))
        return systemText(m);
    QString text;
    // The subject shares the layout with the body: a bidi control left open in
    // it must not run on into the body.
    if (m.channel == QLatin1String("email") && !m.subject.isEmpty())
        text = subjectText(m) + QLatin1Char('\n');
    if (m.channel == QLatin1String("order")) {
        const QString number = m.meta.value(QStringLiteral("number")).toString();
        const QString status = m.meta.value(QStringLiteral("status")).toString();
        text = QApplication::translate("Timeline", "Order %1: %2")
                   .arg(text::isolateStrict(number), orderStatusLabel(status));
        if (!m.body.isEmpty())
            text += QStringLiteral(" — ") + text::isolate(m.body);
        return text;
    }
    if (m.quoted.isEmpty()) {
        text += m.body;
    } else if (!expanded) {
        text += isolateLines(m.body) + QLatin1Char('\n')
                + QApplication::translate("Timeline", "▸ quoted history hidden");
    } else {
        text += isolateLines(m.body) + QLatin1Char('\n')
                + QApplication::translate("Timeline", "▾ quoted history") + QLatin1Char('\n')
                + isolateLines(m.quoted);
    }
    // QTextLayout breaks lines only at U+2028, not at '\n'.
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

/// Web links, mail addresses and phone numbers in what the customer wrote,
/// so the agent can open or dial them with a click.
QList<std::tuple<int, int, QString>> findLinks(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "(https?://[^\\s<>\"\\x{2066}-\\x{2069}]+[^\\s<>\".,;:!?)\\]\\x{2066}-\\x{2069}])"
        "|([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})"
        "|(\\+?[0-9\\x{06F0}-\\x{06F9}\\x{0660}-\\x{0669}][0-9\\x{06F0}-\\x{06F9}\\x{0660}-\\x{0669} -]{7,}"
        "[0-9\\x{06F0}-\\x{06F9}\\x{0660}-\\x{0669}])"));
    QList<std::tuple<int, int, QString>> links;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        QString target;
        if (match.capturedLength(1) > 0) {
            target = match.captured(1);
        } else if (match.capturedLength(2) > 0) {
            target = QStringLiteral("mailto:") + match.captured(2);
        } else {
            QString digits;
            for (const QChar c : match.captured(3))
                if (c.isDigit())
                    digits += QChar(u'0' + c.digitValue());
                else if (c == u'+')
                    digits += c;
            target = QStringLiteral("tel:") + digits;
        }
        links.append({static_cast<int>(match.capturedStart()),
                      static_cast<int>(match.capturedLength()), target});
    }
    return links;
}

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

} // namespace

TimelineDelegate::TimelineDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
    m_layouts.setMaxCost(2000);
}

const TimelineDelegate::Layout &TimelineDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                            const QModelIndex &index) const
{
    const auto m = index.data(models::MessageRole).value<Message>();
    const int width = option.rect.width();
    const bool expanded = index.data(models::ExpandedRole).toBool();
    const bool unreadMarker = index.data(models::UnreadMarkerRole).toBool();
    const QString cacheKey = m.key() + QLatin1Char('@')
                             + QString::number(static_cast<int>(m.delivery) * 4 + expanded * 2
                                               + unreadMarker);
    if (Layout *cached = m_layouts.object(cacheKey); cached && cached->width == width)
        return *cached;

    auto *l = new Layout;
    l->width = width;
    const QFontMetrics fm(option.font);
    const QLocale locale;

    // A day separator above the first item of a day.
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    const QDate day = dayOf(m.at);
    l->daySeparator = !previous.isValid() || dayOf(previous.data(models::AtRole).toLongLong()) != day;
    int y = kMargin / 2;
    if (l->daySeparator) {
        l->dayText = dayLabel(day, locale);
        y += kSeparatorHeight;
    }
    l->unreadMarker = unreadMarker;
    if (unreadMarker)
        y += kSeparatorHeight;

    const bool system = m.channel == QLatin1String("system");
    const bool centred = m.channel == QLatin1String("order") || system;
    const bool note = m.channel == QLatin1String("note");
    const QString time = formatTime(QDateTime::fromMSecsSinceEpoch(m.at).time(), locale);
    l->header = channelLabel(m.channel);
    if (m.channel == QLatin1String("phone"))
        l->header += QStringLiteral(" · ") + callSummary(m);
    // Author and identity come from outside: isolated, so an author named with
    // bidi controls cannot reorder the channel, the address or the time.
    if (!m.author.isEmpty())
        l->header += QStringLiteral(" · ") + text::isolate(m.author);
    if (!m.identity.isEmpty() && m.channel != QLatin1String("note"))
        l->header += QStringLiteral(" · ") + text::isolateStrict(m.identity);
    l->header += QStringLiteral(" · ") + time;
    l->footer = deliveryText(m);

    const int maxCard = note || m.channel == QLatin1String("email")
                            ? width - 2 * kMargin
                            : static_cast<int>(width * kBubbleShare);
    const int textWidth = std::max(80, maxCard - 2 * kPadding);

    // Each paragraph takes the direction of its own text, so a Persian reply
    // quoting an English order number reads right in either UI direction.
    // An email's attachments and "Show original formatting" are lines of its own text,
    // links like any other, so they are clicked, hit-tested and laid out the same way.
    const QList<EmailExtraLine> extras = emailExtraLines(m, locale);
    QString extrasText;
    for (const EmailExtraLine &line : extras)
        extrasText += QChar(QChar::LineSeparator) + line.text;
    const QString text = bodyText(m, expanded) + extrasText;
    auto layout = std::make_shared<QTextLayout>(text, option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // The body decides the direction, not an English subject line or label;
    // an order event is our sentence, so it reads in the interface's direction.
    if (centred)
        textOption.setTextDirection(option.direction);
    else
        textOption.setTextDirection((m.body.isEmpty() ? text : m.body).isRightToLeft()
                                        ? Qt::RightToLeft
                                        : Qt::LeftToRight);
    // Lines align to the side their paragraph starts from, inside the card.
    textOption.setAlignment((textOption.textDirection() == Qt::RightToLeft ? Qt::AlignRight
                                                                           : Qt::AlignLeft)
                            | Qt::AlignAbsolute);
    layout->setTextOption(textOption);
    QList<QTextLayout::FormatRange> formats;
    if (m.channel == QLatin1String("email") && !m.subject.isEmpty()) {
        QTextLayout::FormatRange subject; // the first line, in bold
        subject.start = 0;
        subject.length = static_cast<int>(subjectText(m).size());
        subject.format.setFontWeight(QFont::Bold);
        formats.append(subject);
    }
    if (m.channel != QLatin1String("order")) {
        for (const auto &[start, length, target] : findLinks(text)) {
            QTextLayout::FormatRange link;
            link.start = start;
            link.length = length;
            link.format.setForeground(option.palette.color(QPalette::Link));
            link.format.setFontUnderline(true);
            formats.append(link);
            l->links.append({start, length, target});
        }
    }
    // Listed first, so a mail address inside an attachment's name saves the attachment.
    for (qsizetype i = extras.size() - 1, end = text.size(); i >= 0; --i) {
        const int length = static_cast<int>(extras.at(i).text.size());
        end -= length;
        QTextLayout::FormatRange link;
        link.start = static_cast<int>(end);
        link.length = length;
        link.format.setForeground(option.palette.color(QPalette::Link));
        formats.append(link);
        l->links.prepend({static_cast<int>(end), length, extras.at(i).target});
        end -= 1; // the line separator before it
    }
    layout->setFormats(formats);
    // Two passes: the first finds the widest line, the second lays the lines out
    // at that width, so right-aligned lines end at the card's edge, not beyond it.
    qreal textHeight = 0;
    qreal widest = 0;
    auto lay = [&](qreal lineWidth) {
        textHeight = 0;
        widest = 0;
        layout->beginLayout();
        for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
            line.setLineWidth(lineWidth);
            line.setPosition(QPointF(0, textHeight));
            textHeight += line.height();
            widest = std::max(widest, line.naturalTextWidth());
        }
        layout->endLayout();
    };
    lay(textWidth);
    const int headerAndFooter = std::max(fm.horizontalAdvance(l->header), fm.horizontalAdvance(l->footer));
    const qreal snug = std::min<qreal>(textWidth, std::max<qreal>(std::ceil(widest), headerAndFooter));
    if (snug < textWidth)
        lay(snug);

    const int headerWidth = fm.horizontalAdvance(l->header);
    const int footerWidth = fm.horizontalAdvance(l->footer);
    const int contentWidth = std::max({static_cast<int>(std::ceil(widest)), headerWidth, footerWidth});
    const int cardWidth = std::min(maxCard, contentWidth + 2 * kPadding);
    const int cardHeight = kPadding + fm.height() + 4 + static_cast<int>(std::ceil(textHeight))
                           + (l->footer.isEmpty() ? 0 : fm.height() + 2) + kPadding;

    // Inbound on the leading side, outbound on the trailing side, notes and
    // orders in the middle; QStyle::visualRect mirrors it all for right-to-left.
    int x = kMargin;
    if (centred || note)
        x = (width - cardWidth) / 2;
    else if (m.direction != QLatin1String("in"))
        x = width - kMargin - cardWidth;
    const QRect logical(x, y, cardWidth, cardHeight);
    l->card = QStyle::visualRect(option.direction, QRect(0, 0, width, 1), logical);
    l->text = layout;
    l->textOrigin = QPoint(l->card.left() + kPadding, y + kPadding + fm.height() + 4);
    l->height = y + cardHeight + kMargin / 2;

    m_layouts.insert(cacheKey, l, 1);
    return *l;
}

QString TimelineDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                 const QPoint &pos) const
{
    const Layout &l = layoutFor(option, index);
    if (l.links.isEmpty())
        return {};
    const QPointF p = QPointF(pos - l.textOrigin);
    for (int i = 0; i < l.text->lineCount(); ++i) {
        const QTextLine line = l.text->lineAt(i);
        if (p.y() < line.y() || p.y() >= line.y() + line.height())
            continue;
        if (p.x() < line.x() || p.x() > line.x() + line.naturalTextWidth() + 1)
            return {};
        const int at = line.xToCursor(p.x(), QTextLine::CursorOnCharacter);
        for (const Link &link : l.links)
            if (at >= link.start && at < link.start + link.length)
                return link.target;
        return {};
    }
    return {};
}

bool TimelineDelegate::isOnCard(const QStyleOptionViewItem &option, const QModelIndex &index,
                                const QPoint &pos) const
{
    return layoutFor(option, index).card.contains(pos);
}

QString TimelineDelegate::plainText(const Message &m)
{
    QStringList parts;
    if (!m.subject.isEmpty())
        parts.append(m.subject);
    if (!m.body.isEmpty())
        parts.append(m.body);
    if (!m.quoted.isEmpty())
        parts.append(m.quoted);
    return text::neutraliseBidi(parts.join(QStringLiteral("\n\n")));
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // QListView::updateGeometries asks for the first row's size with no width, for a
    // scroll step the view sets itself. Laying that row out at width 0 (every word on
    // a line of its own) would also push its real layout out of the cache, twice per
    // batch of new messages; a row's height is only known at a width.
    if (option.rect.width() <= 0)
        return {0, QFontMetrics(option.font).height() + 2 * kMargin};
    return {option.rect.width(), layoutFor(option, index).height};
}

void TimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const auto m = index.data(models::MessageRole).value<Message>();
    const Layout &l = layoutFor(option, index);
    const QPalette &pal = option.palette;
    painter->save();
    painter->translate(option.rect.topLeft());
    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(option.font);

    if (l.daySeparator) {
        const QRect band(0, kMargin / 2, l.width, kSeparatorHeight - 6);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawLine(kMargin, band.center().y(), l.width - kMargin, band.center().y());
        const int w = fm.horizontalAdvance(l.dayText) + 20;
        const QRect label((l.width - w) / 2, band.top(), w, band.height());
        painter->fillRect(label, pal.color(QPalette::Base));
        painter->drawText(label, Qt::AlignCenter, l.dayText);
    }

    if (l.unreadMarker) {
        const int top = kMargin / 2 + (l.daySeparator ? kSeparatorHeight : 0);
        const QRect band(0, top, l.width, kSeparatorHeight - 6);
        const QColor red(0xd3, 0x2f, 0x2f);
        painter->setPen(QPen(red, 1.5));
        painter->drawLine(kMargin, band.center().y(), l.width - kMargin, band.center().y());
        const QString label = QApplication::translate("Timeline", "New");
        const int w = fm.horizontalAdvance(label) + 20;
        const QRect pill = QStyle::visualRect(option.direction, QRect(0, 0, l.width, 1),
                                              QRect(l.width - kMargin - w, band.top(), w, band.height()));
        painter->fillRect(pill, red);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, label);
    }

    // Fills and accents follow the palette (light or dark theme), so the
    // palette's text colour stays readable on every card.
    const QColor accent = readableAccent(channelColor(m.channel), pal);
    Bubble kind = Bubble::Inbound;
    if (m.channel == QLatin1String("note"))
        kind = Bubble::Note;
    else if (m.direction == QLatin1String("out"))
        kind = Bubble::Outbound;
    else if (m.channel == QLatin1String("order"))
        kind = Bubble::Order;
    else if (m.channel == QLatin1String("system"))
        kind = Bubble::System;
    const QColor fill = bubbleFill(kind, pal);
    QPainterPath path;
    path.addRoundedRect(l.card, 8, 8);
    painter->fillPath(path, fill);
    painter->setPen(QPen(m.delivery == Delivery::Failed ? QColor(0xc6, 0x28, 0x28) : accent, 1.2,
                         m.channel == QLatin1String("note") ? Qt::DashLine : Qt::SolidLine));
    painter->drawPath(path);

    // Header: channel, author, identity, time.
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    painter->setFont(small);
    painter->setPen(accent);
    const QRect headerRect(l.card.left() + kPadding, l.card.top() + kPadding - 2,
                           l.card.width() - 2 * kPadding, fm.height());
    painter->drawText(headerRect,
                      QStyle::visualAlignment(option.direction, Qt::AlignLeading) | Qt::AlignVCenter | Qt::TextSingleLine,
                      fm.elidedText(l.header, Qt::ElideRight, headerRect.width()));
    painter->setFont(option.font);
    painter->setPen(pal.color(QPalette::Text));
    l.text->draw(painter, l.textOrigin);
    if (!l.footer.isEmpty()) {
        painter->setFont(small);
        painter->setPen(m.delivery == Delivery::Failed ? QColor(0xc6, 0x28, 0x28)
                                                       : pal.color(QPalette::PlaceholderText));
        const QRect footerRect(l.card.left() + kPadding,
                               l.card.bottom() - kPadding - fm.height() + 2,
                               l.card.width() - 2 * kPadding, fm.height());
        painter->drawText(footerRect,
                          QStyle::visualAlignment(option.direction, Qt::AlignTrailing) | Qt::AlignVCenter, l.footer);
    }
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2));
        painter->drawRoundedRect(l.card.adjusted(-2, -2, 2, 2), 9, 9);
    }
    painter->restore();
}

} // namespace threadline::ui
