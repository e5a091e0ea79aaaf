// SPDX-License-Identifier: GPL-3.0-or-later
// Twilio SMS webhooks against a real hub: an inbound text lands in one customer's thread and
// reaches a connected desktop live; signatures, duplicates and status callbacks.
#include "server/twilio_signature.h"
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace threadline;
using namespace threadline::testing;

namespace {
const QByteArray kForm = QByteArrayLiteral("application/x-www-form-urlencoded");
const QByteArray kToken = QByteArrayLiteral("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6");
const QString kPublicUrl = QStringLiteral("https://hub.example.com");

QByteArray encode(const server::FormFields &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return out;
}

server::FormFields inboundSms(const QString &sid, const QString &from, const QString &body)
{
    return {{QStringLiteral("ToCountry"), QStringLiteral("IR")},
            {QStringLiteral("SmsMessageSid"), sid},
            {QStringLiteral("NumMedia"), QStringLiteral("0")},
            {QStringLiteral("SmsSid"), sid},
            {QStringLiteral("SmsStatus"), QStringLiteral("received")},
            {QStringLiteral("Body"), body},
            {QStringLiteral("To"), QStringLiteral("+982191000000")},
            {QStringLiteral("NumSegments"), QStringLiteral("1")},
            {QStringLiteral("MessageSid"), sid},
            {QStringLiteral("AccountSid"), QStringLiteral("ACf0000000000000000000000000000000")},
            {QStringLiteral("From"), from},
            {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")}};
}

QJsonObject messageOf(const protocol::Envelope &e)
{
    return e.data.value(QStringLiteral("message")).toObject();
}
} // namespace

class TestSmsIngress : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};    // no signature check
    HubProcess m_signed{QStringLiteral(THREADLINE_HUB_BINARY)}; // --twilio-auth-token-file

    std::unique_ptr<TestClient> desktop(HubProcess &hub)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(hub.url()) ||
            client->hello(QStringLiteral("agent"), QStringLiteral("demo")).type !=
                protocol::type::welcome ||
            !client->waitForEvent(protocol::type::live))
            return nullptr;
        return client;
    }

    HttpReply post(HubProcess &hub, const server::FormFields &fields,
                   const HttpHeaders &headers = {},
                   const QString &path = QStringLiteral("/ingress/sms/twilio"))
    {
        return httpPost(hubHttpUrl(hub, path), encode(fields), kForm, headers);
    }

    HttpReply postSigned(const server::FormFields &fields,
                         const QString &path = QStringLiteral("/ingress/sms/twilio"))
    {
        const QByteArray signature =
            server::twilio_signature::compute(kToken, kPublicUrl + path, fields);
        return post(m_signed, fields, {{"X-Twilio-Signature", signature}}, path);
    }

    QJsonObject findCustomer(HubProcess &hub, const QString &identity)
    {
        const auto r = hub.runCli({QStringLiteral("customer"), QStringLiteral("find"), identity,
                                   QStringLiteral("--db"), hub.dbPath()});
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
        QFile token(m_signed.folder() + QStringLiteral("/twilio-token"));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(kToken + '\n');
        token.close();
        QVERIFY2(
            m_signed.start(true, {QStringLiteral("--twilio-auth-token-file"), token.fileName(),
                                  QStringLiteral("--public-url"), kPublicUrl + QLatin1Char('/'),
                                  // An SMS API that is never reachable, tried again only
                                  // after an hour: replies stay queued for the callbacks.
                                  QStringLiteral("--sms-api-url"), QStringLiteral("http://127.0.0.1:9"),
                                  QStringLiteral("--sms-account-sid"), QStringLiteral("ACtest"),
                                  QStringLiteral("--sms-auth-token-file"), token.fileName(),
                                  QStringLiteral("--sms-from"), QStringLiteral("+982191000000"),
                                  QStringLiteral("--outbound-retry-seconds"), QStringLiteral("3600")}),
            m_signed.stderrText().constData());
    }

    void anSmsFromANewNumberCreatesACustomerAndReachesTheDesktopLive()
    {
        auto agent = desktop(m_hub);
        QVERIFY(agent);
        const auto reply = post(
            m_hub, inboundSms(QStringLiteral("SM00000000000000000000000000000001"),
                              QStringLiteral("+98 912 000 1001"),
                              QStringLiteral(u"سلام، سفارشم کی می‌رسد؟")));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.contentType.startsWith("text/xml"));
        QVERIFY(reply.body.contains("<Response/>"));

        // The new customer first, then the message, then the customer's new summary.
        const auto customer = agent->waitForEvent(protocol::type::customerUpserted);
        QVERIFY(customer);
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const auto summary = agent->waitForEvent(protocol::type::customerUpserted);
        QVERIFY(summary);
        QVERIFY(customer->seq < created->seq && created->seq < summary->seq);
        const QJsonObject m = messageOf(*created);
        QCOMPARE(m.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(m.value(QStringLiteral("direction")).toString(), QStringLiteral("in"));
        QCOMPARE(m.value(QStringLiteral("identity")).toString(), QStringLiteral("+989120001001"));
        QCOMPARE(m.value(QStringLiteral("body")).toString(),
                 QStringLiteral(u"سلام، سفارشم کی می‌رسد؟"));
        QCOMPARE(m.value(QStringLiteral("status")).toString(), QStringLiteral("received"));
        const QJsonObject c = summary->data.value(QStringLiteral("customer")).toObject();
        QCOMPARE(c.value(QStringLiteral("id")).toInteger(),
                 m.value(QStringLiteral("customer_id")).toInteger());
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("+989120001001"));
        QCOMPARE(c.value(QStringLiteral("item_count")).toInt(), 1);
    }

    void theSameNumberWrittenAnotherWayLandsInTheSameThread()
    {
        auto agent = desktop(m_hub);
        QVERIFY(agent);
        QCOMPARE(post(m_hub, inboundSms(QStringLiteral("SM00000000000000000000000000000002"),
                                        QStringLiteral("+989120002002"), QStringLiteral("first")))
                     .status,
                 200);
        const auto first = agent->waitForEvent(protocol::type::messageCreated);
        QCOMPARE(post(m_hub, inboundSms(QStringLiteral("SM00000000000000000000000000000003"),
                                        QStringLiteral("00989120002002"), QStringLiteral("second")))
                     .status,
                 200);
        const auto second = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(first && second);
        QCOMPARE(messageOf(*second).value(QStringLiteral("customer_id")),
                 messageOf(*first).value(QStringLiteral("customer_id")));
        const QJsonObject c = findCustomer(m_hub, QStringLiteral(u"۰۹۱۲۰۰۰۲۰۰۲"));
        QCOMPARE(c.value(QStringLiteral("items")).toArray().size(), 2);
    }

    void aWebhookDeliveredTwiceIsStoredOnce()
    {
        auto agent = desktop(m_hub);
        QVERIFY(agent);
        const auto fields = inboundSms(QStringLiteral("SM00000000000000000000000000000004"),
                                       QStringLiteral("09120003003"), QStringLiteral("once"));
        QCOMPARE(post(m_hub, fields).status, 200);
        QVERIFY(agent->waitForEvent(protocol::type::messageCreated));
        const auto again = post(m_hub, fields);
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("<Response/>"));
        QVERIFY(!agent->waitForEvent(protocol::type::messageCreated, 500));
        QCOMPARE(findCustomer(m_hub, QStringLiteral("09120003003"))
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
    }

    void mediaUrlsAreKeptWithTheMessage()
    {
        auto agent = desktop(m_hub);
        QVERIFY(agent);
        auto fields = inboundSms(QStringLiteral("MM00000000000000000000000000000005"),
                                 QStringLiteral("+989120004004"), QString());
        fields.append(
            {QStringLiteral("MediaUrl0"),
             QStringLiteral(
                 "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM5/Media/ME1")});
        fields.append({QStringLiteral("MediaContentType0"), QStringLiteral("image/jpeg")});
        for (auto &f : fields)
            if (f.first == QLatin1String("NumMedia"))
                f.second = QStringLiteral("1");
        QCOMPARE(post(m_hub, fields).status, 200);
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const QJsonArray media = messageOf(*created)
                                     .value(QStringLiteral("meta"))
                                     .toObject()
                                     .value(QStringLiteral("media"))
                                     .toArray();
        QCOMPARE(media.size(), 1);
        QCOMPARE(media.at(0).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("image/jpeg"));
    }

    void malformedWebhooksGetAClearErrorAndStoreNothing()
    {
        auto agent = desktop(m_hub);
        QVERIFY(agent);
        auto noSid = inboundSms(QString(), QStringLiteral("+989120005005"), QStringLiteral("x"));
        for (auto &f : noSid)
            if (f.first.endsWith(QLatin1String("Sid")) && f.first != QLatin1String("AccountSid"))
                f.second.clear();
        auto r = post(m_hub, noSid);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
        r = post(m_hub, inboundSms(QStringLiteral("SM6"), QStringLiteral("not a number"),
                                   QStringLiteral("x")));
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("From")));
        r = httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/sms/twilio")), "{}",
                     "application/json");
        QCOMPARE(r.status, 415);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
        QVERIFY(!agent->waitForEvent(protocol::type::messageCreated, 300));
    }

    void aCorrectlySignedWebhookIsAcceptedAtThePublicUrl()
    {
        auto agent = desktop(m_signed);
        QVERIFY(agent);
        const auto r =
            postSigned(inboundSms(QStringLiteral("SM00000000000000000000000000000007"),
                                  QStringLiteral("+989120007007"), QStringLiteral("signed")));
        QCOMPARE(r.status, 200);
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        QCOMPARE(messageOf(*created).value(QStringLiteral("body")).toString(),
                 QStringLiteral("signed"));
    }

    void aBadSignatureIsRefusedWith403AndNothingIsStored()
    {
        auto agent = desktop(m_signed);
        QVERIFY(agent);
        const auto fields = inboundSms(QStringLiteral("SM00000000000000000000000000000008"),
                                       QStringLiteral("+989120008008"), QStringLiteral("forged"));
        // Signed for another URL (the hub's own loopback address, not the public one).
        const QByteArray wrongUrl = server::twilio_signature::compute(
            kToken, hubHttpUrl(m_signed, QStringLiteral("/ingress/sms/twilio")).toString(), fields);
        for (const HttpHeaders &headers :
             {HttpHeaders{}, HttpHeaders{{"X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="}},
              HttpHeaders{{"X-Twilio-Signature", wrongUrl}}}) {
            const auto r = post(m_signed, fields, headers);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
        }
        // A body changed after signing.
        auto tampered = fields;
        const QByteArray good = server::twilio_signature::compute(
            kToken, kPublicUrl + QStringLiteral("/ingress/sms/twilio"), fields);
        tampered[5].second = QStringLiteral("changed");
        QCOMPARE(post(m_signed, tampered, {{"X-Twilio-Signature", good}}).status, 403);
        QVERIFY(!agent->waitForEvent(protocol::type::messageCreated, 300));
        QCOMPARE(m_signed
                     .runCli({QStringLiteral("customer"), QStringLiteral("find"),
                              QStringLiteral("+989120008008"), QStringLiteral("--db"),
                              m_signed.dbPath()})
                     .exitCode,
                 3);
    }

    void statusCallbacksMoveAnOutboundMessageForwardOnly()
    {
        auto agent = desktop(m_signed);
        QVERIFY(agent);
        const auto ack =
            agent->command(protocol::type::sendMessage,
                           {{QStringLiteral("customer_id"), 3},
                            {QStringLiteral("channel"), QStringLiteral("sms")},
                            {QStringLiteral("body"), QStringLiteral("Your order is ready")}});
        QCOMPARE(ack.type, protocol::type::ack);
        const qint64 id = messageOf(ack).value(QStringLiteral("id")).toInteger();
        // It stays queued (the SMS API is down); tst_outbound_sms sends for real.

        const QString sid = QStringLiteral("SM00000000000000000000000000000009");
        auto callback = [&](const QString &status, const QString &path) {
            server::FormFields f{{QStringLiteral("MessageSid"), sid},
                                 {QStringLiteral("SmsSid"), sid},
                                 {QStringLiteral("MessageStatus"), status},
                                 {QStringLiteral("SmsStatus"), status},
                                 {QStringLiteral("To"), QStringLiteral("+989121234567")},
                                 {QStringLiteral("From"), QStringLiteral("+982191000000")}};
            if (status == QLatin1String("undelivered"))
                f.append({QStringLiteral("ErrorCode"), QStringLiteral("30003")});
            return postSigned(f, path);
        };
        // The first callback finds the message through the StatusCallback URL's message_id.
        QCOMPARE(callback(QStringLiteral("delivered"),
                          QStringLiteral("/ingress/sms/twilio?message_id=%1").arg(id))
                     .status,
                 200);
        const auto delivered = agent->waitForEvent(protocol::type::messageStatus);
        QVERIFY(delivered);
        QCOMPARE(delivered->data.value(QStringLiteral("message_id")).toInteger(), id);
        QCOMPARE(delivered->data.value(QStringLiteral("status")).toString(),
                 QStringLiteral("delivered"));
        QCOMPARE(delivered->data.value(QStringLiteral("client_id")).toString(), ack.id);
        // Later ones by MessageSid alone; a late "sent" does not move it back.
        QCOMPARE(callback(QStringLiteral("sent"), QStringLiteral("/ingress/sms/twilio")).status,
                 200);
        QVERIFY(!agent->waitForEvent(protocol::type::messageStatus, 300));
        // An unknown MessageSid is a clear 404.
        server::FormFields unknown{{QStringLiteral("MessageSid"), QStringLiteral("SMunknown")},
                                   {QStringLiteral("MessageStatus"), QStringLiteral("delivered")}};
        const auto r = postSigned(unknown);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
    }

    void aFailedDeliveryCarriesTheReason()
    {
        auto agent = desktop(m_signed);
        QVERIFY(agent);
        const auto ack =
            agent->command(protocol::type::sendMessage,
                           {{QStringLiteral("customer_id"), 4},
                            {QStringLiteral("channel"), QStringLiteral("sms")},
                            {QStringLiteral("body"), QStringLiteral("Are you there?")}});
        QCOMPARE(ack.type, protocol::type::ack);
        const qint64 id = messageOf(ack).value(QStringLiteral("id")).toInteger();
        const server::FormFields f{{QStringLiteral("MessageSid"), QStringLiteral("SM10")},
                                   {QStringLiteral("MessageStatus"), QStringLiteral("undelivered")},
                                   {QStringLiteral("ErrorCode"), QStringLiteral("30003")}};
        QCOMPARE(postSigned(f, QStringLiteral("/ingress/sms/twilio?message_id=%1").arg(id)).status,
                 200);
        const auto failed = agent->waitForEvent(protocol::type::messageStatus);
        QVERIFY(failed);
        QCOMPARE(failed->data.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed->data.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("unreachable destination handset"));
    }
};

QTEST_GUILESS_MAIN(TestSmsIngress)
#include "tst_sms_ingress.moc"
