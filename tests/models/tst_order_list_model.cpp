// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/order_list_model.h"
#include "models/order_roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace threadline::models;

namespace {
Order order(qint64 id, const QString &number, const QString &status, qint64 updatedAt = 1000)
{
    Order o;
    o.id = id;
    o.source = QStringLiteral("shopify");
    o.number = number;
    o.status = status;
    o.total = QStringLiteral("409.94");
    o.currency = QStringLiteral("USD");
    o.items = {{QStringLiteral("IPod Nano - 8gb"), 2, QStringLiteral("199.00")}};
    o.pickupCode = QStringLiteral("K7Q-42");
    o.customerId = 7;
    o.customerName = QStringLiteral("زهرا احمدی");
    o.updatedAt = updatedAt;
    return o;
}
} // namespace

class TestOrderListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resultsAreShownInTheOrderTheHubSentThem()
    {
        OrderListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(QStringLiteral("09121234567"),
                         {order(2, QStringLiteral("#1002"), QStringLiteral("paid"), 2000),
                          order(1, QStringLiteral("#1001"), QStringLiteral("picked_up"), 1000)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.query(), u"09121234567"_qs);
        QCOMPARE(model.index(0).data(OrderNumberRole).toString(), u"#1002"_qs);
        QCOMPARE(model.index(1).data(OrderStatusRole).toString(), u"picked_up"_qs);
    }

    void everyRoleAnswersFromTheOrder()
    {
        OrderListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Order o = order(5, QStringLiteral("TL-705085"), QStringLiteral("ready_for_pickup"));
        model.setResults(QStringLiteral("TL-705085"), {o});
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(OrderValueRole).value<Order>(), o);
        QCOMPARE(i.data(OrderIdRole).toLongLong(), 5);
        QCOMPARE(i.data(OrderCustomerIdRole).toLongLong(), 7);
        QCOMPARE(i.data(OrderCustomerNameRole).toString(), o.customerName);
        QCOMPARE(i.data(OrderTotalRole).toString(), u"409.94"_qs);
        QCOMPARE(i.data(OrderCurrencyRole).toString(), u"USD"_qs);
        QCOMPARE(i.data(OrderPickupCodeRole).toString(), u"K7Q-42"_qs);
        QCOMPARE(i.data(OrderUpdatedAtRole).toLongLong(), 1000);
        QVERIFY(i.data(Qt::DisplayRole).toString().contains(u"TL-705085"));
        QVERIFY(model.roleNames().contains(OrderPickupCodeRole));
    }

    void aStatusChangeUpdatesTheRowInPlace()
    {
        OrderListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(QStringLiteral("ahmadi"),
                         {order(2, QStringLiteral("#1002"), QStringLiteral("paid")),
                          order(1, QStringLiteral("#1001"), QStringLiteral("paid"))});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        Order ready = order(1, QStringLiteral("#1001"), QStringLiteral("ready_for_pickup"), 5000);
        ready.handledBy = QStringLiteral("sara");
        ready.handledAt = 5000;
        QVERIFY(model.applyOrder(ready));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(OrderStatusRole).toString(), u"ready_for_pickup"_qs);
        QCOMPARE(model.order(1)->handledBy, u"sara"_qs);
        QCOMPARE(model.rowOf(1), 1);
    }

    void anOrderNotInTheResultsIsNotAdded()
    {
        OrderListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(QStringLiteral("1001"), {order(1, QStringLiteral("#1001"), u"paid"_qs)});
        QVERIFY(!model.applyOrder(order(9, QStringLiteral("#1009"), u"paid"_qs)));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.order(9));
    }

    void anOlderVersionDoesNotUndoANewerOne()
    {
        OrderListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(QStringLiteral("1001"),
                         {order(1, QStringLiteral("#1001"), u"picked_up"_qs, 9000)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.applyOrder(order(1, QStringLiteral("#1001"), u"ready_for_pickup"_qs, 5000)));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.order(1)->status, u"picked_up"_qs);
    }

    void clearingForgetsTheQuery()
    {
        OrderListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(QStringLiteral("1001"), {order(1, QStringLiteral("#1001"), u"paid"_qs)});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.query().isEmpty());
        QCOMPARE(model.rowOf(1), -1);
    }
};

QTEST_GUILESS_MAIN(TestOrderListModel)
#include "tst_order_list_model.moc"
