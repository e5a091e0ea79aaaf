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
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
