// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbox_model.h"
#include "models/inbox_roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace threadline::models;

namespace {
Customer customer(qint64 id, qint64 lastAt, const QString &name = QStringLiteral("مریم"))
{
    Customer c;
    c.id = id;
    c.name = name;
    c.lastAt = lastAt;
    return c;
}
} // namespace

class TestInboxModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aCustomersWaitThresholdsAreThoseOfTheirQueue()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Customer vip = customer(1, 100);
        vip.queue = QStringLiteral("vip");
        Customer noQueue = customer(2, 200); // the wire's missing queue means general
        Customer unknown = customer(3, 300);
        unknown.queue = QStringLiteral("returns");
        model.applyCustomers({vip, noQueue, unknown});
        const auto thresholds = [&model](qint64 id) {
            const QModelIndex i = model.index(model.rowOf(id));
            return std::pair{i.data(AmberWaitRole).toInt(), i.data(RedWaitRole).toInt()};
        };
        // Before the hub described its queues: 15 and 60 minutes for everyone.
        QCOMPARE(thresholds(1), (std::pair{15 * 60, 60 * 60}));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setQueues({{QStringLiteral("vip"), QStringLiteral("VIP"), 120, 60, 180},
                         {QStringLiteral("general"), QStringLiteral("General"), 300, 180, 600}});
        QCOMPARE(changed.size(), 1); // every row repaints once
        QCOMPARE(thresholds(1), (std::pair{60, 180}));
        QCOMPARE(thresholds(2), (std::pair{180, 600}));
        QCOMPARE(thresholds(3), (std::pair{15 * 60, 60 * 60}));
        // The same description again changes nothing.
        model.setQueues({{QStringLiteral("vip"), QStringLiteral("VIP"), 120, 60, 180},
                         {QStringLiteral("general"), QStringLiteral("General"), 300, 180, 600}});
        QCOMPARE(changed.size(), 1);
    }

    void theMostRecentCustomerComesFirst()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyCustomers({customer(1, 100), customer(2, 300), customer(3, 200)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(CustomerIdRole).toLongLong(), 2);
        QCOMPARE(model.index(2).data(CustomerIdRole).toLongLong(), 1);
    }

    void aCustomerWhoWritesAgainMovesToTheTopAndKeepsTheSelection()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyCustomers({customer(1, 100), customer(2, 300)});
        QPersistentModelIndex selected = model.index(1); // customer 1
        model.applyCustomers({customer(1, 400)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(CustomerIdRole).toLongLong(), 1);
        QCOMPARE(selected.row(), 0);
    }

    void aBatchOfNewCustomersIsOneInsertion()
    {
        InboxModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QList<Customer> batch;
        for (int i = 1; i <= 500; ++i)
            batch.append(customer(i, i));
        model.applyCustomers(batch);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 500);
    }

    void customersWhoWroteAreReportedChangedWhereTheyNowAreAtTheTop()
    {
        // Filter proxies re-check every row of a dataChanged range: a batch of new
        // messages reports the rows it moved to the top, not the inbox between them.
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Customer> inbox;
        for (int id = 1; id <= 10; ++id)
            inbox.append(customer(id, id * 100));
        model.applyCustomers(inbox);
        QCOMPARE(model.rowOf(1), 9);
        QCOMPARE(model.rowOf(5), 5);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&model, &QAbstractItemModel::layoutChanged);
        Customer one = customer(1, 2000);
        one.lastPreview = QStringLiteral("کی می‌رسد؟");
        model.applyCustomers({one, customer(5, 2001)});
        QCOMPARE(moved.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(model.rowOf(5), 0);
        QCOMPARE(model.rowOf(1), 1);
        QCOMPARE(model.index(1).data(PreviewRole).toString(), QStringLiteral("کی می‌رسد؟"));

        // An update that keeps the order is reported in place, without a re-sort.
        model.applyCustomers({customer(3, 301)});
        QCOMPARE(moved.count(), 1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), model.rowOf(3));
    }

    void aFirstLoadIsAlreadyInOrderWhenViewsHearOfIt()
    {
        InboxModel model;
        qint64 firstSeen = 0;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&] { firstSeen = model.index(0).data(CustomerIdRole).toLongLong(); });
        model.applyCustomers({customer(1, 100), customer(2, 300), customer(3, 200)});
        QCOMPARE(firstSeen, 2);
    }

    void openingAThreadClearsItsUnreadCount()
    {
        InboxModel model;
        Customer c = customer(1, 1);
        c.unread = 3;
        model.applyCustomers({c});
        QCOMPARE(model.index(0).data(UnreadRole).toInt(), 3);
        model.markRead(1);
        QCOMPARE(model.index(0).data(UnreadRole).toInt(), 0);
        model.addUnread(1, 2);
        QCOMPARE(model.index(0).data(UnreadRole).toInt(), 2);
    }

    void theCountThatComesWithACustomerWinsEvenWhenLower()
    {
        // Another desktop of the same agent read the thread: the hub's 0 replaces our 3.
        InboxModel model;
        Customer c = customer(1, 1);
        c.unread = 3;
        model.applyCustomers({c});
        c.unread = 0;
        model.applyCustomers({c});
        QCOMPARE(model.index(0).data(UnreadRole).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestInboxModel)
#include "tst_inbox_model.moc"
