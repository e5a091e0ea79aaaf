// SPDX-License-Identifier: GPL-3.0-or-later
// Batch frames: a desktop whose hello accepts them gets the events committed together in
// one frame, in order and gap-free; every other desktop keeps getting one frame per event.
#include "services/protocol/frame_types.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {

/// A desktop that also keeps every raw text frame it received, to see how events came.
struct RecordingDesk {
    std::unique_ptr<TestClient> client = std::make_unique<TestClient>();
    QStringList raw;

    explicit RecordingDesk(const QUrl &url)
    {
        QObject::connect(&client->socket(), &QWebSocket::textMessageReceived, client.get(),
                         [this](const QString &text) { raw.append(text); });
        client->connectTo(url);
    }

    protocol::Envelope hello(const QJsonValue &accepts, qint64 since = 0)
    {
        QJsonObject data{{QStringLiteral("user"), QStringLiteral("agent")},
                         {QStringLiteral("password"), QStringLiteral("demo")},
                         {QStringLiteral("since"), since}};
        if (!accepts.isUndefined())
            data.insert(QStringLiteral("accepts"), accepts);
        const QString id = TestClient::newId();
        client->sendText(QString::fromUtf8(
            protocol::encode(protocol::makeCommand(protocol::type::hello, id, data))));
        return client->waitForAnswer(id);
    }

    /// Signed in and live; the seq `live` carried, or -1.
    qint64 goLive(const QJsonValue &accepts, qint64 since = 0)
    {
        if (hello(accepts, since).type != protocol::type::welcome)
            return -1;
        const auto live = client->waitForEvent(protocol::type::live);
        return live ? live->data.value(QStringLiteral("seq")).toInteger() : -1;
    }

    /// The raw frames from `from` on that carried durable events, as their types.
    QStringList eventFrameTypes(qsizetype from) const
    {
        QStringList types;
        for (qsizetype i = from; i < raw.size(); ++i) {
            const auto e = std::get<protocol::Envelope>(protocol::decode(raw.at(i).toUtf8()));
            if (e.type == protocol::type::batch || e.isDurableEvent())
                types.append(e.type);
        }
        return types;
    }
};

const QJsonArray kAcceptsBatch{protocol::accepts::batch};

} // namespace

class TestHubBatches : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_hub.start(true), m_hub.stderrText().constData()); }

    void aDesktopThatAcceptsBatchesGetsOneCommitInOneFrameInOrder()
    {
        RecordingDesk desk(m_hub.url());
        const qint64 liveSeq = desk.goLive(kAcceptsBatch);
        QVERIFY(liveSeq >= 0);
        const qsizetype before = desk.raw.size();
        desk.client->events().clear();

        auto writer = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(writer);
        const qint64 created = writer->addNote(3, QStringLiteral("Courier called, will retry"));
        QVERIFY(created > liveSeq);
        QVERIFY(desk.client->waitForEvent(protocol::type::customerUpserted));

        // message.created and customer.upserted were stored in one transaction.
        QCOMPARE(desk.eventFrameTypes(before), QStringList{protocol::type::batch});
        const auto created1 = desk.client->waitForEvent(protocol::type::messageCreated, 0);
        QVERIFY(created1);
        QCOMPARE(created1->seq, created);
        QCOMPARE(created1->prev, liveSeq);
    }

    void aDesktopThatDidNotAskKeepsGettingOneFramePerEvent()
    {
        RecordingDesk desk(m_hub.url());
        const qint64 liveSeq = desk.goLive(QJsonValue::Undefined);
        QVERIFY(liveSeq >= 0);
        const qsizetype before = desk.raw.size();
        desk.client->events().clear();

        auto writer = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(writer);
        const qint64 created = writer->addNote(4, QStringLiteral("Refund approved"));
        const auto upserted = desk.client->waitForEvent(protocol::type::customerUpserted);
        QVERIFY(upserted);

        QCOMPARE(desk.eventFrameTypes(before),
                 (QStringList{protocol::type::messageCreated, protocol::type::customerUpserted}));
        const auto created1 = desk.client->waitForEvent(protocol::type::messageCreated, 0);
        QVERIFY(created1);
        QCOMPARE(created1->seq, created);
        QCOMPARE(created1->prev, liveSeq);
        QCOMPARE(upserted->prev, created);
    }

    void aReplayToABatchDesktopComesInFewFramesWithoutGaps()
    {
        auto writer = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(writer);
        const qint64 since = writer->addNote(5, QStringLiteral("Before the agent went home"));
        QVERIFY(since > 0);
        for (int i = 0; i < 10; ++i)
            QVERIFY(writer->addNote(3 + i % 4, QStringLiteral("While away %1").arg(i)) > since);

        RecordingDesk desk(m_hub.url());
        const qint64 liveSeq = desk.goLive(kAcceptsBatch, since);
        QVERIFY(liveSeq >= since + 20);

        QList<protocol::Envelope> replayed;
        for (const auto &e : desk.client->events())
            if (e.isDurableEvent())
                replayed.append(e);
        QCOMPARE(replayed.size(), liveSeq - since);
        qint64 prev = since;
        for (const auto &e : replayed) {
            QCOMPARE(e.prev, prev);
            QCOMPARE(e.seq, prev + 1);
            prev = e.seq;
        }
        // All of it fits one frame.
        QCOMPARE(desk.eventFrameTypes(0), QStringList{protocol::type::batch});
    }

    void underSimulatedTrafficBothKindsOfDesktopGetEveryEventInOrder()
    {
        // Hundreds of arrivals a second: several messages per commit, several commits per
        // turn of the hub's loop.
        HubProcess busy{QStringLiteral(THREADLINE_HUB_BINARY)};
        QVERIFY2(busy.start(true, {QStringLiteral("--simulate"), QStringLiteral("400")}),
                 busy.stderrText().constData());
        RecordingDesk batched(busy.url());
        RecordingDesk single(busy.url());
        const qint64 batchedLive = batched.goLive(kAcceptsBatch);
        const qint64 singleLive = single.goLive(QJsonValue::Undefined);
        QVERIFY(batchedLive >= 0 && singleLive >= 0);

        auto durable = [](RecordingDesk &desk) {
            QList<protocol::Envelope> out;
            for (const auto &e : desk.client->events())
                if (e.isDurableEvent())
                    out.append(e);
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(durable(batched).size() >= 400, 30000);
        const qint64 upTo = durable(batched).at(399).seq;
        QTRY_VERIFY_WITH_TIMEOUT(!durable(single).isEmpty() && durable(single).last().seq >= upTo,
                                 30000);

        for (auto [desk, live] : {std::pair{&batched, batchedLive}, std::pair{&single, singleLive}}) {
            qint64 prev = live;
            for (const auto &e : durable(*desk)) {
                QCOMPARE(e.prev, prev);
                QVERIFY(e.seq > prev);
                prev = e.seq;
            }
        }
        // Both saw the same events up to there.
        QList<qint64> a, b;
        for (const auto &e : durable(batched))
            if (e.seq > std::max(batchedLive, singleLive) && e.seq <= upTo)
                a.append(e.seq);
        for (const auto &e : durable(single))
            if (e.seq > std::max(batchedLive, singleLive) && e.seq <= upTo)
                b.append(e.seq);
        QCOMPARE(a, b);
        // One frame per event for the one, far fewer frames than events for the other.
        QVERIFY(!single.eventFrameTypes(0).contains(protocol::type::batch));
        QVERIFY2(batched.eventFrameTypes(0).size() * 2 < durable(batched).size(),
                 qPrintable(QStringLiteral("%1 frames for %2 events")
                                .arg(batched.eventFrameTypes(0).size())
                                .arg(durable(batched).size())));
    }

    void acceptsThatIsNotAListOfNamesIsABadRequest()
    {
        RecordingDesk desk(m_hub.url());
        const auto answer = desk.hello(QStringLiteral("batch"));
        QCOMPARE(answer.type, protocol::type::error);
        QCOMPARE(answer.error->code, protocol::ErrorCode::BadRequest);
        const auto numbers = desk.hello(QJsonArray{1, 2});
        QCOMPARE(numbers.error->code, protocol::ErrorCode::BadRequest);
        // Unknown names are ignored, so a newer desktop can offer more.
        RecordingDesk newer(m_hub.url());
        QVERIFY(newer.goLive(QJsonArray{QStringLiteral("zstd"), protocol::accepts::batch}) >= 0);
    }
};

QTEST_GUILESS_MAIN(TestHubBatches)
#include "tst_hub_batches.moc"
