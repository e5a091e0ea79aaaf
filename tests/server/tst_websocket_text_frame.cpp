// SPDX-License-Identifier: GPL-3.0-or-later
// The fan-out writes its frames onto the socket itself, so their header must be what
// RFC 6455 asks of a server: FIN, text, unmasked, and the shortest length form.
#include "server/websocket_text_frame.h"

#include <QTest>

using namespace threadline::server;

class TestWebSocketTextFrame : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aShortTextFitsItsLengthInTheSecondByte()
    {
        const QByteArray frame = websocketTextFrame("{\"a\":1}");
        QCOMPARE(frame.toHex(), QByteArray("8107") + QByteArray("{\"a\":1}").toHex());
        QCOMPARE(websocketTextFrame(QByteArray(125, 'x')).left(2).toHex(), QByteArray("817d"));
    }

    void from126BytesTheLengthTakesSixteenBits()
    {
        QCOMPARE(websocketTextFrame(QByteArray(126, 'x')).left(4).toHex(), QByteArray("817e007e"));
        QCOMPARE(websocketTextFrame(QByteArray(65535, 'x')).left(4).toHex(),
                 QByteArray("817effff"));
    }

    void from65536BytesTheLengthTakesSixtyFourBits()
    {
        const QByteArray frame = websocketTextFrame(QByteArray(65536, 'x'));
        QCOMPARE(frame.left(10).toHex(), QByteArray("817f0000000000010000"));
        QCOMPARE(frame.size(), 65536 + 10);
    }

    void thePayloadReadsBackWholeAndNothingElseDoes()
    {
        const QByteArray utf8 = QStringLiteral("سلام").toUtf8().repeated(100);
        QCOMPARE(websocketTextPayload(websocketTextFrame(utf8))->toByteArray(), utf8);
        QCOMPARE(websocketTextPayload(websocketTextFrame({}))->size(), 0);
        const QByteArray frame = websocketTextFrame(utf8);
        QVERIFY(!websocketTextPayload(frame.chopped(1)));        // cut short
        QVERIFY(!websocketTextPayload(QByteArray(frame + 'x'))); // more than one frame's worth
        QByteArray binary = frame;
        binary[0] = char(0x82);
        QVERIFY(!websocketTextPayload(binary));
        QByteArray masked = websocketTextFrame("x");
        masked[1] = char(0x81);
        QVERIFY(!websocketTextPayload(masked));
    }
};

QTEST_GUILESS_MAIN(TestWebSocketTextFrame)
#include "tst_websocket_text_frame.moc"
