// SPDX-License-Identifier: GPL-3.0-or-later
// Read markers against a real hub: an agent reads a thread up to an item, the marker never
// moves back, what counts as unread follows one rule, the agent's other desktop hears of it
// and nobody else does, and the welcome brings every count back after a restart.
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;
using protocol::Envelope;
using protocol::ErrorCode;

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

qint64 messageId(const Envelope &e)
{
    return e.data.value(k("message")).toObject().value(k("id")).toInteger();
}

// The welcome's unread count for a customer (absent: 0).
qint64 unreadIn(const Envelope &welcome, qint64 customerId)
{
    for (const QJsonValue &v : welcome.data.value(k("unread")).toArray())
        if (v.toObject().value(k("customer_id")).toInteger() == customerId)
            return v.toObject().value(k("count")).toInteger();
    return 0;
}

} // namespace

class TestHubReadMarkers : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    int m_sms = 0;

    // A customer texting us; returns the stored item (its message.created on `client`).
    std::optional<Envelope> texts(TestClient &client, const QString &phone, const QString &body)
    {
        const QString sid = QStringLiteral("SMread%1").arg(++m_sms, 28, 10, QLatin1Char('0'));
        if (postInboundSms(m_hub, sid, phone, body).status != 200)
            return std::nullopt;
        return client.waitForEvent(protocol::type::messageCreated, [&](const Envelope &e) {
            return e.data.value(k("message")).toObject().value(k("body")).toString() == body;
        });
    }

    static qint64 customerOf(const Envelope &created)
    {
        return created.data.value(k("message")).toObject().value(k("customer_id")).toInteger();
    }

    static Envelope read(TestClient &client, qint64 customerId, qint64 upToId,
                         const QString &id = TestClient::newId())
    {
        return client.command(protocol::type::conversationRead,
                              {{k("customer_id"), customerId}, {k("up_to_id"), upToId}}, id);
    }

    // A fresh sign-in's welcome for `user`.
    Envelope welcomeOf(const QString &user)
    {
        TestClient client;
        if (!client.connectTo(m_hub.url()))
            return {};
        return client.hello(user, QStringLiteral("demo"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
        QVERIFY(m_hub.addUser(QStringLiteral("agent2"), QStringLiteral("agent"),
                              QStringLiteral("demo")));
    }

    void onlyWhatTheCustomerWroteAfterTheMarkerCountsAsUnread()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const auto first = texts(*agent, QStringLiteral("+989121230001"), QStringLiteral("one"));
        QVERIFY(first);
        const qint64 customer = customerOf(*first);
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 1);
        const auto ack = read(*agent, customer, messageId(*first));
        QVERIFY2(!ack.error, ack.error ? qPrintable(ack.error->message) : "");
        QVERIFY(ack.seq > 0);
        QCOMPARE(ack.data.value(k("up_to_id")).toInteger(), messageId(*first));
        QCOMPARE(ack.data.value(k("unread")).toInteger(), 0);
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 0);

        // The customer writes again; a reply, a note, a logged call and the system item of a
        // take do not count, and do not move the marker.
        QVERIFY(texts(*agent, QStringLiteral("+989121230001"), QStringLiteral("two")));
        QVERIFY(!agent->command(protocol::type::sendMessage,
                                {{k("customer_id"), customer}, {k("channel"), QStringLiteral("sms")},
                                 {k("body"), QStringLiteral("on its way")}})
                     .error);
        QVERIFY(!agent->command(protocol::type::addNote, {{k("customer_id"), customer},
                                                           {k("body"), QStringLiteral("checked")}})
                     .error);
        QVERIFY(!agent->command(protocol::type::logCall,
                                {{k("customer_id"), customer}, {k("direction"), QStringLiteral("in")},
                                 {k("duration_s"), 30}, {k("disposition"), QStringLiteral("resolved")}})
                     .error);
        QVERIFY(!agent->command(protocol::type::assign, {{k("customer_id"), customer},
                                                          {k("assignee"), QStringLiteral("agent")}})
                     .error);
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 1);
    }

    void withoutAMarkerWhatCameAfterTheLastReplyIsUnread()
    {
        auto supervisor = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(supervisor);
        const auto a = texts(*supervisor, QStringLiteral("+989121230007"), QStringLiteral("a"));
        QVERIFY(a);
        const qint64 customer = customerOf(*a);
        QVERIFY(texts(*supervisor, QStringLiteral("+989121230007"), QStringLiteral("b")));
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 2);
        // A colleague answered: for an agent who never opened the thread that is read.
        QVERIFY(!supervisor->command(protocol::type::sendMessage,
                                     {{k("customer_id"), customer}, {k("channel"), QStringLiteral("sms")},
                                      {k("body"), QStringLiteral("we are on it")}})
                     .error);
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 0);
        QVERIFY(texts(*supervisor, QStringLiteral("+989121230007"), QStringLiteral("c")));
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 1);
    }

    void theMarkerNeverMovesBackwards()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const auto older = texts(*agent, QStringLiteral("+989121230002"), QStringLiteral("older"));
        QVERIFY(older);
        const auto newer = texts(*agent, QStringLiteral("+989121230002"), QStringLiteral("newer"));
        QVERIFY(newer);
        const qint64 customer = customerOf(*newer);

        const auto forward = read(*agent, customer, messageId(*newer));
        QCOMPARE(forward.data.value(k("unread")).toInteger(), 0);
        // A late marker from another desktop (or the outbox) for the older item: no change,
        // answered with the marker as it is and no seq.
        const auto back = read(*agent, customer, messageId(*older));
        QVERIFY(!back.error);
        QCOMPARE(back.seq, 0);
        QCOMPARE(back.data.value(k("up_to_id")).toInteger(), messageId(*newer));
        QCOMPARE(back.data.value(k("unread")).toInteger(), 0);
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 0);

        // A marker past the thread's end stops at its newest item.
        const auto beyond = read(*agent, customer, messageId(*newer) + 1000000);
        QCOMPARE(beyond.data.value(k("up_to_id")).toInteger(), messageId(*newer));
        QCOMPARE(beyond.seq, 0);
    }

    void aRepeatedCommandIdGetsItsFirstAnswer()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const auto text = texts(*agent, QStringLiteral("+989121230003"), QStringLiteral("hi"));
        QVERIFY(text);
        const QString id = TestClient::newId();
        const auto first = read(*agent, customerOf(*text), messageId(*text), id);
        QVERIFY(first.seq > 0);
        const auto again = read(*agent, customerOf(*text), messageId(*text), id);
        QCOMPARE(again.seq, first.seq);
        QCOMPARE(again.data, first.data);
    }

    void theUsersOtherDesktopHearsOfItAndNobodyElseDoes()
    {
        auto desk1 = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        auto desk2 = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        auto colleague = TestClient::signedIn(m_hub.url(), QStringLiteral("agent2"));
        QVERIFY(desk1 && desk2 && colleague);
        const auto text = texts(*desk1, QStringLiteral("+989121230004"), QStringLiteral("hello?"));
        QVERIFY(text);
        const qint64 customer = customerOf(*text);
        QVERIFY(colleague->waitForEvent(protocol::type::messageCreated));

        const auto ack = read(*desk1, customer, messageId(*text));
        QVERIFY(ack.seq > 0);
        const auto heard = desk2->waitForEvent(protocol::type::conversationMarkedRead);
        QVERIFY(heard);
        QCOMPARE(heard->seq, ack.seq);
        QCOMPARE(heard->data.value(k("customer_id")).toInteger(), customer);
        QCOMPARE(heard->data.value(k("user")).toString(), QStringLiteral("agent"));
        QCOMPARE(heard->data.value(k("unread")).toInteger(), 0);

        // The colleague's stream skips it (a later event's prev shows the skip is not a
        // loss) and their count is untouched.
        const auto later = texts(*colleague, QStringLiteral("+989121230004"), QStringLiteral("anyone?"));
        QVERIFY(later);
        QVERIFY(!colleague->waitForEvent(protocol::type::conversationMarkedRead, 0));
        QVERIFY(later->prev != ack.seq);
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent2")), customer), 2);
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 1);
    }

    void aDesktopThatWasAwayGetsTheMarkerOnReplay()
    {
        auto desk1 = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(desk1);
        const auto text = texts(*desk1, QStringLiteral("+989121230005"), QStringLiteral("later"));
        QVERIFY(text);
        const qint64 since = text->seq;
        QVERIFY(read(*desk1, customerOf(*text), messageId(*text)).seq > 0);

        TestClient desk2;
        QVERIFY(desk2.connectTo(m_hub.url()));
        const auto welcome = desk2.hello(QStringLiteral("agent"), QStringLiteral("demo"), since);
        QCOMPARE(welcome.data.value(k("resume")).toString(), QStringLiteral("replay"));
        const auto replayed = desk2.waitForEvent(protocol::type::conversationMarkedRead);
        QVERIFY(replayed);
        QCOMPARE(replayed->data.value(k("customer_id")).toInteger(), customerOf(*text));
    }

    void refusalsHaveStableCodes()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        QCOMPARE(read(*agent, 99999999, 1).error->code, ErrorCode::NotFound);
        QCOMPARE(read(*agent, 0, 1).error->code, ErrorCode::BadRequest);
        QCOMPARE(read(*agent, 1, 0).error->code, ErrorCode::BadRequest);
        QCOMPARE(agent->command(protocol::type::conversationRead,
                                {{k("customer_id"), 1}, {k("up_to_id"), QStringLiteral("7")}})
                     .error->code,
                 ErrorCode::BadRequest);
        // Store staff read only customers whose order they looked up on this connection,
        // and their welcome carries no counts.
        auto store = TestClient::signedIn(m_hub.url(), QStringLiteral("store"));
        QVERIFY(store);
        QCOMPARE(read(*store, 1, 1).error->code, ErrorCode::Forbidden);
        QVERIFY(!welcomeOf(QStringLiteral("store")).data.contains(k("unread")));
    }

    void markersAndCountsSurviveAHubRestart()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const auto read1 = texts(*agent, QStringLiteral("+989121230006"), QStringLiteral("a"));
        QVERIFY(read1);
        QVERIFY(texts(*agent, QStringLiteral("+989121230006"), QStringLiteral("b")));
        const qint64 customer = customerOf(*read1);
        QVERIFY(read(*agent, customer, messageId(*read1)).seq > 0);
        agent.reset();

        m_hub.kill();
        QVERIFY2(m_hub.restart(), m_hub.stderrText().constData());
        QCOMPARE(unreadIn(welcomeOf(QStringLiteral("agent")), customer), 1);
        auto again = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(again);
        QCOMPARE(read(*again, customer, messageId(*read1)).data.value(k("up_to_id")).toInteger(),
                 messageId(*read1));
    }
};

QTEST_GUILESS_MAIN(TestHubReadMarkers)
#include "tst_hub_read_markers.moc"
