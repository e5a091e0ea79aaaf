// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/floor_history.h"

#include <QSignalSpy>
#include <QTest>

using namespace threadline::models;

namespace {
constexpr qint64 kStart = 1'700'000'000'000;

QueueStats queue(const QString &name, const QString &channel, int waiting, double sla)
{
    QueueStats q;
    q.queue = name;
    q.channel = channel;
    q.waiting = waiting;
    q.sla = sla;
    return q;
}

FloorSnapshot snapshot(qint64 at, int waiting = 1)
{
    FloorSnapshot s;
    s.at = at;
    s.queues = {queue(u"general"_qs, {}, waiting, 0.9)};
    return s;
}
} // namespace

class TestFloorHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aPointIsTheWholeFloorsWaitingAndItsSla()
    {
        FloorSnapshot s;
        s.at = kStart;
        s.queues = {queue(u"general"_qs, {}, 4, 0.9), queue(u"general"_qs, u"sms"_qs, 3, 0.5),
                    queue(u"orders"_qs, u"sms"_qs, 2, 0.6), queue(u"orders"_qs, u"email"_qs, 1, -1),
                    queue(u"vip"_qs, {}, 0, -1)};
        // general counts once (its all-channels row); orders by its channels.
        QCOMPARE(FloorHistory::totalWaiting(s), 7);
        QVERIFY(qAbs(FloorHistory::overallSla(s) - 0.75) < 1e-9);
        FloorHistory history;
        QVERIFY(history.add(s));
        QCOMPARE(history.points(), (QList<FloorPoint>{{kStart, 7, FloorHistory::overallSla(s)}}));
    }

    void noSlaKnownAnywhereIsUnknown()
    {
        FloorSnapshot s;
        s.queues = {queue(u"general"_qs, {}, 4, -1)};
        QCOMPARE(FloorHistory::overallSla(s), -1.0);
    }

    void atMostOnePointASecondIsKept()
    {
        FloorHistory history;
        QSignalSpy added(&history, &FloorHistory::pointAdded);
        QVERIFY(history.add(snapshot(kStart)));
        QVERIFY(!history.add(snapshot(kStart + 400)));
        QVERIFY(!history.add(snapshot(kStart + 999)));
        QVERIFY(history.add(snapshot(kStart + 1000)));
        QVERIFY(!history.add(snapshot(kStart - 5000))); // late and out of order
        QCOMPARE(history.points().size(), 2);
        QCOMPARE(added.count(), 2);
    }

    void anHourIsKeptAndOlderPointsDropOffTheFront()
    {
        FloorHistory history;
        for (qint64 s = 0; s <= 3600; ++s)
            QVERIFY(history.add(snapshot(kStart + s * 1000, int(s))));
        QCOMPARE(history.points().size(), 3601); // exactly an hour, both ends
        QCOMPARE(history.points().first().at, kStart);

        QSignalSpy added(&history, &FloorHistory::pointAdded);
        QVERIFY(history.add(snapshot(kStart + 3602 * 1000)));
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().at(1).toInt(), 2); // 0 s and 1 s are now over an hour old
        QCOMPARE(history.points().first().at, kStart + 2000);
        QCOMPARE(history.points().last().at, kStart + 3602 * 1000);

        // After a long gap (the supervisor was offline) only the new point stays.
        QVERIFY(history.add(snapshot(kStart + 10 * 3600 * 1000)));
        QCOMPARE(history.points().size(), 1);
    }

    void clearingForgetsEverything()
    {
        FloorHistory history;
        history.add(snapshot(kStart));
        QSignalSpy cleared(&history, &FloorHistory::cleared);
        history.clear();
        QVERIFY(history.points().isEmpty());
        QCOMPARE(cleared.count(), 1);
        QVERIFY(history.add(snapshot(kStart)));
    }
};

QTEST_GUILESS_MAIN(TestFloorHistory)
#include "tst_floor_history.moc"
