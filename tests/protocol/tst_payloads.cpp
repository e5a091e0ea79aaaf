// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/protocol/payloads.h"

#include <QJsonArray>
#include <QTest>

using namespace threadline::protocol;

class TestPayloads : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aMessageSurvivesARoundTrip()
    {
        MessagePayload m;
        m.id = 9;
        m.customerId = 4;
        m.channel = channel::phone;
        m.direction = direction::in;
        m.body = QStringLiteral("تماس درباره سفارش");
        m.at = 1732530000000;
        m.meta = {{QStringLiteral("duration_s"), 245}};
        const auto back = MessagePayload::fromJson(m.toJson());
        QVERIFY(back);
        QCOMPARE(back->body, m.body);
        QCOMPARE(back->at, m.at);
        QCOMPARE(back->meta.value(QStringLiteral("duration_s")).toInt(), 245);
    }

    void aMessageWithAnUnknownChannelIsRefused()
    {
        QJsonObject o{{QStringLiteral("id"), 1}, {QStringLiteral("customer_id"), 1},
                      {QStringLiteral("channel"), QStringLiteral("fax")},
                      {QStringLiteral("direction"), QStringLiteral("in")}};
        QVERIFY(!MessagePayload::fromJson(o));
    }

    void aCustomerWithAMistypedIdentityIsRefused()
    {
        QJsonObject o{{QStringLiteral("id"), 1},
                      {QStringLiteral("identities"),
                       QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("pager")},
                                              {QStringLiteral("value"), QStringLiteral("1")}}}}};
        QVERIFY(!CustomerPayload::fromJson(o));
    }

    void aCustomerSurvivesARoundTrip()
    {
        CustomerPayload c;
        c.id = 42;
        c.name = QStringLiteral("علی رضایی");
        c.identities = {{QStringLiteral("phone"), QStringLiteral("+989121234567")}};
        c.lastAt = 5;
        const auto back = CustomerPayload::fromJson(c.toJson());
        QVERIFY(back);
        QCOMPARE(back->name, c.name);
        QCOMPARE(back->identities, c.identities);
    }

    // Found by fuzzing: numbers no qint64 holds were cast anyway (undefined behaviour).
    void numbersBeyondQint64AreRefusedNotCast()
    {
        for (const double n : {1e19, -1e300, 9223372036854775808.0}) {
            QVERIFY(!CustomerPayload::fromJson({{QStringLiteral("id"), n}}));
            QVERIFY(!CustomerPayload::fromJson({{QStringLiteral("id"), 1},
                                                {QStringLiteral("last_at"), n}}));
        }
        const auto big = CustomerPayload::fromJson({{QStringLiteral("id"), 4611686018427387904.0}});
        QVERIFY(big);
        QCOMPARE(big->id, Q_INT64_C(4611686018427387904));
    }
};

QTEST_GUILESS_MAIN(TestPayloads)
#include "tst_payloads.moc"
