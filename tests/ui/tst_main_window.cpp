// SPDX-License-Identifier: GPL-3.0-or-later
// The main window keeps the agent's work safe across what the machine does to it:
// a reply the cache could not store comes back, and questions lost while offline
// are asked again once the hub is there.
#include "ui/main_window.h"

#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "tests/support/sample_customer.h"
#include "ui/composer.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTest>

using namespace threadline;

namespace {

using testing::sampleCustomer;

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Mine, Queue and All stay in sight however long their counts get; a tab that does not
    // fit is shortened, and its whole text is its tooltip.
    void aNarrowInboxKeepsAllThreeSectionsInSight()
    {
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        QList<models::Customer> customers;
        for (qint64 id = 1; id <= 300; ++id) {
            auto c = sampleCustomer(id);
            c.unread = id % 3 == 0 ? 2 : 0;
            c.assignee = id % 2 == 0 ? QStringLiteral("amir") : QString();
            customers.append(c);
        }
        inbox.applyCustomers(customers);
        window.setUser(QStringLiteral("amir"), QStringLiteral("agent"));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *sections = window.findChild<QTabBar *>(QStringLiteral("inboxSections"));
        QVERIFY(sections);
        QTRY_VERIFY(sections->tabText(0).contains(QStringLiteral("unread")));
        QTRY_VERIFY(sections->tabText(2).contains(QStringLiteral("unread")));
        QTRY_VERIFY(sections->tabRect(2).right() <= sections->width());
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(sections->rect().contains(sections->tabRect(i)), qPrintable(sections->tabText(i)));
            QVERIFY(sections->tabToolTip(i).startsWith(sections->tabText(i)));
            QVERIFY(sections->tabToolTip(i).contains(QStringLiteral("Alt+%1").arg(i + 1)));
        }
    }

    // A reply the cache refused was never promised: its text comes back to the agent.
    void aReplyTheFullDiskRefusedComesBackToTheComposerWithTheReason()
    {
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        inbox.applyCustomers({sampleCustomer(1), sampleCustomer(2)});
        window.show();
        window.openFromSearch(1, 0);
        QTRY_COMPARE(window.currentCustomer(), qint64(1));
        QVERIFY(window.composer()->draft().body.isEmpty()); // the composer cleared on send

        window.returnUnsent({1, QStringLiteral("sms"), QString(), QString(),
                             QStringLiteral("Your parcel leaves today"), 0},
                            QStringLiteral("disk_full"));
        QCOMPARE(window.composer()->draft().body, QStringLiteral("Your parcel leaves today"));
        QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("The disk is full")));
    }

    void aRefusedReplyForAnotherCustomerWaitsAsTheirDraftBesideWhatIsBeingWritten()
    {
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        inbox.applyCustomers({sampleCustomer(1), sampleCustomer(2)});
        window.setDrafts({{2, QStringLiteral("sms"), QString(), QString(),
                           QStringLiteral("Newer words"), 0}});
        window.show();
        window.openFromSearch(1, 0);
        QTRY_COMPARE(window.currentCustomer(), qint64(1));

        window.returnUnsent({2, QStringLiteral("sms"), QString(), QString(),
                             QStringLiteral("Older reply"), 0},
                            QStringLiteral("read_only"));
        QVERIFY(window.composer()->draft().body.isEmpty()); // customer 1's composer untouched
        window.openFromSearch(2, 0);
        QTRY_COMPARE(window.currentCustomer(), qint64(2));
        const QString body = window.composer()->draft().body;
        QVERIFY2(body.contains(QStringLiteral("Older reply"))
                     && body.contains(QStringLiteral("Newer words")),
                 qPrintable(body));
    }

    void aThreadOpenedFromTheCacheAsksForItsOrdersAgainWhenTheHubIsThere()
    {
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        QSignalSpy asked(&window, &ui::MainWindow::customerOrdersWanted);
        inbox.applyCustomers({sampleCustomer(1), sampleCustomer(2)});
        window.show();
        window.setConnection(false, QString());
        window.openFromSearch(2, 0);
        QTRY_COMPARE(window.currentCustomer(), qint64(2));
        asked.clear(); // opening asked once, with nobody to answer

        window.setConnection(true, QString());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toLongLong(), 2);
        window.setConnection(true, QString()); // still online: nothing new to ask
        QCOMPARE(asked.size(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
