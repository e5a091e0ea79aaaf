// SPDX-License-Identifier: GPL-3.0-or-later
// Every ```json block in docs/protocol.md must be a valid frame, and its payload
// must decode, so the documented contract and the code cannot drift apart.
#include "services/protocol/envelope.h"
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace threadline::protocol;

class TestProtocolDoc : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyExampleInTheDocIsAValidFrame()
    {
        QFile doc(QStringLiteral(THREADLINE_SOURCE_DIR "/docs/protocol.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        static const QRegularExpression block(QStringLiteral("```json\\n(.*?)\\n```"),
                                              QRegularExpression::DotMatchesEverythingOption);
        int examples = 0;
        for (auto it = block.globalMatch(text); it.hasNext();) {
            const QString frame = it.next().captured(1);
            const auto decoded = decode(frame.toUtf8());
            QVERIFY2(std::holds_alternative<Envelope>(decoded), qPrintable(frame));
            checkPayload(std::get<Envelope>(decoded));
            // A batch's events must be valid events too.
            const auto frames = decodeFrames(frame.toUtf8());
            QVERIFY2(std::holds_alternative<QList<Envelope>>(frames), qPrintable(frame));
            for (const Envelope &e : std::get<QList<Envelope>>(frames))
                checkPayload(e);
            ++examples;
        }
        QVERIFY2(examples >= 15, "the doc lost its examples");
    }

private:
    void checkPayload(const Envelope &e)
    {
        const auto &d = e.data;
        if (e.type == type::customerUpserted)
            QVERIFY(CustomerPayload::fromJson(d.value(QStringLiteral("customer")).toObject()));
        if (e.type == type::messageCreated)
            QVERIFY(MessagePayload::fromJson(d.value(QStringLiteral("message")).toObject()));
        if (e.type == type::ack && d.contains(QStringLiteral("message")))
            QVERIFY(MessagePayload::fromJson(d.value(QStringLiteral("message")).toObject()));
        if (e.type == type::ack && d.contains(QStringLiteral("messages")))
            QVERIFY(messagesFromJson(d.value(QStringLiteral("messages"))));
        if (e.type == type::ack && d.contains(QStringLiteral("customers")))
            QVERIFY(customersFromJson(d.value(QStringLiteral("customers"))));
        if (e.isDurableEvent())
            QVERIFY(e.prev < e.seq);
    }
};

QTEST_GUILESS_MAIN(TestProtocolDoc)
#include "tst_protocol_doc.moc"
