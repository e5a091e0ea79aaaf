// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/queue_monitor_model.h"
#include "models/queue_monitor_roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace threadline::models;
using Column = QueueMonitorModel::Column;

namespace {
QueueStats queue(const QString &name, const QString &channel = {}, int waiting = 0)
{
    QueueStats q;
    q.queue = name;
    q.channel = channel;
    q.waiting = waiting;
    q.longestWaitMs = 30'000;
    q.averageWaitMs = 12'000;
    q.averageHandleMs = 247'000;
    q.sla = 0.9;
    q.slaTargetS = 20;
    q.amberWaitS = 120;
    q.redWaitS = 300;
    return q;
}

FloorSnapshot snapshot(const QList<QueueStats> &queues)
{
    FloorSnapshot s;
    s.at = 1'700'000'000'000;
    s.queues = queues;
    return s;
}

/// Every (row, column) a dataChanged spy reported.
QSet<std::pair<int, int>> changedCells(const QSignalSpy &spy)
{
    QSet<std::pair<int, int>> cells;
    for (const QList<QVariant> &args : spy) {
        const auto from = args.at(0).toModelIndex(), to = args.at(1).toModelIndex();
        for (int r = from.row(); r <= to.row(); ++r)
            for (int c = from.column(); c <= to.column(); ++c)
                cells.insert({r, c});
    }
    return cells;
}
} // namespace

class TestQueueMonitorModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void queuesAreListedByNameWithTheirChannelsUnderTheAllChannelsRow()
    {
        QueueMonitorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply(snapshot({queue(u"orders"_qs, u"sms"_qs), queue(u"general"_qs),
                              queue(u"orders"_qs), queue(u"general"_qs, u"chat"_qs)}));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(Column::ColumnCount));
        const auto key = [&](int row) -> QString {
            return model.index(row, 0).data(QueueNameRole).toString() + u'/' +
                   model.index(row, 0).data(QueueChannelRole).toString();
        };
        QCOMPARE(key(0), u"general/"_qs);
        QCOMPARE(key(1), u"general/chat"_qs);
        QCOMPARE(key(2), u"orders/"_qs);
        QCOMPARE(key(3), u"orders/sms"_qs);
        QCOMPARE(model.rowOf(u"orders"_qs, u"sms"_qs), 3);
        QCOMPARE(model.rowOf(u"vip"_qs), -1);
    }

    void durationsReadAsMinutesAndSecondsAndTheSlaAsAPercentage()
    {
        QueueMonitorModel model;
        QueueStats q = queue(u"general"_qs, {}, 12);
        q.longestWaitMs = 3'723'000; // 1:02:03
        q.sla = 0.874;
        model.apply(snapshot({q}));
        QCOMPARE(model.index(0, Column::WaitingColumn).data().toString(), u"12"_qs);
        QCOMPARE(model.index(0, Column::LongestWaitColumn).data().toString(), u"1:02:03"_qs);
        QCOMPARE(model.index(0, Column::AverageWaitColumn).data().toString(), u"0:12"_qs);
        QCOMPARE(model.index(0, Column::AverageHandleColumn).data().toString(), u"4:07"_qs);
        QCOMPARE(model.index(0, Column::SlaColumn).data().toString(), u"87%"_qs);
        QCOMPARE(model.index(0, Column::LongestWaitColumn).data(QueueSortRole).toLongLong(),
                 3'723'000);
        QCOMPARE(model.index(0, Column::SlaColumn).data(QueueSortRole).toDouble(), 0.874);
    }

    void inPersianTheNumbersUsePersianDigits()
    {
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
        QueueMonitorModel model;
        model.apply(snapshot({queue(u"general"_qs, {}, 12)}));
        QCOMPARE(model.index(0, Column::WaitingColumn).data().toString(), u"۱۲"_qs);
        QCOMPARE(model.index(0, Column::AverageHandleColumn).data().toString(), u"۴:۰۷"_qs);
        QVERIFY(model.index(0, Column::SlaColumn).data().toString().startsWith(u"۹۰"));
    }

    void anUnknownSlaIsShownAsADashAndNeverFlagged()
    {
        QueueMonitorModel model;
        QueueStats q = queue(u"general"_qs);
        q.sla = -1;
        model.apply(snapshot({q}));
        QCOMPARE(model.index(0, Column::SlaColumn).data().toString(), u"—"_qs);
        QCOMPARE(model.index(0, Column::SlaColumn).data(QueueSeverityRole).toInt(), 0);
    }

    void theLongestWaitTurnsAmberAndRedAtTheQueuesThresholds_data()
    {
        QTest::addColumn<qint64>("longestWaitMs");
        QTest::addColumn<int>("severity");
        QTest::newRow("just under amber") << qint64(119'999) << 0;
        QTest::newRow("at amber") << qint64(120'000) << 1;
        QTest::newRow("just under red") << qint64(299'999) << 1;
        QTest::newRow("at red") << qint64(300'000) << 2;
    }
    void theLongestWaitTurnsAmberAndRedAtTheQueuesThresholds()
    {
        QFETCH(qint64, longestWaitMs);
        QFETCH(int, severity);
        QueueMonitorModel model;
        QueueStats q = queue(u"general"_qs);
        q.longestWaitMs = longestWaitMs;
        model.apply(snapshot({q}));
        QCOMPARE(model.index(0, Column::LongestWaitColumn).data(QueueSeverityRole).toInt(),
                 severity);
        QCOMPARE(model.index(0, Column::QueueColumn).data(QueueSeverityRole).toInt(), severity);
        QCOMPARE(model.index(0, Column::WaitingColumn).data(QueueSeverityRole).toInt(), 0);
    }

    void aThresholdOfZeroIsNotSet()
    {
        QueueMonitorModel model;
        QueueStats q = queue(u"general"_qs);
        q.amberWaitS = q.redWaitS = 0;
        q.longestWaitMs = 3'600'000;
        model.apply(snapshot({q}));
        QCOMPARE(model.index(0, Column::LongestWaitColumn).data(QueueSeverityRole).toInt(), 0);
    }

    void theSlaTurnsAmberBelowTheGoalAndRedTenPointsUnder_data()
    {
        QTest::addColumn<double>("sla");
        QTest::addColumn<int>("severity");
        QTest::newRow("at the goal") << QueueMonitorModel::kSlaAmberBelow << 0;
        QTest::newRow("just under the goal") << 0.799 << 1;
        QTest::newRow("at the red line") << QueueMonitorModel::kSlaRedBelow << 1;
        QTest::newRow("under the red line") << 0.699 << 2;
        QTest::newRow("nothing answered in time") << 0.0 << 2;
    }
    void theSlaTurnsAmberBelowTheGoalAndRedTenPointsUnder()
    {
        QFETCH(double, sla);
        QFETCH(int, severity);
        QueueMonitorModel model;
        QueueStats q = queue(u"general"_qs);
        q.sla = sla;
        model.apply(snapshot({q}));
        QCOMPARE(model.index(0, Column::SlaColumn).data(QueueSeverityRole).toInt(), severity);
        QCOMPARE(model.index(0, Column::QueueColumn).data(QueueSeverityRole).toInt(), severity);
    }

    void aChangedSnapshotSignalsOnlyTheCellsThatChanged()
    {
        QueueMonitorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<QueueStats> before = {queue(u"general"_qs), queue(u"general"_qs, u"sms"_qs),
                                          queue(u"orders"_qs)};
        model.apply(snapshot(before));
        QList<QueueStats> after = before;
        after[0].waiting = 5;             // general: waiting only
        after[2].averageHandleMs = 1000;  // orders: handle time only
        after[2].longestWaitMs = 400'000; // ... and longest wait, which turns it red
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        model.apply(snapshot(after));
        const QSet<std::pair<int, int>> expected = {
            {0, Column::WaitingColumn},
            {2, Column::QueueColumn}, // its severity
            {2, Column::LongestWaitColumn},
            {2, Column::AverageHandleColumn},
        };
        QCOMPARE(changedCells(changed), expected);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(model.index(0, Column::WaitingColumn).data().toString(), u"5"_qs);

        changed.clear();
        model.apply(snapshot(after));
        QCOMPARE(changed.count(), 0); // the same snapshot again changes nothing
    }

    void aNewChannelIsInsertedInPlaceAndAVanishedQueueRemovedKeepingTheSelection()
    {
        QueueMonitorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply(snapshot({queue(u"general"_qs), queue(u"orders"_qs), queue(u"vip"_qs)}));
        const QPersistentModelIndex selected = model.index(2, 0); // vip
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.apply(snapshot({queue(u"general"_qs), queue(u"general"_qs, u"email"_qs),
                              queue(u"general"_qs, u"sms"_qs), queue(u"vip"_qs)}));
        QCOMPARE(removed.count(), 1);  // orders
        QCOMPARE(inserted.count(), 1); // both general channels at once
        QCOMPARE(inserted.first().at(1).toInt(), 1);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(selected.row(), 3);
        QCOMPARE(selected.data(QueueNameRole).toString(), u"vip"_qs);
    }

    void anEmptySnapshotEmptiesTheTable()
    {
        QueueMonitorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply(snapshot({queue(u"general"_qs), queue(u"orders"_qs)}));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.apply(snapshot({}));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(removed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestQueueMonitorModel)
#include "tst_queue_monitor_model.moc"
