// SPDX-License-Identifier: GPL-3.0-or-later
// Commands against a real hub: sending, notes, retries, and malformed or abusive frames.
#include "services/protocol/frame_types.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {
QJsonObject sms(qint64 customer, const QString &body)
{
    return {{QStringLiteral("customer_id"), customer},
            {QStringLiteral("channel"), QStringLiteral("sms")},
            {QStringLiteral("body"), body}};
}
} // namespace

class TestHubCommands : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

    std::unique_ptr<TestClient> signedIn(const QString &user = QStringLiteral("agent"))
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(m_hub.url()) ||
            client->hello(user, QStringLiteral("demo")).type != protocol::type::welcome)
            return nullptr;
        if (!client->waitForEvent(protocol::type::live))
            return nullptr;
        return client;
    }

    qint64 historyCount(TestClient &client, qint64 customer)
    {
        const auto page =
            client.command(protocol::type::historyPage, {{QStringLiteral("customer_id"), customer},
                                                         {QStringLiteral("limit"), 500}});
        return page.data.value(QStringLiteral("messages")).toArray().size();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_hub.start(true), m_hub.stderrText().constData()); }

    void aSentMessageIsStoredAckedWithASeqAndReachesOtherDesktops()
    {
        auto sender = signedIn();
        auto colleague = signedIn(QStringLiteral("supervisor"));
        QVERIFY(sender && colleague);
        const QString id = TestClient::newId();
        const auto ack = sender->command(protocol::type::sendMessage,
                                         sms(7, QStringLiteral("Your parcel ships today.")), id);
        QCOMPARE(ack.type, protocol::type::ack);
        QVERIFY(ack.seq > 0);
        const QJsonObject message = ack.data.value(QStringLiteral("message")).toObject();
        QCOMPARE(message.value(QStringLiteral("client_id")).toString(), id);
        QCOMPARE(message.value(QStringLiteral("status")).toString(), QStringLiteral("queued"));
        QCOMPARE(message.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QCOMPARE(message.value(QStringLiteral("author")).toString(), QStringLiteral("agent"));
        QVERIFY(message.value(QStringLiteral("identity")).toString().startsWith(QLatin1Char('+')));

        const auto created = colleague->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        QCOMPARE(created->seq, ack.seq);
        QCOMPARE(created->data.value(QStringLiteral("message"))
                     .toObject()
                     .value(QStringLiteral("client_id"))
                     .toString(),
                 id);
        const auto upserted = colleague->waitForEvent(protocol::type::customerUpserted);
        QVERIFY(upserted);
        QCOMPARE(upserted->data.value(QStringLiteral("customer"))
                     .toObject()
                     .value(QStringLiteral("last_preview"))
                     .toString(),
                 QStringLiteral("Your parcel ships today."));
        // This hub has no SMS provider: the reply says so instead of pretending "sent"
        // (tst_outbound_sms covers a hub with one).
        const auto status = colleague->waitForEvent(protocol::type::messageStatus);
        QVERIFY(status);
        QCOMPARE(status->data.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(status->data.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("no SMS provider configured"));
        QCOMPARE(status->data.value(QStringLiteral("client_id")).toString(), id);
        QVERIFY(sender->waitForEvent(protocol::type::messageCreated)); // the sender gets it too

        const auto page =
            sender->command(protocol::type::historyPage,
                            {{QStringLiteral("customer_id"), 7}, {QStringLiteral("limit"), 1}});
        const QJsonObject newest =
            page.data.value(QStringLiteral("messages")).toArray().at(0).toObject();
        QCOMPARE(newest.value(QStringLiteral("id")), message.value(QStringLiteral("id")));
        QCOMPARE(newest.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    }

    void aRepeatedCommandIdGetsTheSameAnswerAndStoresNothingTwice()
    {
        auto client = signedIn();
        QVERIFY(client);
        const qint64 before = historyCount(*client, 12);
        const QString id = TestClient::newId();
        const auto first =
            client->command(protocol::type::addNote,
                            {{QStringLiteral("customer_id"), 12},
                             {QStringLiteral("body"), QStringLiteral("Prefers calls after 18:00")}},
                            id);
        const auto again =
            client->command(protocol::type::addNote,
                            {{QStringLiteral("customer_id"), 12},
                             {QStringLiteral("body"), QStringLiteral("Prefers calls after 18:00")}},
                            id);
        QCOMPARE(first.type, protocol::type::ack);
        QCOMPARE(again.type, protocol::type::ack);
        QCOMPARE(again.seq, first.seq);
        QCOMPARE(again.data, first.data);
        QCOMPARE(historyCount(*client, 12), before + 1);

        const QString sendId = TestClient::newId();
        const auto sent = client->command(protocol::type::sendMessage,
                                          sms(12, QStringLiteral("Noted, thanks!")), sendId);
        const auto resent = client->command(protocol::type::sendMessage,
                                            sms(12, QStringLiteral("Noted, thanks!")), sendId);
        QCOMPARE(resent.seq, sent.seq);
        QCOMPARE(historyCount(*client, 12), before + 2);
    }

    void sendMessageChecksItsInput()
    {
        auto client = signedIn();
        QVERIFY(client);
        QCOMPARE(client->command(protocol::type::sendMessage, sms(999999, QStringLiteral("hi")))
                     .error->code,
                 protocol::ErrorCode::NotFound);
        QCOMPARE(
            client->command(protocol::type::sendMessage, sms(7, QStringLiteral("   "))).error->code,
            protocol::ErrorCode::BadRequest);
        QJsonObject email = sms(7, QStringLiteral("no subject"));
        email.insert(QStringLiteral("channel"), QStringLiteral("email"));
        QCOMPARE(client->command(protocol::type::sendMessage, email).error->code,
                 protocol::ErrorCode::BadRequest);
        QJsonObject foreign = sms(7, QStringLiteral("hi"));
        foreign.insert(QStringLiteral("identity"), QStringLiteral("+989121111111"));
        QCOMPARE(client->command(protocol::type::sendMessage, foreign).error->code,
                 protocol::ErrorCode::BadRequest);
        QCOMPARE(
            client
                ->command(protocol::type::sendMessage, sms(7, QString(70 * 1024, QLatin1Char('x'))))
                .error->code,
            protocol::ErrorCode::TooLarge);
    }

    void malformedFramesGetBadRequestAndTheConnectionKeepsWorking()
    {
        auto client = signedIn();
        QVERIFY(client);
        client->sendText(QStringLiteral("{not json"));
        QCOMPARE(client->waitForAnonymousError().error->code, protocol::ErrorCode::BadRequest);
        QCOMPARE(client->command(QStringLiteral("make_coffee"), {}).error->code,
                 protocol::ErrorCode::BadRequest);
        QCOMPARE(client->command(protocol::type::sendMessage, {}).error->code,
                 protocol::ErrorCode::BadRequest);
        QCOMPARE(client
                     ->command(protocol::type::historyPage,
                               {{QStringLiteral("customer_id"), QStringLiteral("seven")}})
                     .error->code,
                 protocol::ErrorCode::BadRequest);
        client->sendBinary(QByteArrayLiteral("\x01\x02"));
        QCOMPARE(client->waitForAnonymousError().error->code, protocol::ErrorCode::BadRequest);
        const auto page =
            client->command(protocol::type::customersPage, {{QStringLiteral("limit"), 3}});
        QCOMPARE(page.type, protocol::type::ack);
        QCOMPARE(page.data.value(QStringLiteral("customers")).toArray().size(), 3);
        QVERIFY(page.data.value(QStringLiteral("more")).toBool());
    }

    void twentyMalformedFramesInARowCloseTheConnectionWith1008()
    {
        auto client = signedIn();
        QVERIFY(client);
        for (int i = 0; i < 20; ++i)
            client->sendText(QStringLiteral("[]"));
        QCOMPARE(client->waitForClose(), int(QWebSocketProtocol::CloseCodePolicyViolated));
    }

    void aFrameOverOneMebibyteClosesTheConnectionWith1009()
    {
        auto client = signedIn();
        QVERIFY(client);
        client->sendText(QString(protocol::kMaxFrameBytes + 16, QLatin1Char('x')));
        QCOMPARE(client->waitForClose(), int(QWebSocketProtocol::CloseCodeTooMuchData));
    }
};

QTEST_GUILESS_MAIN(TestHubCommands)
#include "tst_hub_commands.moc"
