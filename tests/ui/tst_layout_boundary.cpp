// SPDX-License-Identifier: GPL-3.0-or-later
// A page behind a LayoutBoundary: its labels change text without the tabs around it
// laying out (and repainting) again; needing more room still reaches them.
#include "ui/layout_boundary.h"

#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QVBoxLayout>

using threadline::ui::LayoutBoundary;

namespace {

/// Counts the layout requests a widget receives.
class LayoutRequests : public QObject {
public:
    explicit LayoutRequests(QWidget *watched) { watched->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return false;
    }
};

/// A page holding one word-wrapped summary line, as the side panel does.
QWidget *summaryPage(const QString &text, QLabel **summary)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    *summary = new QLabel(text, page);
    (*summary)->setWordWrap(true);
    layout->addWidget(*summary);
    layout->addStretch();
    return page;
}

} // namespace

class TestLayoutBoundary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aLabelChangingItsTextLeavesTheTabsAroundThePageAlone()
    {
        QTabWidget tabs;
        QLabel *summary = nullptr;
        QWidget *page =
            summaryPage(QStringLiteral("12 items in the thread, the last just now"), &summary);
        auto *boundary = new LayoutBoundary(page);
        tabs.addTab(boundary, QStringLiteral("Conversations"));
        tabs.resize(600, 400);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        QCOMPARE(page->geometry(), boundary->rect()); // the page fills the boundary

        LayoutRequests requests(&tabs);
        for (int n = 13; n < 40; ++n) {
            summary->setText(QStringLiteral("%1 items in the thread, the last just now").arg(n));
            QCoreApplication::processEvents();
        }
        QCOMPARE(requests.count, 0);
        QCOMPARE(summary->text(), QStringLiteral("39 items in the thread, the last just now"));

        // Without the boundary, the same change reaches the tabs.
        QTabWidget bare;
        QLabel *bareSummary = nullptr;
        bare.addTab(summaryPage(QStringLiteral("12 items"), &bareSummary), QStringLiteral("Conversations"));
        bare.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bare));
        LayoutRequests bareRequests(&bare);
        bareSummary->setText(QStringLiteral("13 items in the thread, the last just now"));
        QTRY_VERIFY(bareRequests.count > 0);
    }

    void aPageNeedingMoreRoomStillTellsTheTabs()
    {
        QTabWidget tabs;
        auto *page = new QWidget;
        auto *layout = new QVBoxLayout(page);
        auto *panel = new QWidget(page);
        layout->addWidget(panel);
        tabs.addTab(new LayoutBoundary(page), QStringLiteral("Conversations"));
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        const int before = tabs.minimumSizeHint().height();

        LayoutRequests requests(&tabs);
        panel->setMinimumHeight(before + 300);
        QTRY_VERIFY(requests.count > 0);
        QTRY_VERIFY(tabs.minimumSizeHint().height() >= before + 300);
    }

    void resizingTheBoundaryResizesThePage()
    {
        auto *page = new QWidget;
        LayoutBoundary boundary(page);
        boundary.resize(321, 123);
        boundary.show();
        QVERIFY(QTest::qWaitForWindowExposed(&boundary));
        QCOMPARE(page->size(), QSize(321, 123));
        QCOMPARE(boundary.content(), page);
    }
};

QTEST_MAIN(TestLayoutBoundary)
#include "tst_layout_boundary.moc"
