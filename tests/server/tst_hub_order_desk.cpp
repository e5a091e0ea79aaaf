// SPDX-License-Identifier: GPL-3.0-or-later
// The store's order desk against a real hub: find an order from what the customer says,
// read and note only that customer's thread, mark it ready and picked up, notify them.
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;
using protocol::Envelope;

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

QByteArray wooOrder()
{
    return QJsonDocument(
               QJsonObject{
                   {k("id"), 88001},
                   {k("number"), k("5501")},
                   {k("status"), k("processing")},
                   {k("total"), k("1250000")},
                   {k("currency"), k("IRR")},
                   {k("billing"),
                    QJsonObject{{k("first_name"), QStringLiteral("مریم")},
                                {k("last_name"), QStringLiteral("کریمی")},
                                {k("email"), k("maryam.karimi@example.ir")},
                                {k("phone"), k("09123334455")},
                                {k("country"), k("IR")}}},
                   {k("line_items"),
                    QJsonArray{QJsonObject{{k("name"), k("Saffron 10 g")},
                                           {k("sku"), k("SAF-010")},
                                           {k("quantity"), 2},
                                           {k("total"), k("1250000")}}}},
                   {k("shipping_lines"),
                    QJsonArray{QJsonObject{{k("method_id"), k("local_pickup")},
                                           {k("method_title"), k("Local pickup")}}}},
                   {k("meta_data"),
                    QJsonArray{QJsonObject{{k("key"), k("pickup_code")}, {k("value"), k("4821")}}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonArray ordersOf(const Envelope &e)
{
    return e.data.value(k("orders")).toArray();
}

} // namespace

class TestHubOrderDesk : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    qint64 m_orderId = 0;
    qint64 m_customerId = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
        const HttpReply r = httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/orders/woocommerce")),
                                     wooOrder(), QByteArrayLiteral("application/json"));
        QCOMPARE(r.status, 201);
        m_orderId = r.json().value(k("order_id")).toInteger();
        m_customerId = r.json().value(k("customer_id")).toInteger();
    }

    void theClerkFindsTheOrderByNumberPhoneInPersianDigitsEmailOrName()
    {
        auto store = TestClient::signedIn(m_hub.url(), QStringLiteral("store"));
        QVERIFY(store);
        for (const QString &query :
             {QStringLiteral("#5501"), QStringLiteral("۰۹۱۲ ۳۳۳ ۴۴۵۵"), QStringLiteral("٠٩١٢٣٣٣٤٤٥٥"),
              QStringLiteral("+98 912 333 4455"), QStringLiteral("Maryam.Karimi@example.ir"),
              QStringLiteral("مريم كريمي")}) {
            const Envelope found = store->command(protocol::type::orderLookup, {{k("query"), query}});
            QCOMPARE(found.type, protocol::type::ack);
            const QJsonArray orders = ordersOf(found);
            QVERIFY2(!orders.isEmpty(), qPrintable(query));
            const QJsonObject order = orders.at(0).toObject();
            QCOMPARE(order.value(k("id")).toInteger(), m_orderId);
            QCOMPARE(order.value(k("pickup_code")).toString(), QStringLiteral("4821"));
            QCOMPARE(order.value(k("payment_status")).toString(), QStringLiteral("paid"));
            QCOMPARE(order.value(k("fulfilment_status")).toString(), QStringLiteral("unfulfilled"));
            QCOMPARE(order.value(k("items")).toArray().size(), 1);
            QCOMPARE(order.value(k("customer")).toObject().value(k("id")).toInteger(), m_customerId);
        }
        QVERIFY(ordersOf(store->command(protocol::type::orderLookup, {{k("query"), k("#999999")}}))
                    .isEmpty());
    }

    void theClerkReadsAndNotesOnlyTheThreadOfAnOrderTheyLookedUp()
    {
        auto store = TestClient::signedIn(m_hub.url(), QStringLiteral("store"));
        QVERIFY(store);
        QCOMPARE(store->command(protocol::type::historyPage, {{k("customer_id"), m_customerId}})
                     .error->code,
                 protocol::ErrorCode::Forbidden);
        QCOMPARE(store->command(protocol::type::orderLookup, {{k("query"), k("5501")}}).type,
                 protocol::type::ack);
        const Envelope page =
            store->command(protocol::type::historyPage, {{k("customer_id"), m_customerId}});
        QCOMPARE(page.type, protocol::type::ack);
        QVERIFY(!page.data.value(k("messages")).toArray().isEmpty());
        const Envelope note = store->command(
            protocol::type::addNote,
            {{k("customer_id"), m_customerId}, {k("body"), QStringLiteral("Came in at 17:40")}});
        QCOMPARE(note.type, protocol::type::ack);
        // The thread's events reach the clerk now; another customer's still do not.
        QVERIFY(store->waitForEvent(protocol::type::messageCreated));
        QCOMPARE(store->command(protocol::type::historyPage, {{k("customer_id"), 7}}).error->code,
                 protocol::ErrorCode::Forbidden);
        QCOMPARE(store->command(protocol::type::customersPage, {}).error->code,
                 protocol::ErrorCode::Forbidden);
    }

    void readyForPickupIsRecordedAndTheCustomerIsToldByTheChannelTheClerkPicks()
    {
        auto store = TestClient::signedIn(m_hub.url(), QStringLiteral("store"));
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(store && agent);
        const QJsonObject ready{{k("order_id"), m_orderId},
                                {k("status"), k("ready_for_pickup")},
                                {k("notify"), k("sms")}};
        QCOMPARE(store->command(protocol::type::orderUpdate, ready).error->code,
                 protocol::ErrorCode::Forbidden); // not looked up on this connection yet
        QCOMPARE(store->command(protocol::type::orderLookup, {{k("query"), k("5501")}}).type,
                 protocol::type::ack);
        const QString id = TestClient::newId();
        const Envelope ack = store->command(protocol::type::orderUpdate, ready, id);
        QCOMPARE(ack.type, protocol::type::ack);
        QVERIFY(ack.seq > 0);
        const QJsonObject order = ack.data.value(k("order")).toObject();
        QCOMPARE(order.value(k("status")).toString(), QStringLiteral("ready_for_pickup"));
        QCOMPARE(order.value(k("ready_by")).toString(), QStringLiteral("store"));
        QVERIFY(order.value(k("ready_at")).toInteger() > 0);
        const QJsonObject sms = ack.data.value(k("message")).toObject();
        QCOMPARE(sms.value(k("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(sms.value(k("status")).toString(), QStringLiteral("queued"));
        QCOMPARE(sms.value(k("identity")).toString(), QStringLiteral("+989123334455"));
        QVERIFY(sms.value(k("body")).toString().contains(QStringLiteral("4821")));
        QVERIFY(sms.value(k("body")).toString().contains(QStringLiteral("سفارش")));

        const auto upserted = agent->waitForEvent(protocol::type::orderUpserted);
        QVERIFY(upserted);
        QCOMPARE(upserted->seq, ack.seq);
        const auto orderItem = agent->waitForEvent(protocol::type::messageCreated, [](const Envelope &e) {
            return e.data.value(k("message")).toObject().value(k("channel")).toString() ==
                   QLatin1String("order");
        });
        QVERIFY(orderItem);
        QCOMPARE(orderItem->data.value(k("message")).toObject().value(k("meta")).toObject().value(k("by")),
                 QStringLiteral("store"));
        const auto sent = agent->waitForEvent(protocol::type::messageStatus, [&](const Envelope &e) {
            return e.data.value(k("client_id")).toString() == id;
        });
        QVERIFY(sent);
        // The notice goes out like any reply; this hub has no SMS provider, and says so.
        QCOMPARE(sent->data.value(k("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(sent->data.value(k("reason")).toString(),
                 QStringLiteral("no SMS provider configured"));

        // Retrying changes nothing; marking it ready again is a conflict.
        QCOMPARE(store->command(protocol::type::orderUpdate, ready, id).seq, ack.seq);
        QCOMPARE(store->command(protocol::type::orderUpdate, ready).error->code,
                 protocol::ErrorCode::Conflict);

        const Envelope picked = store->command(
            protocol::type::orderUpdate,
            {{k("order_id"), m_orderId}, {k("status"), k("picked_up")}, {k("notify"), k("email")}});
        QCOMPARE(picked.type, protocol::type::ack);
        QCOMPARE(picked.data.value(k("order")).toObject().value(k("picked_up_by")).toString(),
                 QStringLiteral("store"));
        QCOMPARE(picked.data.value(k("message")).toObject().value(k("identity")).toString(),
                 QStringLiteral("maryam.karimi@example.ir"));
    }

    void agentsCannotUpdateOrders()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        QCOMPARE(agent
                     ->command(protocol::type::orderUpdate,
                               {{k("order_id"), m_orderId}, {k("status"), k("picked_up")}})
                     .error->code,
                 protocol::ErrorCode::Forbidden);
        const Envelope orders =
            agent->command(protocol::type::orderLookup, {{k("customer_id"), m_customerId}});
        QCOMPARE(ordersOf(orders).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHubOrderDesk)
#include "tst_hub_order_desk.moc"
