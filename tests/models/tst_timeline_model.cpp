// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline_model.h"
#include "models/timeline_roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace threadline::models;

namespace {
Message item(qint64 id, qint64 at, qint64 customer = 7)
{
    Message m;
    m.id = id;
    m.customerId = customer;
    m.channel = QStringLiteral("sms");
    m.direction = QStringLiteral("in");
    m.body = QStringLiteral("پیام ") + QString::number(id);
    m.at = at;
    return m;
}

QList<Message> newestFirst(qint64 fromId, qint64 toId)
{
    QList<Message> out;
    for (qint64 id = toId; id >= fromId; --id)
        out.append(item(id, id * 1000));
    return out;
}
} // namespace

class TestTimelineModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showingACustomerAsksForTheNewestPage()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy wanted(&model, &TimelineModel::pageWanted);
        model.showCustomer(7);
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.at(0).at(0).toLongLong(), 7);
        QCOMPARE(wanted.at(0).at(1).toLongLong(), 0);
        QVERIFY(model.isLoading());
    }

    void pagesArePrependedOldestAtTheTop()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy wanted(&model, &TimelineModel::pageWanted);
        model.showCustomer(7);
        model.applyPage(7, newestFirst(51, 100), 51000, 51, false);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.index(0).data(AtRole).toLongLong(), 51000);
        QVERIFY(model.canFetchOlder());
        model.fetchOlder();
        QCOMPARE(wanted.count(), 2);
        QCOMPARE(wanted.at(1).at(1).toLongLong(), 51000);
        QVERIFY(!model.canFetchOlder()); // one request at a time
        model.applyPage(7, newestFirst(1, 50), 1000, 1, true);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.index(0).data(AtRole).toLongLong(), 1000);
        QVERIFY(!model.canFetchOlder());
    }

    void aPageForAnotherCustomerIsIgnored()
    {
        TimelineModel model;
        model.showCustomer(7);
        model.applyPage(8, newestFirst(1, 10), 1000, 1, true);
        QCOMPARE(model.rowCount(), 0);
    }

    void aLocalEchoIsReplacedByItsConfirmationInPlace()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.showCustomer(7);
        model.applyPage(7, newestFirst(1, 3), 1000, 1, true);
        Message echo = item(0, 5000);
        echo.clientId = QStringLiteral("abc");
        echo.direction = QStringLiteral("out");
        echo.delivery = Delivery::Pending;
        model.applyMessages({echo});
        QCOMPARE(model.rowCount(), 4);
        Message confirmed = echo;
        confirmed.id = 99;
        confirmed.delivery = Delivery::Queued;
        model.applyMessages({confirmed});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3).data(MessageKeyRole).toString(), QStringLiteral("99"));
        model.applyDelivery(99, QString(), Delivery::Delivered, QString());
        QCOMPARE(model.index(3).data(DeliveryRole).toInt(), static_cast<int>(Delivery::Delivered));
        model.applyMessages({confirmed}); // the event after the ack changes nothing
        QCOMPARE(model.rowCount(), 4);
    }

    void anEmailsQuotedHistoryCanBeShownAndHidden()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.showCustomer(7);
        model.applyPage(7, newestFirst(1, 3), 1000, 1, true);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setExpanded(1, true);
        QVERIFY(model.index(1).data(ExpandedRole).toBool());
        QVERIFY(!model.index(0).data(ExpandedRole).toBool());
        model.setExpanded(1, true); // no change, no signal
        QCOMPARE(changed.count(), 1);
        model.setExpanded(1, false);
        QVERIFY(!model.index(1).data(ExpandedRole).toBool());
    }

    void theUnreadMarkerSitsOnTheOldestUnreadMessageFromTheCustomer()
    {
        TimelineModel model;
        model.showCustomer(7);
        model.setUnreadCount(2);
        QList<Message> page = newestFirst(1, 5);
        page[1].direction = QStringLiteral("out"); // id 4: our reply
        model.applyPage(7, page, 1000, 1, true);
        // Inbound from newest: 5, 3 → the marker is on 3.
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(UnreadMarkerRole).toBool(),
                     model.index(row).data(MessageKeyRole).toString() == QLatin1String("3"));
        model.showCustomer(8); // another thread starts without one
        model.applyPage(8, {item(9, 1, 8)}, 1, 1, true);
        QVERIFY(!model.index(0).data(UnreadMarkerRole).toBool());
    }

    void theDividerCountsOnlyWhatTheCustomerWroteAndStaysWhileTheThreadIsOpen()
    {
        TimelineModel model;
        model.showCustomer(7);
        model.setUnreadCount(2);
        QList<Message> page = newestFirst(1, 6);
        page[1].channel = QStringLiteral("phone"); // id 5: a logged inbound call
        page[2].channel = QStringLiteral("system"); // id 4: "assigned"
        page[2].direction = QStringLiteral("internal");
        model.applyPage(7, page, 1000, 1, true);
        // Counted from the newest: 6, 3 → the divider is before 3.
        const auto dividerAt = [&] {
            for (int row = 0; row < model.rowCount(); ++row)
                if (model.index(row).data(UnreadMarkerRole).toBool())
                    return model.index(row).data(MessageKeyRole).toString();
            return QString();
        };
        QCOMPARE(dividerAt(), QStringLiteral("3"));
        // New items while the thread is open do not move it.
        model.applyMessages({item(7, 7000), item(8, 8000)});
        QCOMPARE(dividerAt(), QStringLiteral("3"));
    }

    void anAttendedThreadReportsItsNewestItemReadOnceLoaded()
    {
        TimelineModel model;
        QSignalSpy read(&model, &TimelineModel::readUpTo);
        model.setAttended(true);
        model.showCustomer(7);
        QCOMPARE(read.count(), 0); // nothing shown yet
        model.applyPage(7, newestFirst(1, 5), 1000, 1, true);
        QCOMPARE(read.count(), 1);
        QCOMPARE(read.last().at(0).toLongLong(), 7);
        QCOMPARE(read.last().at(1).toLongLong(), 5);
        // A new item from the customer while the agent looks: read at once.
        model.applyMessages({item(6, 6000)});
        QCOMPARE(read.last().at(1).toLongLong(), 6);
        // Our own echo (no hub id yet) and other customers' items report nothing.
        Message echo = item(0, 7000);
        echo.clientId = QStringLiteral("c1");
        echo.direction = QStringLiteral("out");
        model.applyMessages({echo, item(90, 9000, 8)});
        QCOMPARE(read.count(), 2);
    }

    void aThreadInTheBackgroundIsReadWhenTheWindowComesToTheFront()
    {
        TimelineModel model;
        QSignalSpy read(&model, &TimelineModel::readUpTo);
        model.showCustomer(7);
        model.applyPage(7, newestFirst(1, 5), 1000, 1, true);
        model.applyMessages({item(6, 6000)});
        QCOMPARE(read.count(), 0); // the window is not in front
        model.setAttended(true);
        QCOMPARE(read.count(), 1);
        QCOMPARE(read.last().at(1).toLongLong(), 6);
        model.setAttended(false);
        model.setAttended(true);
        QCOMPARE(read.count(), 1); // nothing newer: nothing to say again
    }

    void aLateItemGoesToItsTimeAndOtherCustomersAreSkipped()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.showCustomer(7);
        model.applyPage(7, newestFirst(1, 3), 1000, 1, true);
        model.applyMessages({item(10, 1500), item(11, 9000, 8)});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(1).data(MessageKeyRole).toString(), QStringLiteral("10"));
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timeline_model.moc"
