// SPDX-License-Identifier: GPL-3.0-or-later
// While the cache cannot be written, a strip across the top of the window says
// why in plain words; it goes once the cache takes writes again.
#include "ui/storage_banner.h"

#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "ui/composer.h"
#include "ui/main_window.h"

#include <QDateTime>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QTest>

using namespace threadline;
using threadline::ui::StorageBanner;

namespace {

models::Customer customer(qint64 id)
{
    models::Customer c;
    c.id = id;
    c.name = QStringLiteral("Customer %1").arg(id);
    c.status = QStringLiteral("open");
    c.lastAt = QDateTime::currentMSecsSinceEpoch();
    c.lastChannel = QStringLiteral("sms");
    c.lastDirection = QStringLiteral("in");
    return c;
}

} // namespace

class TestStorageBanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aFullDiskIsSaidInPlainWordsAcrossTheTopUntilSpaceIsBack()
    {
        QMainWindow window;
        auto *banner = new StorageBanner(&window);
        window.addToolBar(Qt::TopToolBarArea, banner);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!banner->isVisible()); // nothing to say while all is well
        QVERIFY(banner->sentence().isEmpty());

        banner->showProblem(QStringLiteral("disk_full"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->sentence().startsWith(
            QStringLiteral("The disk is full: new messages are not being saved")));
        QCOMPARE(window.toolBarArea(banner), Qt::TopToolBarArea);

        banner->clearProblem();
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->sentence().isEmpty());
    }

    void aReadOnlyProfileAndOtherFailuresHaveTheirOwnSentences()
    {
        QMainWindow window;
        auto *banner = new StorageBanner(&window);
        window.addToolBar(banner);
        window.show();
        banner->showProblem(QStringLiteral("read_only"));
        QVERIFY(banner->sentence().startsWith(QStringLiteral("The profile folder is read-only")));
        banner->showProblem(QStringLiteral("io"));
        QVERIFY(banner->sentence().contains(QStringLiteral("(io)")));
        QVERIFY(banner->isVisible());
    }

    // A reply the cache refused was never promised: its text comes back to the agent.
    void aReplyTheFullDiskRefusedComesBackToTheComposerWithTheReason()
    {
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        inbox.applyCustomers({customer(1), customer(2)});
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
        inbox.applyCustomers({customer(1), customer(2)});
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
};

QTEST_MAIN(TestStorageBanner)
#include "tst_storage_banner.moc"
