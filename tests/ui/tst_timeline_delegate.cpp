// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline_model.h"
#include "ui/timeline_delegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QTest>

using namespace threadline::models;
using threadline::ui::TimelineDelegate;

namespace {
constexpr int kWidth = 800;

Message message(const QString &direction, const QString &channel, const QString &body)
{
    Message m;
    m.id = 1;
    m.customerId = 7;
    m.channel = channel;
    m.direction = direction;
    m.body = body;
    m.author = QStringLiteral("زهرا");
    m.at = 1732530000000;
    return m;
}

/// Paints the one row and returns the horizontal extent of what was drawn,
/// ignoring the day separator band at the top.
QPair<int, int> paintedSpan(const Message &m, Qt::LayoutDirection direction, int *height = nullptr)
{
    TimelineModel model;
    model.showCustomer(7);
    model.applyPage(7, {m}, m.at, 1, true);
    TimelineDelegate delegate;
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, kWidth, 10);
    option.direction = direction;
    option.font = QApplication::font();
    option.palette = QApplication::palette();
    const QModelIndex index = model.index(0);
    const QSize size = delegate.sizeHint(option, index);
    if (height)
        *height = size.height();
    option.rect = QRect(QPoint(0, 0), size);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, index);
    }
    int left = kWidth, right = -1;
    for (int y = 40; y < image.height(); ++y)
        for (int x = 0; x < kWidth; ++x)
            if (image.pixel(x, y) != qRgb(255, 255, 255)) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
    return {left, right};
}
} // namespace

class TestTimelineDelegate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anInboundMessageSitsOnTheLeadingSide()
    {
        const auto m = message(QStringLiteral("in"), QStringLiteral("sms"), QStringLiteral("Hi"));
        const auto ltr = paintedSpan(m, Qt::LeftToRight);
        QVERIFY2(ltr.second < kWidth * 3 / 4, "left-to-right: inbound hugs the left");
        QVERIFY(ltr.first < 30);
        const auto rtl = paintedSpan(m, Qt::RightToLeft);
        QVERIFY2(rtl.first > kWidth / 4, "right-to-left: inbound hugs the right");
        QVERIFY(rtl.second > kWidth - 30);
    }

    void aReplySitsOnTheTrailingSide()
    {
        const auto m = message(QStringLiteral("out"), QStringLiteral("chat"), QStringLiteral("OK"));
        QVERIFY(paintedSpan(m, Qt::LeftToRight).first > kWidth / 4);
        QVERIFY(paintedSpan(m, Qt::RightToLeft).second < kWidth * 3 / 4);
    }

    void aWebLinkAndAPhoneNumberInTheTextCanBeClicked()
    {
        Message m = message(QStringLiteral("in"), QStringLiteral("chat"),
                            QStringLiteral("Track it at https://post.example/track?id=42 or call +98 912 123 4567"));
        TimelineModel model;
        model.showCustomer(7);
        model.applyPage(7, {m}, m.at, 1, true);
        TimelineDelegate delegate;
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, kWidth, 10);
        option.direction = Qt::LeftToRight;
        option.font = QApplication::font();
        option.palette = QApplication::palette();
        const QModelIndex index = model.index(0);
        option.rect.setSize(delegate.sizeHint(option, index));
        QSet<QString> found;
        for (int y = 0; y < option.rect.height(); y += 3)
            for (int x = 0; x < kWidth; x += 3)
                if (const QString link = delegate.linkAt(option, index, QPoint(x, y)); !link.isEmpty())
                    found.insert(link);
        QCOMPARE(found, (QSet<QString>{QStringLiteral("https://post.example/track?id=42"),
                                       QStringLiteral("tel:+989121234567")}));
    }

    void showingQuotedHistoryMakesAnEmailTaller()
    {
        Message m = message(QStringLiteral("in"), QStringLiteral("email"), QStringLiteral("Thanks!"));
        m.subject = QStringLiteral("Re: order 1001");
        m.quoted = QStringLiteral("> line one\n> line two\n> line three\n> line four");
        TimelineModel model;
        model.showCustomer(7);
        model.applyPage(7, {m}, m.at, 1, true);
        TimelineDelegate delegate;
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, kWidth, 10);
        option.font = QApplication::font();
        const int collapsed = delegate.sizeHint(option, model.index(0)).height();
        model.setExpanded(0, true);
        const int expanded = delegate.sizeHint(option, model.index(0)).height();
        QVERIFY(expanded > collapsed + 3 * QFontMetrics(option.font).height());
        QVERIFY(TimelineDelegate::plainText(m).contains(QStringLiteral("line four")));
    }

    void aLongMessageWrapsIntoATallerRow()
    {
        int shortHeight = 0, longHeight = 0;
        paintedSpan(message(QStringLiteral("in"), QStringLiteral("email"), QStringLiteral("سلام")),
                    Qt::RightToLeft, &shortHeight);
        QString longText;
        for (int i = 0; i < 60; ++i)
            longText += QStringLiteral("سفارش شماره ۱۰۰۱ هنوز نرسیده است. ");
        paintedSpan(message(QStringLiteral("in"), QStringLiteral("email"), longText),
                    Qt::RightToLeft, &longHeight);
        QVERIFY(longHeight > shortHeight * 3);
    }

    void askedForASizeWithNoWidthALongRowIsNotLaidOutAWordPerLine()
    {
        // QListView asks so for its scroll step, after every batch of new messages.
        QString longText;
        for (int i = 0; i < 60; ++i)
            longText += QStringLiteral("سفارش شماره ۱۰۰۱ هنوز نرسیده است. ");
        const Message m = message(QStringLiteral("in"), QStringLiteral("email"), longText);
        TimelineModel model;
        model.showCustomer(7);
        model.applyPage(7, {m}, m.at, 1, true);
        TimelineDelegate delegate;
        QStyleOptionViewItem option;
        option.font = QApplication::font();
        option.rect = QRect(0, 0, kWidth, 10);
        const int atWidth = delegate.sizeHint(option, model.index(0)).height();
        option.rect = QRect();
        const QSize noWidth = delegate.sizeHint(option, model.index(0));
        QCOMPARE(noWidth.width(), 0);
        QVERIFY(noWidth.height() < 3 * QFontMetrics(option.font).height());
        option.rect = QRect(0, 0, kWidth, 10);
        QCOMPARE(delegate.sizeHint(option, model.index(0)).height(), atWidth);
    }
};

QTEST_MAIN(TestTimelineDelegate)
#include "tst_timeline_delegate.moc"
