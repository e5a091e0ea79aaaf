// SPDX-License-Identifier: GPL-3.0-or-later
// One fan-out encodes each event once: what a connection receives must still be exactly
// what encoding its own envelopes would give, with its own `prev`.
#include "server/event_frames.h"
#include "server/websocket_text_frame.h"
#include "services/protocol/envelope.h"
#include "services/protocol/frame_types.h"

#include <QJsonArray>
#include <QTest>

using namespace threadline;
using namespace threadline::server;

namespace {

QList<StoredEvent> threeEvents()
{
    const QJsonObject message{{QStringLiteral("message"),
                               QJsonObject{{QStringLiteral("id"), 9},
                                           {QStringLiteral("body"), QStringLiteral("سلام \"quoted\"\n")},
                                           {QStringLiteral("at"), qint64(1764000000000)}}}};
    const QJsonObject customer{
        {QStringLiteral("customer"),
         QJsonObject{{QStringLiteral("id"), 3}, {QStringLiteral("labels"), QJsonArray{QStringLiteral("vip")}}}}};
    return {StoredEvent{41, protocol::type::messageCreated, message},
            StoredEvent{42, protocol::type::customerUpserted, customer},
            StoredEvent{45, protocol::type::messageStatus, {{QStringLiteral("status"), QStringLiteral("sent")}}}};
}

/// The JSON inside a frame as the fan-out writes it on the wire; fails the test when the
/// bytes are not one whole text frame.
QByteArray payload(const QByteArray &frame)
{
    const auto text = websocketTextPayload(frame);
    if (!text) {
        QTest::qFail("not one whole WebSocket text frame", __FILE__, __LINE__);
        return {};
    }
    return text->toByteArray();
}

} // namespace

class TestEventFrames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSplicedEventIsByteForByteTheEncodedEnvelope()
    {
        const EventFrames frames(threeEvents());
        for (qsizetype i = 0; i < frames.events().size(); ++i) {
            const StoredEvent &e = frames.events().at(i);
            for (const qint64 prev : {qint64(0), qint64(7), e.seq - 1})
                QCOMPARE(frames.encoded(i, prev),
                         protocol::encode(protocol::makeEvent(e.type, e.seq, prev, e.payload)));
        }
    }

    void withoutBatchesEachEventIsItsOwnFrameChainedByPrev()
    {
        EventFrames frames(threeEvents());
        const QList<QByteArray> sent = frames.frames({0, 2}, 30, false);
        QCOMPARE(sent.size(), 2);
        const auto first = std::get<protocol::Envelope>(protocol::decode(payload(sent[0])));
        const auto second = std::get<protocol::Envelope>(protocol::decode(payload(sent[1])));
        QCOMPARE(first.seq, 41);
        QCOMPARE(first.prev, 30);
        QCOMPARE(second.seq, 45); // 42 was not picked for this connection
        QCOMPARE(second.prev, 41);
    }

    void withBatchesThePickedEventsComeInOneFrameInOrder()
    {
        EventFrames frames(threeEvents());
        const QList<QByteArray> sent = frames.frames({0, 1, 2}, 40, true);
        QCOMPARE(sent.size(), 1);
        const auto decoded = protocol::decodeFrames(payload(sent.first()));
        const auto &events = std::get<QList<protocol::Envelope>>(decoded);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[0].prev, 40);
        QCOMPARE(events[1].prev, 41);
        QCOMPARE(events[2].prev, 42);
        QCOMPARE(events[2].seq, 45);
        QCOMPARE(events[0].data.value(QStringLiteral("message"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
                 QStringLiteral("سلام \"quoted\"\n"));
    }

    void connectionsDueTheSameFramesShareOneCopy()
    {
        EventFrames frames(threeEvents());
        const QList<QByteArray> a = frames.frames({0, 1, 2}, 40, true);
        const QList<QByteArray> b = frames.frames({0, 1, 2}, 40, true);
        QVERIFY(a.first().constData() == b.first().constData()); // built once
        const QList<QByteArray> otherPrev = frames.frames({0, 1, 2}, 12, true);
        QVERIFY(otherPrev.first() != a.first());
        QVERIFY(payload(otherPrev.first()).contains("\"prev\":12"));
    }
};

QTEST_GUILESS_MAIN(TestEventFrames)
#include "tst_event_frames.moc"
