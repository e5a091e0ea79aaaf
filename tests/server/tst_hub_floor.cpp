// SPDX-License-Identifier: GPL-3.0-or-later
// The floor against a real hub: presence and queue stats for supervisors, who else is
// viewing or typing, logged calls with wrap-up codes, shared canned responses, search.
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;
using protocol::Envelope;

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

QJsonObject queueIn(const Envelope &stats, const QString &name)
{
    for (const QJsonValue &q : stats.data.value(k("queues")).toArray())
        if (q.toObject().value(k("queue")).toString() == name)
            return q.toObject();
    return {};
}

QJsonObject agentIn(const Envelope &stats, const QString &user)
{
    for (const QJsonValue &a : stats.data.value(k("agents")).toArray())
        if (a.toObject().value(k("user")).toString() == user)
            return a.toObject();
    return {};
}

} // namespace

class TestHubFloor : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

    std::unique_ptr<TestClient> desktop(const QString &user)
    {
        return TestClient::signedIn(m_hub.url(), user);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
        QVERIFY(m_hub.addUser(QStringLiteral("agent2"), QStringLiteral("agent"),
                              QStringLiteral("demo")));
    }

    void aSupervisorGetsQueueStatsOnWelcomeAndAgainAfterAChangeAtMostOnceASecond()
    {
        auto supervisor = desktop(QStringLiteral("supervisor"));
        QVERIFY(supervisor);
        const auto first = supervisor->waitForEvent(protocol::type::queueStats);
        QVERIFY(first);
        QVERIFY(first->seq == 0 && first->id.isEmpty());
        const QJsonObject general = queueIn(*first, QStringLiteral("general"));
        QCOMPARE(general.value(k("sla_target_s")).toInt(), 300);
        QVERIFY(general.value(k("waiting")).toInt() > 0); // the demo has customers waiting
        QVERIFY(general.value(k("longest_wait_s")).toInteger() > 0);
        QVERIFY(general.value(k("channels")).toArray().size() > 0);
        QVERIFY(!queueIn(*first, QStringLiteral("vip")).isEmpty());
        QCOMPARE(agentIn(*first, QStringLiteral("agent2")).value(k("presence")).toString(),
                 QStringLiteral("offline"));

        auto agent = desktop(QStringLiteral("agent2"));
        QVERIFY(agent);
        const auto presence = supervisor->waitForEvent(protocol::type::presence, [](const Envelope &e) {
            return e.data.value(k("user")).toString() == QLatin1String("agent2");
        });
        QVERIFY(presence);
        QCOMPARE(presence->data.value(k("user")).toString(), QStringLiteral("agent2"));
        QCOMPARE(presence->data.value(k("presence")).toString(), QStringLiteral("available"));
        QCOMPARE(agent->command(protocol::type::setPresence, {{k("presence"), k("busy")}}).type,
                 protocol::type::ack);
        QVERIFY(supervisor->waitForEvent(protocol::type::presence, [](const Envelope &e) {
            return e.data.value(k("presence")).toString() == QLatin1String("busy");
        }));
        const auto next = supervisor->waitForEvent(protocol::type::queueStats, [](const Envelope &e) {
            return agentIn(e, QStringLiteral("agent2")).value(k("presence")).toString() ==
                   QLatin1String("busy");
        });
        QVERIFY(next);
        QVERIFY(next->data.value(k("presence")).toObject().value(k("busy")).toInt() >= 1);
        // Many changes in a row are counted together: pushed frames are a second apart.
        for (const char *p : {"away", "busy", "away", "available", "away"})
            QCOMPARE(agent->command(protocol::type::setPresence, {{k("presence"), k(p)}}).type,
                     protocol::type::ack);
        const auto last = supervisor->waitForEvent(protocol::type::queueStats, [](const Envelope &e) {
            return agentIn(e, QStringLiteral("agent2")).value(k("presence")).toString() ==
                   QLatin1String("away");
        });
        QVERIFY(last);
        QList<qint64> sentAt{next->data.value(k("at")).toInteger()};
        for (const Envelope &e : std::as_const(supervisor->events()))
            if (e.type == protocol::type::queueStats)
                sentAt.append(e.data.value(k("at")).toInteger());
        sentAt.append(last->data.value(k("at")).toInteger());
        std::sort(sentAt.begin(), sentAt.end());
        for (qsizetype i = 1; i < sentAt.size(); ++i)
            QVERIFY2(sentAt.at(i) - sentAt.at(i - 1) >= 950,
                     qPrintable(QStringLiteral("frames %1 ms apart").arg(sentAt.at(i) - sentAt.at(i - 1))));
        QCOMPARE(agent->command(protocol::type::setPresence, {{k("presence"), k("asleep")}})
                     .error->code,
                 protocol::ErrorCode::BadRequest);

        agent.reset(); // signing out is "offline"
        QVERIFY(supervisor->waitForEvent(protocol::type::presence, [](const Envelope &e) {
            return e.data.value(k("user")).toString() == QLatin1String("agent2") &&
                   e.data.value(k("presence")).toString() == QLatin1String("offline");
        }));
    }

    void agentsAndStoreStaffGetNoQueueStats()
    {
        auto agent = desktop(QStringLiteral("agent"));
        QVERIFY(agent);
        QVERIFY(!agent->waitForEvent(protocol::type::queueStats, 1500));
    }

    void desktopsSeeWhoElseIsViewingAndTypingInTheSameThread()
    {
        auto first = desktop(QStringLiteral("agent"));
        auto second = desktop(QStringLiteral("agent2"));
        QVERIFY(first && second);
        const Envelope alone = first->command(protocol::type::viewing, {{k("customer_id"), 11}});
        QCOMPARE(alone.data.value(k("viewers")).toArray().size(), 0);
        const Envelope both = second->command(protocol::type::viewing, {{k("customer_id"), 11}});
        QCOMPARE(both.data.value(k("viewers")).toArray(), QJsonArray{QStringLiteral("agent")});
        const auto joined = first->waitForEvent(protocol::type::viewing);
        QVERIFY(joined);
        QCOMPARE(joined->data.value(k("viewers")).toArray(), QJsonArray{QStringLiteral("agent2")});

        QCOMPARE(second->command(protocol::type::typing, {{k("customer_id"), 11}}).type,
                 protocol::type::ack);
        const auto typing = first->waitForEvent(protocol::type::typing);
        QVERIFY(typing);
        QCOMPARE(typing->data.value(k("user")).toString(), QStringLiteral("agent2"));
        QVERIFY(typing->data.value(k("typing")).toBool());

        // Typing in a thread nobody else views reaches nobody.
        QCOMPARE(second->command(protocol::type::typing, {{k("customer_id"), 12}}).type,
                 protocol::type::ack);
        QVERIFY(!first->waitForEvent(protocol::type::typing, 500));

        second.reset();
        const auto left = first->waitForEvent(protocol::type::viewing);
        QVERIFY(left);
        QCOMPARE(left->data.value(k("viewers")).toArray().size(), 0);
    }

    void aLoggedCallIsAPhoneItemWithItsWrapUpCode()
    {
        auto agent = desktop(QStringLiteral("agent"));
        QVERIFY(agent);
        const Envelope list = agent->command(protocol::type::dispositionsList, {});
        QStringList codes;
        for (const QJsonValue &d : list.data.value(k("dispositions")).toArray()) {
            codes.append(d.toObject().value(k("code")).toString());
            QVERIFY(!d.toObject().value(k("titles")).toObject().value(k("fa")).toString().isEmpty());
        }
        QVERIFY(codes.contains(QStringLiteral("callback_promised")));
        QVERIFY(codes.size() >= 6);

        const QJsonObject call{{k("customer_id"), 14},
                               {k("direction"), k("out")},
                               {k("number"), QStringLiteral("۰۹۱۲ ۱۲۳ ۴۵۶۷")},
                               {k("duration_s"), 245},
                               {k("disposition"), k("callback_promised")},
                               {k("notes"), QStringLiteral("Promised a callback about the refund")}};
        const Envelope ack = agent->command(protocol::type::logCall, call);
        QCOMPARE(ack.type, protocol::type::ack);
        const QJsonObject m = ack.data.value(k("message")).toObject();
        QCOMPARE(m.value(k("channel")).toString(), QStringLiteral("phone"));
        QCOMPARE(m.value(k("direction")).toString(), QStringLiteral("out"));
        const QJsonObject meta = m.value(k("meta")).toObject();
        QCOMPARE(meta.value(k("number")).toString(), QStringLiteral("+989121234567"));
        QCOMPARE(meta.value(k("duration_s")).toInt(), 245);
        QCOMPARE(meta.value(k("disposition")).toString(), QStringLiteral("callback_promised"));
        QVERIFY(agent->waitForEvent(protocol::type::messageCreated));

        QJsonObject unknown = call;
        unknown.insert(k("disposition"), k("went_fishing"));
        QCOMPARE(agent->command(protocol::type::logCall, unknown).error->code,
                 protocol::ErrorCode::BadRequest);
    }

    void supervisorsManageCannedResponsesAndAgentsSeeThemChange()
    {
        auto supervisor = desktop(QStringLiteral("supervisor"));
        auto agent = desktop(QStringLiteral("agent"));
        QVERIFY(supervisor && agent);
        const Envelope seeded = agent->command(protocol::type::cannedList, {});
        QVERIFY(seeded.data.value(k("canned")).toArray().size() >= 10);
        const Envelope persian =
            agent->command(protocol::type::cannedList, {{k("language"), k("fa")}});
        for (const QJsonValue &c : persian.data.value(k("canned")).toArray())
            QVERIFY(c.toObject().value(k("language")).toString() != QLatin1String("en"));

        const Envelope saved = supervisor->command(
            protocol::type::cannedSave,
            {{k("title"), k("Pickup hours")},
             {k("language"), k("en")},
             {k("body"), k("Hi {customer_name}, order {order_number} can be picked up 9-21.")}});
        QCOMPARE(saved.type, protocol::type::ack);
        const qint64 id = saved.data.value(k("canned")).toObject().value(k("id")).toInteger();
        const auto upserted = agent->waitForEvent(protocol::type::cannedUpserted);
        QVERIFY(upserted);
        QCOMPARE(upserted->seq, saved.seq);
        QCOMPARE(agent
                     ->command(protocol::type::cannedSave,
                               {{k("title"), k("Mine")}, {k("body"), k("x")}})
                     .error->code,
                 protocol::ErrorCode::Forbidden);

        const Envelope edited = supervisor->command(
            protocol::type::cannedSave,
            {{k("id"), id}, {k("title"), k("Pickup hours")}, {k("body"), k("Open 9-22 now.")}});
        QCOMPARE(edited.data.value(k("canned")).toObject().value(k("body")).toString(),
                 QStringLiteral("Open 9-22 now."));
        QCOMPARE(supervisor->command(protocol::type::cannedDelete, {{k("id"), id}}).type,
                 protocol::type::ack);
        const auto deleted = agent->waitForEvent(protocol::type::cannedDeleted);
        QVERIFY(deleted);
        QCOMPARE(deleted->data.value(k("id")).toInteger(), id);
        QCOMPARE(supervisor->command(protocol::type::cannedDelete, {{k("id"), id}}).error->code,
                 protocol::ErrorCode::NotFound);
    }

    void searchFindsCustomersAcrossPersianAndArabicSpellingsAndDigits()
    {
        auto agent = desktop(QStringLiteral("agent"));
        QVERIFY(agent);
        // A note in Persian spelling, found through the Arabic spelling and Arabic digits.
        QCOMPARE(agent
                     ->command(protocol::type::addNote,
                               {{k("customer_id"), 33},
                                {k("body"), QStringLiteral("مشتری کتاب‌های ۱۲ جلدی می‌خواهد")}})
                     .type,
                 protocol::type::ack);
        const Envelope found = agent->command(protocol::type::search,
                                              {{k("query"), QStringLiteral("كتابهاي ١٢")}});
        QCOMPARE(found.type, protocol::type::ack);
        const QJsonArray results = found.data.value(k("results")).toArray();
        QVERIFY(!results.isEmpty());
        const QJsonObject first = results.at(0).toObject();
        QCOMPARE(first.value(k("customer")).toObject().value(k("id")).toInteger(), 33);
        QCOMPARE(first.value(k("match")).toObject().value(k("field")).toString(),
                 QStringLiteral("message"));
        QVERIFY(first.value(k("match")).toObject().value(k("snippet")).toString().contains(
            QStringLiteral("کتاب")));
        QVERIFY(first.value(k("match")).toObject().value(k("message_id")).toInteger() > 0);
        // A desktop that has not cached the message still shows where it was written.
        QCOMPARE(first.value(k("match")).toObject().value(k("channel")).toString(),
                 protocol::channel::note);
        QCOMPARE(first.value(k("match")).toObject().value(k("direction")).toString(),
                 protocol::direction::internal);

        // A name, and a phone number written the way people say it.
        const QString name = first.value(k("customer")).toObject().value(k("name")).toString();
        const Envelope byName = agent->command(protocol::type::search, {{k("query"), name}});
        QCOMPARE(byName.data.value(k("results")).toArray().at(0).toObject().value(k("match")).toObject().value(k("field")).toString(),
                 QStringLiteral("name"));
        const Envelope many = agent->command(protocol::type::search, {{k("query"), k("a")}});
        QVERIFY(many.data.value(k("results")).toArray().size() <= protocol::kMaxSearchResults);
        QCOMPARE(agent->command(protocol::type::search, {{k("query"), k("  ")}}).error->code,
                 protocol::ErrorCode::BadRequest);
    }
};

QTEST_GUILESS_MAIN(TestHubFloor)
#include "tst_hub_floor.moc"
