// SPDX-License-Identifier: GPL-3.0-or-later
// Reconnecting desktops: replay after `since`, resync when it cannot, across a hub crash.
#include "services/protocol/frame_types.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QTest>

using namespace threadline;
using namespace threadline::testing;

class TestHubResume : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_hub.start(true), m_hub.stderrText().constData()); }

    void resumingFromSinceReplaysExactlyTheLaterEventsInOrderThenGoesLive()
    {
        TestClient writer;
        QVERIFY(writer.connectTo(m_hub.url()));
        QCOMPARE(writer.hello(QStringLiteral("agent"), QStringLiteral("demo")).type,
                 protocol::type::welcome);
        const qint64 first = writer.addNote(3, QStringLiteral("Called back, no answer"));
        QVERIFY(first > 0);
        const qint64 since = first + 1; // message.created, then customer.upserted
        const qint64 second = writer.addNote(4, QStringLiteral("Refund approved by finance"));
        const qint64 third = writer.addNote(3, QStringLiteral("Asked for a new pickup date"));
        QVERIFY(second > since && third > second);

        TestClient reader;
        QVERIFY(reader.connectTo(m_hub.url()));
        const auto welcome =
            reader.hello(QStringLiteral("supervisor"), QStringLiteral("demo"), since);
        QCOMPARE(welcome.data.value(QStringLiteral("resume")).toString(), QStringLiteral("replay"));
        const auto live = reader.waitForEvent(protocol::type::live);
        QVERIFY(live);
        const qint64 liveSeq = live->data.value(QStringLiteral("seq")).toInteger();
        QVERIFY(liveSeq >= third + 1);

        // Everything queued before `live` is the replay.
        QList<protocol::Envelope> replayed;
        for (const auto &e : reader.events())
            if (e.isDurableEvent() && e.seq <= liveSeq)
                replayed.append(e);
        QCOMPARE(replayed.size(), liveSeq - since);
        qint64 prev = since;
        for (const auto &e : replayed) {
            QCOMPARE(e.prev, prev);
            QCOMPARE(e.seq, prev + 1);
            prev = e.seq;
        }
        QCOMPARE(replayed.first().type, protocol::type::messageCreated);
        QCOMPARE(replayed.first().seq, second);

        // ...and live events continue the chain.
        reader.events().clear();
        const qint64 fourth = writer.addNote(5, QStringLiteral("VIP customer"));
        const auto created = reader.waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        QCOMPARE(created->seq, fourth);
        QCOMPARE(created->prev, liveSeq);
    }

    void sinceBeyondTheHubsSeqMeansResync()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        const auto welcome =
            client.hello(QStringLiteral("agent"), QStringLiteral("demo"), 1'000'000);
        QCOMPARE(welcome.data.value(QStringLiteral("resume")).toString(), QStringLiteral("resync"));
        QVERIFY(client.waitForEvent(protocol::type::live));
        for (const auto &e : client.events())
            QVERIFY(!e.isDurableEvent());
    }

    void sinceZeroMeansResync()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        QCOMPARE(client.hello(QStringLiteral("agent"), QStringLiteral("demo"), 0)
                     .data.value(QStringLiteral("resume"))
                     .toString(),
                 QStringLiteral("resync"));
    }

    void storedChangesSurviveAHubCrash()
    {
        qint64 seq = 0;
        {
            TestClient client;
            QVERIFY(client.connectTo(m_hub.url()));
            QVERIFY(client.hello(QStringLiteral("agent"), QStringLiteral("demo")).type ==
                    protocol::type::welcome);
            seq = client.addNote(6, QStringLiteral("Written just before the crash"));
            QVERIFY(seq > 0);
        }
        m_hub.kill();
        QVERIFY(m_hub.restart());
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        const auto welcome = client.hello(QStringLiteral("agent"), QStringLiteral("demo"), seq - 1);
        QCOMPARE(welcome.data.value(QStringLiteral("resume")).toString(), QStringLiteral("replay"));
        const auto created = client.waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        QCOMPARE(created->seq, seq);
    }
};

QTEST_GUILESS_MAIN(TestHubResume)
#include "tst_hub_resume.moc"
