// SPDX-License-Identifier: GPL-3.0-or-later
// WooCommerce and Shopify order webhooks against a real hub: the order links to the customer
// by email or phone and each status change appears live in the customer's thread.
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {
QJsonObject messageOf(const protocol::Envelope &e)
{
    return e.data.value(QStringLiteral("message")).toObject();
}

QJsonObject json(const QString &file)
{
    return QJsonDocument::fromJson(testData(file)).object();
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class TestOrderIngress : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

    std::unique_ptr<TestClient> desktop()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(m_hub.url()) ||
            client->hello(QStringLiteral("agent"), QStringLiteral("demo")).type !=
                protocol::type::welcome ||
            !client->waitForEvent(protocol::type::live))
            return nullptr;
        return client;
    }

    HttpReply post(const QString &shop, const QByteArray &body,
                   const QByteArray &type = "application/json")
    {
        return httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/orders/") + shop), body, type);
    }

    QJsonObject find(const QString &identity)
    {
        const auto r = m_hub.runCli({QStringLiteral("customer"), QStringLiteral("find"), identity,
                                     QStringLiteral("--db"), m_hub.dbPath()});
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

    // The status of the order item the desktop sees next.
    QString nextOrderStatus(TestClient &agent)
    {
        const auto created = agent.waitForEvent(protocol::type::messageCreated);
        if (!created)
            return {};
        const QJsonObject m = messageOf(*created);
        if (m.value(QStringLiteral("channel")).toString() != QLatin1String("order") ||
            m.value(QStringLiteral("direction")).toString() != QLatin1String("internal"))
            return QStringLiteral("not an order item");
        return m.value(QStringLiteral("meta"))
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_hub.start(true), m_hub.stderrText().constData()); }

    void aWooCommerceOrderIsStoredAndEachStatusChangeAppearsOnce()
    {
        auto agent = desktop();
        QVERIFY(agent);
        const QByteArray processing = testData(QStringLiteral("orders/woocommerce/orders-00.json"));
        auto r = post(QStringLiteral("woocommerce"), processing);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        const auto customer = agent->waitForEvent(protocol::type::customerUpserted);
        QVERIFY(customer);
        QCOMPARE(customer->data.value(QStringLiteral("customer"))
                     .toObject()
                     .value(QStringLiteral("name")),
                 QStringLiteral("John Doe"));
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const QJsonObject m = messageOf(*created);
        QCOMPARE(m.value(QStringLiteral("channel")).toString(), QStringLiteral("order"));
        QCOMPARE(m.value(QStringLiteral("meta")).toObject(),
                 (QJsonObject{{QStringLiteral("number"), QStringLiteral("727")},
                              {QStringLiteral("status"), QStringLiteral("paid")}}));
        QCOMPARE(m.value(QStringLiteral("body")).toString(),
                 QStringLiteral("Order #727 paid (29.35 USD)"));

        // The same webhook again adds nothing.
        r = post(QStringLiteral("woocommerce"), processing);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(QStringLiteral("changed")).toBool());
        QVERIFY(!agent->waitForEvent(protocol::type::messageCreated, 500));

        QCOMPARE(post(QStringLiteral("woocommerce"),
                      testData(QStringLiteral("orders/woocommerce/orders-03.json")))
                     .status,
                 200);
        QCOMPARE(nextOrderStatus(*agent), QStringLiteral("shipped"));

        const QJsonObject c = find(QStringLiteral("John.Doe@example.com"));
        const QJsonArray orders = c.value(QStringLiteral("orders")).toArray();
        QCOMPARE(orders.size(), 1);
        const QJsonObject order = orders.at(0).toObject();
        QCOMPARE(order.value(QStringLiteral("status")).toString(), QStringLiteral("shipped"));
        QCOMPARE(order.value(QStringLiteral("source_status")).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(order.value(QStringLiteral("total")).toString(), QStringLiteral("29.35"));
        QCOMPARE(order.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QVERIFY(order.value(QStringLiteral("items")).toArray().size() >= 1);
        QCOMPARE(c.value(QStringLiteral("items")).toArray().size(), 2);
    }

    void aShopifyOrderJoinsTheCustomerWhoAlreadyWroteFromItsEmail()
    {
        auto agent = desktop();
        QVERIFY(agent);
        const QByteArray mail = "From: Bob Norman <Bob.Norman@HostMail.com>\r\nSubject: order\r\n"
                                "Message-ID: <bob@1>\r\n\r\nDid you get my order?\r\n";
        QCOMPARE(
            httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/email")), mail, "message/rfc822")
                .status,
            201);
        const auto email = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(email);
        const qint64 bob = messageOf(*email).value(QStringLiteral("customer_id")).toInteger();

        QJsonObject order = json(QStringLiteral("orders/shopify/order.json"));
        QCOMPARE(post(QStringLiteral("shopify"), bytes(order)).status, 201); // wrapped, authorized
        auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        QCOMPARE(messageOf(*created).value(QStringLiteral("customer_id")).toInteger(), bob);
        QCOMPARE(messageOf(*created)
                     .value(QStringLiteral("meta"))
                     .toObject()
                     .value(QStringLiteral("number")),
                 QStringLiteral("#1001"));
        QCOMPARE(messageOf(*created)
                     .value(QStringLiteral("meta"))
                     .toObject()
                     .value(QStringLiteral("status")),
                 QStringLiteral("placed"));

        // Webhooks send the order bare; it moves through paid, fulfilled, refunded.
        QJsonObject bare = order.value(QStringLiteral("order")).toObject();
        bare.insert(QStringLiteral("financial_status"), QStringLiteral("paid"));
        QCOMPARE(post(QStringLiteral("shopify"), bytes(bare)).status, 200);
        QCOMPARE(nextOrderStatus(*agent), QStringLiteral("paid"));
        bare.insert(QStringLiteral("fulfillment_status"), QStringLiteral("fulfilled"));
        QCOMPARE(post(QStringLiteral("shopify"), bytes(bare)).status, 200);
        QCOMPARE(nextOrderStatus(*agent), QStringLiteral("shipped"));
        bare.insert(QStringLiteral("financial_status"), QStringLiteral("refunded"));
        QCOMPARE(post(QStringLiteral("shopify"), bytes(bare)).status, 200);
        QCOMPARE(nextOrderStatus(*agent), QStringLiteral("refunded"));
        QCOMPARE(find(QStringLiteral("bob.norman@hostmail.com"))
                     .value(QStringLiteral("orders"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("refunded"));
    }

    void aPickupOrderIsReadyWithItsCodeThenPickedUp()
    {
        auto agent = desktop();
        QVERIFY(agent);
        QJsonObject o = json(QStringLiteral("orders/woocommerce/orders-00.json"));
        o.insert(QStringLiteral("id"), 9001);
        o.insert(QStringLiteral("number"), QStringLiteral("9001"));
        QJsonObject billing = o.value(QStringLiteral("billing")).toObject();
        billing.insert(QStringLiteral("email"), QString());
        billing.insert(QStringLiteral("phone"), QStringLiteral(u"۰۹۱۲ ۳۴۵ ۹۰۰۱"));
        billing.insert(QStringLiteral("country"), QStringLiteral("IR"));
        billing.insert(QStringLiteral("first_name"), QStringLiteral(u"مریم"));
        billing.insert(QStringLiteral("last_name"), QStringLiteral(u"کریمی"));
        o.insert(QStringLiteral("billing"), billing);
        o.insert(
            QStringLiteral("shipping_lines"),
            QJsonArray{QJsonObject{{QStringLiteral("method_id"), QStringLiteral("local_pickup")},
                                   {QStringLiteral("method_title"), QStringLiteral("Pickup")}}});
        o.insert(QStringLiteral("meta_data"),
                 QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("_pickup_code")},
                                        {QStringLiteral("value"), QStringLiteral("K7Q2")}}});
        o.insert(QStringLiteral("status"), QStringLiteral("ready-for-pickup"));
        QCOMPARE(post(QStringLiteral("woocommerce"), bytes(o)).status, 201);
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        QCOMPARE(messageOf(*created)
                     .value(QStringLiteral("meta"))
                     .toObject()
                     .value(QStringLiteral("pickup_code")),
                 QStringLiteral("K7Q2"));
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        QCOMPARE(post(QStringLiteral("woocommerce"), bytes(o)).status, 200);
        QCOMPARE(nextOrderStatus(*agent), QStringLiteral("picked_up"));
        const QJsonObject c = find(QStringLiteral("+989123459001"));
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral(u"مریم کریمی"));
        QCOMPARE(c.value(QStringLiteral("orders"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("pickup_code")),
                 QStringLiteral("K7Q2"));

        // A later order with her phone and a new email links the email to her.
        o.insert(QStringLiteral("id"), 9002);
        o.insert(QStringLiteral("number"), QStringLiteral("9002"));
        billing.insert(QStringLiteral("email"), QStringLiteral("maryam.karimi@example.ir"));
        billing.insert(QStringLiteral("phone"), QStringLiteral("+98 912 345 9001"));
        o.insert(QStringLiteral("billing"), billing);
        o.insert(QStringLiteral("status"), QStringLiteral("pending"));
        QCOMPARE(post(QStringLiteral("woocommerce"), bytes(o)).status, 201);
        QCOMPARE(nextOrderStatus(*agent), QStringLiteral("placed"));
        QCOMPARE(find(QStringLiteral("maryam.karimi@example.ir")).value(QStringLiteral("id")),
                 c.value(QStringLiteral("id")));
    }

    void badOrderWebhooksGetAStableErrorAndStoreNothing()
    {
        auto agent = desktop();
        QVERIFY(agent);
        auto r = post(QStringLiteral("woocommerce"), "{not json");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
        QCOMPARE(post(QStringLiteral("shopify"), "[]").status, 400);
        QCOMPARE(post(QStringLiteral("woocommerce"), R"({"id": 5, "status": "processing"})").status,
                 400); // nobody to link it to
        QCOMPARE(post(QStringLiteral("shopify"), R"({"email": "a@b.c"})").status, 400); // no id
        // Found by fuzzing: an id no qint64 holds was cast anyway (undefined behaviour); now
        // it is kept as the number written.
        QCOMPARE(post(QStringLiteral("woocommerce"), R"({"id": 1e300, "status": "processing"})")
                     .status,
                 400); // still nobody to link it to, and no crash on the way
        r = post(QStringLiteral("woocommerce"), "{}", "text/plain");
        QCOMPARE(r.status, 415);
        QVERIFY(!agent->waitForEvent(protocol::type::messageCreated, 300));
    }
};

QTEST_GUILESS_MAIN(TestOrderIngress)
#include "tst_order_ingress.moc"
