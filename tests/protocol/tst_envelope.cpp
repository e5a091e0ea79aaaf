// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/protocol/envelope.h"
#include "services/protocol/frame_types.h"

#include <QTest>

using namespace threadline::protocol;

class TestEnvelope : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aCommandSurvivesARoundTrip()
    {
        const auto sent = makeCommand(type::sendMessage, QStringLiteral("abc"),
                                      {{QStringLiteral("body"), QStringLiteral("سلام")}});
        const auto decoded = decode(encode(sent));
        QVERIFY(std::holds_alternative<Envelope>(decoded));
        const auto &e = std::get<Envelope>(decoded);
        QCOMPARE(e.type, type::sendMessage);
        QCOMPARE(e.id, QStringLiteral("abc"));
        QCOMPARE(e.data.value(QStringLiteral("body")).toString(), QStringLiteral("سلام"));
        QVERIFY(!e.isDurableEvent());
    }

    void anEventKeepsItsSequenceNumbers()
    {
        const auto decoded = decode(encode(makeEvent(type::messageCreated, 1045, 1044, {})));
        const auto &e = std::get<Envelope>(decoded);
        QCOMPARE(e.seq, 1045);
        QCOMPARE(e.prev, 1044);
        QVERIFY(e.isDurableEvent());
    }

    void anErrorCarriesItsStableCode()
    {
        const auto decoded =
            decode(encode(makeError(QStringLiteral("x"), ErrorCode::Forbidden, QStringLiteral("no"))));
        const auto &e = std::get<Envelope>(decoded);
        QVERIFY(e.error.has_value());
        QCOMPARE(e.error->code, ErrorCode::Forbidden);
        QCOMPARE(errorCodeName(ErrorCode::Forbidden), QStringLiteral("forbidden"));
    }

    void everyCodeNameReadsBack()
    {
        for (int i = 0; i <= static_cast<int>(ErrorCode::Internal); ++i) {
            const auto code = static_cast<ErrorCode>(i);
            QCOMPARE(errorCodeFromName(errorCodeName(code)), code);
        }
        QVERIFY(!errorCodeFromName(u"nonsense").has_value());
    }

    void malformedFramesAreRefusedAsBadRequest_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("not json") << QByteArray("{type:");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no type") << QByteArray("{\"id\":\"a\"}");
        QTest::newRow("empty type") << QByteArray("{\"type\":\"\"}");
        QTest::newRow("numeric type") << QByteArray("{\"type\":5}");
        QTest::newRow("numeric id") << QByteArray("{\"type\":\"hello\",\"id\":7}");
        QTest::newRow("negative seq") << QByteArray("{\"type\":\"x\",\"seq\":-1}");
        QTest::newRow("fractional seq") << QByteArray("{\"type\":\"x\",\"seq\":1.5}");
        QTest::newRow("string data") << QByteArray("{\"type\":\"x\",\"data\":\"y\"}");
        QTest::newRow("error without code") << QByteArray("{\"type\":\"error\",\"error\":{}}");
        QTest::newRow("invalid utf8") << QByteArray("{\"type\":\"\xff\xfe\"}");
    }

    void malformedFramesAreRefusedAsBadRequest()
    {
        QFETCH(QByteArray, frame);
        const auto decoded = decode(frame);
        QVERIFY(std::holds_alternative<Error>(decoded));
        QCOMPARE(std::get<Error>(decoded).code, ErrorCode::BadRequest);
    }

    void anOversizedFrameIsTooLarge()
    {
        const QByteArray big = "{\"type\":\"x\",\"data\":{\"b\":\"" + QByteArray(kMaxFrameBytes, 'a') + "\"}}";
        const auto decoded = decode(big);
        QCOMPARE(std::get<Error>(decoded).code, ErrorCode::TooLarge);
    }

    void aBatchGivesBackItsEventsInOrder()
    {
        const QList<QByteArray> events{
            encode(makeEvent(type::messageCreated, 11, 9, {{QStringLiteral("n"), 1}})),
            encode(makeEvent(type::customerUpserted, 12, 11, {{QStringLiteral("n"), 2}})),
            encode(makeEvent(type::messageStatus, 14, 12, {{QStringLiteral("n"), 3}}))};
        const QList<QByteArray> frames = encodeBatches(events);
        QCOMPARE(frames.size(), 1);
        QVERIFY(std::holds_alternative<Envelope>(decode(frames.first())));
        QCOMPARE(std::get<Envelope>(decode(frames.first())).type, type::batch);

        const auto decoded = decodeFrames(frames.first());
        QVERIFY(std::holds_alternative<QList<Envelope>>(decoded));
        const auto &unpacked = std::get<QList<Envelope>>(decoded);
        QCOMPARE(unpacked.size(), 3);
        const QList<qint64> seqs{unpacked[0].seq, unpacked[1].seq, unpacked[2].seq};
        const QList<qint64> prevs{unpacked[0].prev, unpacked[1].prev, unpacked[2].prev};
        QCOMPARE(seqs, (QList<qint64>{11, 12, 14}));
        QCOMPARE(prevs, (QList<qint64>{9, 11, 12}));
        QCOMPARE(unpacked[1].type, type::customerUpserted);
        QCOMPARE(unpacked[2].data.value(QStringLiteral("n")).toInt(), 3);
    }

    void aSingleFrameDecodesAsAListOfOne()
    {
        const auto decoded = decodeFrames(encode(makeEvent(type::messageCreated, 5, 4, {})));
        QCOMPARE(std::get<QList<Envelope>>(decoded).size(), 1);
        QCOMPARE(std::get<QList<Envelope>>(decoded).first().seq, 5);
        const auto welcome = decodeFrames(encode(makeAck(QStringLiteral("c1"))));
        QCOMPARE(std::get<QList<Envelope>>(welcome).first().id, QStringLiteral("c1"));
    }

    void aLoneEventIsNotWrappedInABatch()
    {
        const QByteArray event = encode(makeEvent(type::messageCreated, 5, 4, {}));
        QCOMPARE(encodeBatches({event}), QList<QByteArray>{event});
    }

    void batchesAreSplitToStayUnderTheFrameLimitAndKeepTheOrder()
    {
        QList<QByteArray> events;
        for (int seq = 11; seq <= 20; ++seq) // all the same size
            events.append(encode(makeEvent(type::messageCreated, seq, seq - 1,
                                           {{QStringLiteral("body"), QString(100, u'x')}})));
        const qsizetype limit = 3 * events.first().size() + 60; // room for three, not four
        const QList<QByteArray> frames = encodeBatches(events, limit);
        QCOMPARE(frames.size(), 4); // 3 + 3 + 3 + a lone one
        QCOMPARE(frames.last(), events.last());
        qint64 expected = 11;
        for (const QByteArray &frame : frames) {
            QVERIFY(frame.size() <= limit);
            const auto decoded = decodeFrames(frame);
            for (const Envelope &e : std::get<QList<Envelope>>(decoded))
                QCOMPARE(e.seq, expected++);
        }
        QCOMPARE(expected, 21);
    }

    void malformedBatchesAreRefusedWhole_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("no frames") << QByteArray("{\"type\":\"batch\",\"data\":{}}");
        QTest::newRow("empty") << QByteArray("{\"type\":\"batch\",\"data\":{\"frames\":[]}}");
        QTest::newRow("not an array")
            << QByteArray("{\"type\":\"batch\",\"data\":{\"frames\":{}}}");
        QTest::newRow("not an object")
            << QByteArray("{\"type\":\"batch\",\"data\":{\"frames\":[1]}}");
        QTest::newRow("a bad event after a good one")
            << QByteArray("{\"type\":\"batch\",\"data\":{\"frames\":["
                          "{\"type\":\"message.created\",\"seq\":2,\"prev\":1,\"data\":{}},"
                          "{\"type\":\"message.created\",\"seq\":-3,\"data\":{}}]}}");
        QTest::newRow("an ephemeral frame")
            << QByteArray("{\"type\":\"batch\",\"data\":{\"frames\":["
                          "{\"type\":\"presence\",\"data\":{}}]}}");
        QTest::newRow("an answer")
            << QByteArray("{\"type\":\"batch\",\"data\":{\"frames\":["
                          "{\"type\":\"ack\",\"id\":\"c1\",\"seq\":4,\"data\":{}}]}}");
        QTest::newRow("a batch in a batch")
            << QByteArray("{\"type\":\"batch\",\"data\":{\"frames\":["
                          "{\"type\":\"batch\",\"seq\":4,\"data\":{\"frames\":[]}}]}}");
    }

    void malformedBatchesAreRefusedWhole()
    {
        QFETCH(QByteArray, frame);
        const auto decoded = decodeFrames(frame);
        QVERIFY(std::holds_alternative<Error>(decoded));
        QCOMPARE(std::get<Error>(decoded).code, ErrorCode::BadRequest);
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
