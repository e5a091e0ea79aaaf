// SPDX-License-Identifier: GPL-3.0-or-later
// Working the queue against a real hub: queues in the welcome, taking, assigning,
// transferring, resolving, snoozing and labelling, each leaving its trace in the thread.
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace threadline;
using namespace threadline::testing;
using protocol::Envelope;

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

QJsonObject customerOf(const Envelope &e)
{
    return e.data.value(k("customer")).toObject();
}

QJsonObject messageOf(const Envelope &e)
{
    return e.data.value(k("message")).toObject();
}

} // namespace

class TestHubQueue : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

    std::unique_ptr<TestClient> desktop(const QString &user)
    {
        return TestClient::signedIn(m_hub.url(), user);
    }

    // A customer nobody has, found through customers.page.
    qint64 unassignedCustomer(TestClient &client, qint64 after = 20)
    {
        const auto page = client.command(protocol::type::customersPage,
                                         {{k("after_id"), after}, {k("limit"), 100}});
        for (const QJsonValue &v : page.data.value(k("customers")).toArray())
            if (v.toObject().value(k("assignee")).toString().isEmpty() &&
                v.toObject().value(k("status")).toString() != QLatin1String("snoozed"))
                return v.toObject().value(k("id")).toInteger();
        return 0;
    }

    // The customer as the hub has it now (the first of a one-customer page).
    QJsonObject current(TestClient &client, qint64 id)
    {
        const auto page = client.command(protocol::type::customersPage,
                                         {{k("after_id"), id - 1}, {k("limit"), 1}});
        return page.data.value(k("customers")).toArray().at(0).toObject();
    }

    std::optional<Envelope> systemItem(TestClient &client, qint64 customer, const QString &event)
    {
        return client.waitForEvent(protocol::type::messageCreated, [&](const Envelope &e) {
            const QJsonObject m = messageOf(e);
            return m.value(k("customer_id")).toInteger() == customer &&
                   m.value(k("channel")).toString() == protocol::channel::system &&
                   m.value(k("meta")).toObject().value(k("event")).toString() == event;
        });
    }

    std::optional<Envelope> upserted(TestClient &client, qint64 customer,
                                     const std::function<bool(const QJsonObject &)> &match,
                                     int timeoutMs = TestClient::kTimeoutMs)
    {
        return client.waitForEvent(
            protocol::type::customerUpserted,
            [&](const Envelope &e) {
                return customerOf(e).value(k("id")).toInteger() == customer &&
                       match(customerOf(e));
            },
            timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
        QVERIFY(m_hub.addUser(QStringLiteral("agent2"), QStringLiteral("agent"),
                              QStringLiteral("demo")));
    }

    void theWelcomeCarriesTheQueuesAndASupervisorsAlsoTheAgents()
    {
        TestClient agent;
        QVERIFY(agent.connectTo(m_hub.url()));
        const Envelope welcome = agent.hello(QStringLiteral("agent"), QStringLiteral("demo"));
        const QJsonArray queues = welcome.data.value(k("queues")).toArray();
        QCOMPARE(queues.size(), 3);
        QStringList names;
        for (const QJsonValue &q : queues) {
            names.append(q.toObject().value(k("name")).toString());
            QVERIFY(q.toObject().value(k("sla_target_s")).toInt() > 0);
            QVERIFY(q.toObject().value(k("amber_s")).toInt() <
                    q.toObject().value(k("red_s")).toInt());
        }
        QCOMPARE(names, (QStringList{QStringLiteral("general"), QStringLiteral("orders"),
                                     QStringLiteral("vip")}));
        QVERIFY(!welcome.data.contains(k("agents")));
        QCOMPARE(welcome.data.value(k("presence")).toString(), QStringLiteral("available"));

        TestClient supervisor;
        QVERIFY(supervisor.connectTo(m_hub.url()));
        const Envelope hers = supervisor.hello(QStringLiteral("supervisor"), QStringLiteral("demo"));
        QStringList agents;
        for (const QJsonValue &a : hers.data.value(k("agents")).toArray())
            agents.append(a.toObject().value(k("user")).toString());
        QVERIFY(agents.contains(QStringLiteral("agent")));
        QVERIFY(agents.contains(QStringLiteral("agent2")));
        QVERIFY(!agents.contains(QStringLiteral("store")));
    }

    void anAgentTakesAnUnassignedConversationAndEveryoneSeesItInTheThread()
    {
        auto agent = desktop(QStringLiteral("agent"));
        auto supervisor = desktop(QStringLiteral("supervisor"));
        QVERIFY(agent && supervisor);
        const qint64 id = unassignedCustomer(*agent);
        QVERIFY(id > 0);
        const QString commandId = TestClient::newId();
        const Envelope ack = agent->command(
            protocol::type::assign, {{k("customer_id"), id}, {k("assignee"), k("agent")}},
            commandId);
        QCOMPARE(ack.type, protocol::type::ack);
        QVERIFY(ack.seq > 0);
        QCOMPARE(customerOf(ack).value(k("assignee")).toString(), QStringLiteral("agent"));
        QCOMPARE(messageOf(ack).value(k("channel")).toString(), protocol::channel::system);

        const auto item = systemItem(*supervisor, id, QStringLiteral("assigned"));
        QVERIFY(item);
        QCOMPARE(item->seq, ack.seq);
        QCOMPARE(messageOf(*item).value(k("meta")).toObject().value(k("to")).toString(),
                 QStringLiteral("agent"));
        QVERIFY(upserted(*supervisor, id, [](const QJsonObject &c) {
            return c.value(k("assignee")).toString() == QLatin1String("agent");
        }));

        // The same command id again: the same answer, and no second system item.
        const Envelope again = agent->command(
            protocol::type::assign, {{k("customer_id"), id}, {k("assignee"), k("agent")}},
            commandId);
        QCOMPARE(again.seq, ack.seq);
        QCOMPARE(again.data, ack.data);
        QVERIFY(!supervisor->waitForEvent(
            protocol::type::messageCreated,
            [&](const Envelope &e) { return messageOf(e).value(k("customer_id")).toInteger() == id; },
            500));
    }

    void anAgentCannotTouchAColleaguesConversationButASupervisorCan()
    {
        auto agent = desktop(QStringLiteral("agent"));
        auto supervisor = desktop(QStringLiteral("supervisor"));
        QVERIFY(agent && supervisor);
        const qint64 id = unassignedCustomer(*supervisor, 60);
        QVERIFY(id > 0);
        QCOMPARE(supervisor
                     ->command(protocol::type::assign,
                               {{k("customer_id"), id}, {k("assignee"), k("agent2")}})
                     .type,
                 protocol::type::ack);

        for (const auto &[type, data] :
             {std::pair{protocol::type::assign, QJsonObject{{k("assignee"), k("agent")}}},
              std::pair{protocol::type::transfer, QJsonObject{{k("queue"), k("vip")}}},
              std::pair{protocol::type::setStatus, QJsonObject{{k("status"), k("resolved")}}}}) {
            QJsonObject d = data;
            d.insert(k("customer_id"), id);
            const Envelope refused = agent->command(type, d);
            QVERIFY2(refused.error && refused.error->code == protocol::ErrorCode::Forbidden,
                     qPrintable(type));
        }
        // Agents hand over with transfer, never by assigning to someone else.
        const qint64 other = unassignedCustomer(*agent, id);
        QCOMPARE(agent
                     ->command(protocol::type::assign,
                               {{k("customer_id"), other}, {k("assignee"), k("agent2")}})
                     .error->code,
                 protocol::ErrorCode::Forbidden);

        const Envelope moved = supervisor->command(
            protocol::type::transfer,
            {{k("customer_id"), id},
             {k("queue"), k("vip")},
             {k("note"), QStringLiteral("Long-standing customer, wants a callback today")}});
        QVERIFY2(moved.type == protocol::type::ack,
                 moved.error ? qPrintable(moved.error->message) : "");
        QCOMPARE(customerOf(moved).value(k("queue")).toString(), QStringLiteral("vip"));
        QCOMPARE(customerOf(moved).value(k("assignee")).toString(), QString());
        const auto item = systemItem(*agent, id, QStringLiteral("transferred"));
        QVERIFY(item);
        const QJsonObject meta = messageOf(*item).value(k("meta")).toObject();
        QCOMPARE(meta.value(k("to_queue")).toString(), QStringLiteral("vip"));
        QCOMPARE(meta.value(k("from")).toString(), QStringLiteral("agent2"));
        QCOMPARE(meta.value(k("note")).toString(),
                 QStringLiteral("Long-standing customer, wants a callback today"));
        QVERIFY(messageOf(*item).value(k("body")).toString().contains(
            QStringLiteral("wants a callback today")));

        // Back in a queue and unassigned, the agent may take it, then transfer it on.
        QCOMPARE(agent
                     ->command(protocol::type::transfer,
                               {{k("customer_id"), id}, {k("assignee"), k("agent2")}})
                     .type,
                 protocol::type::ack);
    }

    void transfersAndAssignmentsNameQueuesAndAgentsThatExist()
    {
        auto supervisor = desktop(QStringLiteral("supervisor"));
        QVERIFY(supervisor);
        QCOMPARE(supervisor
                     ->command(protocol::type::transfer,
                               {{k("customer_id"), 5}, {k("queue"), k("nowhere")}})
                     .error->code,
                 protocol::ErrorCode::NotFound);
        QCOMPARE(supervisor
                     ->command(protocol::type::assign,
                               {{k("customer_id"), 5}, {k("assignee"), k("store")}})
                     .error->code,
                 protocol::ErrorCode::NotFound);
        QCOMPARE(supervisor->command(protocol::type::transfer, {{k("customer_id"), 5}}).error->code,
                 protocol::ErrorCode::BadRequest);
        QCOMPARE(supervisor
                     ->command(protocol::type::snooze,
                               {{k("customer_id"), 5},
                                {k("until"), QDateTime::currentMSecsSinceEpoch() - 1000}})
                     .error->code,
                 protocol::ErrorCode::BadRequest);
    }

    void aCustomerWhoWritesWaitsUntilAnAgentAnswersAndResolvingIsInTheThread()
    {
        auto agent = desktop(QStringLiteral("agent"));
        QVERIFY(agent);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("MessageSid"), QStringLiteral("SMqueue0000000000000001"));
        form.addQueryItem(QStringLiteral("From"), QStringLiteral("+989121110001"));
        form.addQueryItem(QStringLiteral("To"), QStringLiteral("+982191000000"));
        form.addQueryItem(QStringLiteral("Body"), QStringLiteral("سلام، سفارشم کجاست؟"));
        const HttpReply reply =
            httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/sms/twilio")),
                     form.toString(QUrl::FullyEncoded).toUtf8(),
                     QByteArrayLiteral("application/x-www-form-urlencoded"));
        QVERIFY2(reply.status / 100 == 2, reply.body.constData());
        const auto waiting = agent->waitForEvent(protocol::type::customerUpserted, [](const Envelope &e) {
            return customerOf(e).value(k("waiting_since")).toInteger() > 0;
        });
        QVERIFY(waiting);
        const qint64 id = customerOf(*waiting).value(k("id")).toInteger();
        QCOMPARE(customerOf(*waiting).value(k("queue")).toString(), QStringLiteral("general"));
        QCOMPARE(customerOf(*waiting).value(k("status")).toString(), QStringLiteral("open"));

        QCOMPARE(agent
                     ->command(protocol::type::sendMessage,
                               {{k("customer_id"), id},
                                {k("channel"), k("sms")},
                                {k("body"), QStringLiteral("فردا می‌رسد.")}})
                     .type,
                 protocol::type::ack);
        QVERIFY(upserted(*agent, id, [](const QJsonObject &c) {
            return c.value(k("waiting_since")).toInteger() == 0;
        }));

        const Envelope resolved = agent->command(
            protocol::type::setStatus, {{k("customer_id"), id}, {k("status"), k("resolved")}});
        QCOMPARE(customerOf(resolved).value(k("status")).toString(), QStringLiteral("resolved"));
        QVERIFY(systemItem(*agent, id, QStringLiteral("resolved")));
        const Envelope reopened = agent->command(
            protocol::type::setStatus, {{k("customer_id"), id}, {k("status"), k("open")}});
        QCOMPARE(customerOf(reopened).value(k("status")).toString(), QStringLiteral("open"));
        QVERIFY(systemItem(*agent, id, QStringLiteral("reopened")));
        // A system item does not become the inbox preview.
        QCOMPARE(current(*agent, id).value(k("last_preview")).toString(),
                 QStringLiteral("فردا می‌رسد."));
    }

    void aSnoozedConversationReopensByItselfWhenItsTimeComes()
    {
        auto agent = desktop(QStringLiteral("agent"));
        QVERIFY(agent);
        const qint64 id = unassignedCustomer(*agent, 100);
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 1500;
        const Envelope ack = agent->command(protocol::type::snooze,
                                            {{k("customer_id"), id}, {k("until"), until}});
        QCOMPARE(customerOf(ack).value(k("status")).toString(), QStringLiteral("snoozed"));
        QCOMPARE(customerOf(ack).value(k("snooze_until")).toInteger(), until);
        QVERIFY(systemItem(*agent, id, QStringLiteral("snoozed")));
        const auto woke = systemItem(*agent, id, QStringLiteral("reopened"));
        QVERIFY(woke);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() >= until);
        QCOMPARE(messageOf(*woke).value(k("meta")).toObject().value(k("reason")).toString(),
                 QStringLiteral("snooze_due"));
        const QJsonObject after = current(*agent, id);
        QCOMPARE(after.value(k("status")).toString(), QStringLiteral("open"));
        QCOMPARE(after.value(k("snooze_until")).toInteger(), 0);
    }

    void labelsAreAddedAndRemovedAndTheCustomerCarriesThem()
    {
        auto agent = desktop(QStringLiteral("agent"));
        QVERIFY(agent);
        const Envelope added = agent->command(
            protocol::type::label,
            {{k("customer_id"), 9},
             {k("add"), QJsonArray{QStringLiteral("refund"), QStringLiteral("مشتری ویژه")}}});
        QCOMPARE(added.type, protocol::type::ack);
        QVERIFY(added.seq > 0);
        QStringList labels;
        for (const QJsonValue &v : customerOf(added).value(k("labels")).toArray())
            labels.append(v.toString());
        QVERIFY(labels.contains(QStringLiteral("refund")));
        QVERIFY(labels.contains(QStringLiteral("مشتری ویژه")));
        const Envelope removed = agent->command(
            protocol::type::label,
            {{k("customer_id"), 9}, {k("remove"), QJsonArray{QStringLiteral("refund")}}});
        QVERIFY(!customerOf(removed).value(k("labels")).toArray().contains(QStringLiteral("refund")));
        QVERIFY(upserted(*agent, 9, [](const QJsonObject &c) {
            return !c.value(k("labels")).toArray().contains(QStringLiteral("refund"));
        }));
        QCOMPARE(agent
                     ->command(protocol::type::label,
                               {{k("customer_id"), 9}, {k("add"), QJsonArray{QString(41, u'x')}}})
                     .error->code,
                 protocol::ErrorCode::BadRequest);
    }
};

QTEST_GUILESS_MAIN(TestHubQueue)
#include "tst_hub_queue.moc"
