// SPDX-License-Identifier: GPL-3.0-or-later
// An agent merges two customers who are one person, against a real hub: everything of the
// absorbed customer lands in the survivor's thread, every desktop hears of it, and undoing
// the merge gives the absorbed customer back with exactly its own history.
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace threadline;
using namespace threadline::testing;
using protocol::Envelope;
using protocol::ErrorCode;

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

QSet<qint64> idsOf(const QJsonArray &messages)
{
    QSet<qint64> ids;
    for (const QJsonValue &v : messages)
        ids.insert(v.toObject().value(k("id")).toInteger());
    return ids;
}

QStringList identityValues(const QJsonObject &customer)
{
    QStringList values;
    for (const QJsonValue &v : customer.value(k("identities")).toArray())
        values.append(v.toObject().value(k("value")).toString());
    return values;
}

} // namespace

class TestHubMerge : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    int m_sms = 0;

    // A customer texting us from `phone` (a new customer for a new number); their id.
    qint64 texts(TestClient &client, const QString &phone, const QString &body)
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("MessageSid"),
                          QStringLiteral("SMmerge%1").arg(++m_sms, 26, 10, QLatin1Char('0')));
        form.addQueryItem(QStringLiteral("From"), phone);
        form.addQueryItem(QStringLiteral("To"), QStringLiteral("+982191000000"));
        form.addQueryItem(QStringLiteral("Body"), body);
        const auto reply =
            httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/sms/twilio")),
                     form.toString(QUrl::FullyEncoded).toUtf8(),
                     "application/x-www-form-urlencoded");
        if (reply.status != 200)
            return 0;
        const auto created = client.waitForEvent(protocol::type::messageCreated,
                                                 [&](const Envelope &e) {
                                                     return e.data.value(k("message"))
                                                                .toObject()
                                                                .value(k("body"))
                                                                .toString() == body;
                                                 });
        return created ? created->data.value(k("message")).toObject().value(k("customer_id")).toInteger()
                       : 0;
    }

    QJsonArray history(TestClient &client, qint64 customer)
    {
        return client
            .command(protocol::type::historyPage, {{k("customer_id"), customer}, {k("limit"), 500}})
            .data.value(k("messages"))
            .toArray();
    }

    QList<qint64> listedCustomers(TestClient &client, qint64 fewerItemsThan = 0)
    {
        QList<qint64> ids;
        const auto page =
            client.command(protocol::type::customersPage, {{k("after_id"), 0}, {k("limit"), 500}});
        for (const QJsonValue &v : page.data.value(k("customers")).toArray())
            if (fewerItemsThan == 0 || v.toObject().value(k("item_count")).toInteger() < fewerItemsThan)
                ids.append(v.toObject().value(k("id")).toInteger());
        return ids;
    }

    // A demo customer with at least one order (and a thread that fits one page), and the
    // order ids.
    std::pair<qint64, QSet<qint64>> customerWithOrders(TestClient &client)
    {
        for (qint64 id : listedCustomers(client, 400)) {
            const auto answer = client.command(protocol::type::orderLookup, {{k("customer_id"), id}});
            QSet<qint64> orders;
            for (const QJsonValue &v : answer.data.value(k("orders")).toArray())
                orders.insert(v.toObject().value(k("id")).toInteger());
            if (!orders.isEmpty())
                return {id, orders};
        }
        return {0, {}};
    }

    Envelope merge(TestClient &client, qint64 into, qint64 from, const QString &id = TestClient::newId())
    {
        return client.command(protocol::type::customerMerge,
                              {{k("into"), into}, {k("from"), from}, {k("note"), QStringLiteral("same person")}},
                              id);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_hub.start(true), m_hub.stderrText().constData()); }

    void mergingMovesIdentitiesThreadOrdersAndLabelsIntoTheSurvivor()
    {
        auto supervisor = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(supervisor);
        const auto [from, orders] = customerWithOrders(*supervisor);
        QVERIFY(from > 0);
        QVERIFY(supervisor->command(protocol::type::label,
                                    {{k("customer_id"), from}, {k("add"), QJsonArray{QStringLiteral("vip")}}})
                    .error == std::nullopt);
        const qint64 into = texts(*supervisor, QStringLiteral("+989121110001"), QStringLiteral("It's me again"));
        QVERIFY(into > 0);
        const QSet<qint64> fromItems = idsOf(history(*supervisor, from));
        const QSet<qint64> intoItems = idsOf(history(*supervisor, into));
        QVERIFY(!fromItems.isEmpty());

        const auto answer = merge(*supervisor, into, from);
        QVERIFY2(!answer.error, answer.error ? qPrintable(answer.error->message) : "");
        QVERIFY(answer.seq > 0);
        const QJsonObject mergeJson = answer.data.value(k("merge")).toObject();
        QVERIFY(mergeJson.value(k("id")).toInteger() > 0);
        QCOMPARE(mergeJson.value(k("into")).toInteger(), into);
        QCOMPARE(mergeJson.value(k("from")).toInteger(), from);
        QCOMPARE(mergeJson.value(k("messages")).toInteger(), fromItems.size());
        QCOMPARE(mergeJson.value(k("orders")).toInteger(), orders.size());

        // The survivor holds the absorbed customer's identities, items, orders and labels.
        const QJsonObject survivor = answer.data.value(k("customer")).toObject();
        QVERIFY(identityValues(survivor).contains(QStringLiteral("+989121110001")));
        QVERIFY(identityValues(survivor).size() > 1);
        QVERIFY(survivor.value(k("labels")).toArray().contains(QStringLiteral("vip")));
        const QSet<qint64> merged = idsOf(history(*supervisor, into));
        QVERIFY(merged.contains(fromItems));
        QVERIFY(merged.contains(intoItems));
        QCOMPARE(merged.size(), fromItems.size() + intoItems.size() + 1); // + "merged"
        QCOMPARE(survivor.value(k("item_count")).toInteger(), merged.size());
        const QJsonObject item = answer.data.value(k("message")).toObject();
        QCOMPARE(item.value(k("channel")).toString(), protocol::channel::system);
        QCOMPARE(item.value(k("meta")).toObject().value(k("event")).toString(), QStringLiteral("merged"));
        QCOMPARE(item.value(k("meta")).toObject().value(k("customer_id")).toInteger(), from);
        QSet<qint64> survivorOrders;
        for (const QJsonValue &v : supervisor->command(protocol::type::orderLookup, {{k("customer_id"), into}})
                                       .data.value(k("orders")).toArray())
            survivorOrders.insert(v.toObject().value(k("id")).toInteger());
        QCOMPARE(survivorOrders, orders);

        // The absorbed customer is in no list and takes no commands.
        QVERIFY(!listedCustomers(*supervisor).contains(from));
        QCOMPARE(supervisor->command(protocol::type::historyPage, {{k("customer_id"), from}}).error->code,
                 ErrorCode::Conflict);
    }

    void aSecondDesktopSeesTheAbsorbedCustomerLeaveAndTheMergedHistory()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        auto watcher = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(agent && watcher);
        const qint64 into = texts(*agent, QStringLiteral("+989121110011"), QStringLiteral("first number"));
        const qint64 from = texts(*agent, QStringLiteral("+989121110012"), QStringLiteral("second number"));
        QVERIFY(into > 0 && from > 0);

        const auto answer = merge(*agent, into, from);
        QVERIFY2(!answer.error, answer.error ? qPrintable(answer.error->message) : "");
        const auto mergedEvent = watcher->waitForEvent(protocol::type::customerMerged);
        QVERIFY(mergedEvent);
        QCOMPARE(mergedEvent->seq, answer.seq);
        const QJsonObject m = mergedEvent->data.value(k("merge")).toObject();
        QCOMPARE(m.value(k("from")).toInteger(), from);
        QCOMPARE(m.value(k("into")).toInteger(), into);
        const auto item = watcher->waitForEvent(protocol::type::messageCreated, [&](const Envelope &e) {
            const QJsonObject msg = e.data.value(k("message")).toObject();
            return msg.value(k("customer_id")).toInteger() == into &&
                   msg.value(k("meta")).toObject().value(k("event")).toString() == QStringLiteral("merged");
        });
        QVERIFY(item);
        QVERIFY(item->seq > mergedEvent->seq);
        // The survivor, now with both numbers, follows.
        QVERIFY(watcher->waitForEvent(protocol::type::customerUpserted, [&](const Envelope &e) {
            const QJsonObject c = e.data.value(k("customer")).toObject();
            return c.value(k("id")).toInteger() == into &&
                   identityValues(c).contains(QStringLiteral("+989121110012"));
        }));
    }

    void undoRestoresTheAbsorbedCustomerWithItsOwnHistoryAndWhatArrivedOnItsNumberSince()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        auto watcher = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(agent && watcher);
        const qint64 into = texts(*agent, QStringLiteral("+989121110021"), QStringLiteral("brother here"));
        const qint64 from = texts(*agent, QStringLiteral("+989121110022"), QStringLiteral("sister here"));
        QVERIFY(into > 0 && from > 0);
        const QSet<qint64> fromItems = idsOf(history(*agent, from));
        const QSet<qint64> intoItems = idsOf(history(*agent, into));
        const auto merged = merge(*agent, into, from);
        QVERIFY(!merged.error);
        const qint64 mergeId = merged.data.value(k("merge")).toObject().value(k("id")).toInteger();

        // After the merge the sister writes again: it lands in the merged thread ...
        const qint64 landed = texts(*agent, QStringLiteral("+989121110022"), QStringLiteral("sister again"));
        QCOMPARE(landed, into);
        QSet<qint64> later = idsOf(history(*agent, into));
        later.subtract(intoItems);
        later.subtract(fromItems);

        const auto undone = agent->command(protocol::type::customerUnmerge, {{k("merge_id"), mergeId}});
        QVERIFY2(!undone.error, undone.error ? qPrintable(undone.error->message) : "");
        QVERIFY(undone.seq > 0);
        QCOMPARE(undone.data.value(k("merge")).toObject().value(k("undone_by")).toString(),
                 QStringLiteral("agent"));

        // ... and goes back with her number; the brother keeps his thread and both system items.
        const QJsonArray restoredThread = history(*agent, from);
        QSet<qint64> expected = fromItems;
        for (const QJsonValue &v : restoredThread)
            if (v.toObject().value(k("body")).toString() == QStringLiteral("sister again"))
                expected.insert(v.toObject().value(k("id")).toInteger());
        QCOMPARE(idsOf(restoredThread), expected);
        QCOMPARE(expected.size(), fromItems.size() + 1);
        QSet<qint64> survivor = idsOf(history(*agent, into));
        QVERIFY(survivor.contains(intoItems));
        QVERIFY(!survivor.intersects(expected));
        QStringList events;
        for (const QJsonValue &v : history(*agent, into))
            events.append(v.toObject().value(k("meta")).toObject().value(k("event")).toString());
        QVERIFY(events.contains(QStringLiteral("merged")));
        QVERIFY(events.contains(QStringLiteral("unmerged")));

        const QJsonObject restored = undone.data.value(k("restored")).toObject();
        QCOMPARE(identityValues(restored), QStringList{QStringLiteral("+989121110022")});
        QCOMPARE(restored.value(k("status")).toString(), QStringLiteral("open"));
        QCOMPARE(restored.value(k("item_count")).toInteger(), expected.size());
        QVERIFY(!identityValues(undone.data.value(k("customer")).toObject())
                     .contains(QStringLiteral("+989121110022")));
        QVERIFY(listedCustomers(*agent).contains(from));

        // Every desktop hears of it: the absorbed customer comes back into the inbox.
        const auto unmergedEvent = watcher->waitForEvent(protocol::type::customerUnmerged);
        QVERIFY(unmergedEvent);
        QCOMPARE(unmergedEvent->data.value(k("merge")).toObject().value(k("id")).toInteger(), mergeId);
        QVERIFY(watcher->waitForEvent(protocol::type::customerUpserted, [&](const Envelope &e) {
            const QJsonObject c = e.data.value(k("customer")).toObject();
            return c.value(k("id")).toInteger() == from && c.value(k("status")).toString() == QStringLiteral("open");
        }));
    }

    void retryingAMergeWithTheSameIdGetsTheFirstAnswerAndMergesOnce()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const qint64 into = texts(*agent, QStringLiteral("+989121110031"), QStringLiteral("one"));
        const qint64 from = texts(*agent, QStringLiteral("+989121110032"), QStringLiteral("two"));
        const QString id = TestClient::newId();
        const auto first = merge(*agent, into, from, id);
        QVERIFY(!first.error);
        const auto again = merge(*agent, into, from, id);
        QVERIFY(!again.error);
        QCOMPARE(again.seq, first.seq);
        QCOMPARE(again.data.value(k("merge")).toObject().value(k("id")).toInteger(),
                 first.data.value(k("merge")).toObject().value(k("id")).toInteger());
        int mergedItems = 0;
        for (const QJsonValue &v : history(*agent, into))
            if (v.toObject().value(k("meta")).toObject().value(k("event")).toString() == QStringLiteral("merged"))
                ++mergedItems;
        QCOMPARE(mergedItems, 1);

        const QString undoId = TestClient::newId();
        const qint64 mergeId = first.data.value(k("merge")).toObject().value(k("id")).toInteger();
        const auto undo = agent->command(protocol::type::customerUnmerge, {{k("merge_id"), mergeId}}, undoId);
        QVERIFY(!undo.error);
        QCOMPARE(agent->command(protocol::type::customerUnmerge, {{k("merge_id"), mergeId}}, undoId).seq,
                 undo.seq);
    }

    void mergesThatMakeNoSenseAreRefusedWithStableCodes()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        auto supervisor = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(agent && supervisor);
        const qint64 a = texts(*agent, QStringLiteral("+989121110041"), QStringLiteral("a"));
        const qint64 b = texts(*agent, QStringLiteral("+989121110042"), QStringLiteral("b"));
        const qint64 c = texts(*agent, QStringLiteral("+989121110043"), QStringLiteral("c"));

        QCOMPARE(merge(*agent, a, a).error->code, ErrorCode::BadRequest);
        QCOMPARE(agent->command(protocol::type::customerMerge, {{k("into"), a}}).error->code,
                 ErrorCode::BadRequest);
        QCOMPARE(merge(*agent, a, 99999999).error->code, ErrorCode::NotFound);
        QCOMPARE(agent->command(protocol::type::customerUnmerge, {{k("merge_id"), 99999999}}).error->code,
                 ErrorCode::NotFound);

        const auto first = merge(*agent, a, b);
        QVERIFY(!first.error);
        QCOMPARE(merge(*agent, c, b).error->code, ErrorCode::Conflict); // b is already merged
        QCOMPARE(merge(*agent, b, c).error->code, ErrorCode::Conflict); // into an absorbed one

        // A conversation a colleague owns is theirs to merge, or a supervisor's.
        QVERIFY(!supervisor->command(protocol::type::assign, {{k("customer_id"), c}, {k("assignee"), QStringLiteral("supervisor")}}).error);
        QCOMPARE(merge(*agent, a, c).error->code, ErrorCode::Forbidden);
        QVERIFY(!merge(*supervisor, a, c).error);

        const qint64 mergeId = first.data.value(k("merge")).toObject().value(k("id")).toInteger();
        QVERIFY(!agent->command(protocol::type::customerUnmerge, {{k("merge_id"), mergeId}}).error);
        QCOMPARE(agent->command(protocol::type::customerUnmerge, {{k("merge_id"), mergeId}}).error->code,
                 ErrorCode::Conflict);
    }
};

QTEST_GUILESS_MAIN(TestHubMerge)
#include "tst_hub_merge.moc"
