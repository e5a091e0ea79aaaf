// SPDX-License-Identifier: GPL-3.0-or-later
// The service layer against a real threadline-hub on loopback: what an agent's
// desktop does with its cache while the hub comes and goes.
#include "services/cache/cache_store.h"
#include "tests/services/cache/cache_test_support.h"
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "services/sync/sync_service.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace threadline;
using services::Outgoing;
using services::SyncService;
using testing::HubProcess;
using testing::TestClient;

namespace {
constexpr int kWaitMs = 20000;


Outgoing reply(qint64 customerId, const QString &body)
{
    Outgoing out;
    out.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    out.customerId = customerId;
    out.channel = protocol::channel::note;
    out.body = body;
    out.author = QStringLiteral("agent");
    return out;
}
} // namespace

class TestSyncService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<models::Customer>>();
        qRegisterMetaType<QList<models::Message>>();
        qRegisterMetaType<models::Delivery>();
        QVERIFY(m_hub.start(true));
        QVERIFY(m_hub.addUser(QStringLiteral("colleague"), QStringLiteral("agent"),
                              QStringLiteral("pw")));
        QVERIFY(m_profile.isValid());
    }

    void aFreshDesktopLoadsTheWholeInboxFromTheHub()
    {
        auto sync = openSync();
        QSignalSpy customers(sync.get(), &SyncService::customersChanged);
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(countCustomers(customers) >= 200, kWaitMs);
        m_customerId = customers.last().at(0).value<QList<models::Customer>>().first().id;
    }

    void anAgentLearnsEveryQueuesWaitThresholdsWhenSigningIn()
    {
        // Agents colour waits in their inbox by these, not only supervisors.
        qRegisterMetaType<QList<models::QueueSla>>();
        auto sync = openSync();
        QSignalSpy queues(sync.get(), &SyncService::queuesKnown);
        startAndWaitOnline(*sync);
        QTRY_COMPARE_WITH_TIMEOUT(queues.size(), 1, kWaitMs);
        const auto known = queues.first().at(0).value<QList<models::QueueSla>>();
        const auto general = std::find_if(known.cbegin(), known.cend(), [](const models::QueueSla &q) {
            return q.name == QLatin1String("general");
        });
        QVERIFY(general != known.cend());
        // The hub's general queue (server/hub_schema.cpp): amber from 3 minutes, red from 10.
        QCOMPARE(general->amberS, 180);
        QCOMPARE(general->redS, 600);
        QCOMPARE(general->slaTargetS, 300);
        QVERIFY(!general->title.isEmpty());
        // The demo's VIP queue is stricter (server/demo_seeder.cpp).
        const auto vip = std::find_if(known.cbegin(), known.cend(), [](const models::QueueSla &q) {
            return q.name == QLatin1String("vip");
        });
        QVERIFY(vip != known.cend());
        QCOMPARE(vip->amberS, 60);
        QCOMPARE(vip->redS, 180);
    }

    void aThreadPageComesNewestFirstFromTheHubThenTheCache()
    {
        auto sync = openSync();
        startAndWaitOnline(*sync);
        QSignalSpy pages(sync.get(), &SyncService::pageReady);
        sync->requestPage(m_customerId, 0, 0, 50);
        QVERIFY(pages.wait(kWaitMs));
        const auto items = pages.last().at(1).value<QList<models::Message>>();
        QCOMPARE(items.size(), 50);
        QVERIFY(items.first().at >= items.last().at);
        QVERIFY(!pages.last().at(4).toBool()); // there is older history
        // The next page continues exactly where the first ended.
        sync->requestPage(m_customerId, pages.last().at(2).toLongLong(),
                          pages.last().at(3).toLongLong(), 50);
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 2, kWaitMs);
        const auto older = pages.last().at(1).value<QList<models::Message>>();
        QCOMPARE(older.size(), 50);
        QVERIFY(older.first().at <= items.last().at);
        QVERIFY(older.first().id != items.last().id);
    }

    void aReplyIsEchoedAtOnceAndConfirmedByTheHubExactlyOnce()
    {
        auto sync = openSync();
        startAndWaitOnline(*sync);
        QSignalSpy messages(sync.get(), &SyncService::messagesChanged);
        QSignalSpy outbox(sync.get(), &SyncService::outboxChanged);
        const Outgoing out = reply(m_customerId, QStringLiteral("Called the courier; arrives tomorrow."));
        sync->send(out);
        // The echo comes first, synchronously, marked as waiting.
        QVERIFY(!messages.isEmpty());
        const auto echo = messages.first().at(0).value<QList<models::Message>>().first();
        QCOMPARE(echo.clientId, out.clientId);
        QCOMPARE(echo.delivery, models::Delivery::Pending);
        QTRY_VERIFY_WITH_TIMEOUT(confirmed(messages, out.clientId), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.last().at(0).toInt(), 0, kWaitMs);
        QCOMPARE(countOnHub(out.clientId), 1);
    }

    void repliesWrittenWhileTheHubIsDownGoOutOnceWhenItIsBack()
    {
        auto sync = openSync();
        startAndWaitOnline(*sync);
        QSignalSpy connection(sync.get(), &SyncService::connectionChanged);
        m_hub.kill();
        QTRY_VERIFY_WITH_TIMEOUT(!connection.isEmpty() && !connection.last().at(0).toBool(), kWaitMs);

        QSignalSpy outbox(sync.get(), &SyncService::outboxChanged);
        QSignalSpy cacheFailed(sync.get(), &SyncService::cacheFailed);
        QList<Outgoing> written;
        for (int i = 0; i < 10; ++i) {
            written.append(reply(m_customerId, QStringLiteral("یادداشت آفلاین %1").arg(i)));
            sync->send(written.last());
        }
        QVERIFY2(cacheFailed.isEmpty(),
                 qPrintable(cacheFailed.isEmpty() ? QString() : cacheFailed.first().at(1).toString()));
        QCOMPARE(outbox.last().at(0).toInt(), 10);

        QVERIFY(m_hub.restart());
        QTRY_COMPARE_WITH_TIMEOUT(outbox.last().at(0).toInt(), 0, 30000);
        for (const auto &out : written)
            QCOMPARE(countOnHub(out.clientId), 1);
    }

    void theOutboxSurvivesARestartOfTheDesktop()
    {
        Outgoing out = reply(m_customerId, QStringLiteral("written before the restart"));
        {
            auto sync = openSync();
            // Never signed in: the hub is unreachable on this port.
            sync->send(out);
        }
        auto sync = openSync();
        QSignalSpy outbox(sync.get(), &SyncService::outboxChanged);
        startAndWaitOnline(*sync);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.last().at(0).toInt(), 0, kWaitMs);
        QCOMPARE(countOnHub(out.clientId), 1);
    }

    void aRestartedDesktopReplaysWhatItMissed()
    {
        {
            auto sync = openSync();
            startAndWaitOnline(*sync);
            QTRY_VERIFY_WITH_TIMEOUT(sync->session()->state() == services::HubSession::State::Online,
                                     kWaitMs);
        }
        // A colleague writes while this desktop is closed.
        TestClient colleague;
        QVERIFY(colleague.connectTo(m_hub.url()));
        QCOMPARE(colleague.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type,
                 protocol::type::welcome);
        const QString id = TestClient::newId();
        const auto ack = colleague.command(
            protocol::type::addNote,
            {{QStringLiteral("customer_id"), m_customerId},
             {QStringLiteral("body"), QStringLiteral("Customer called the store; refund approved.")}},
            id);
        QCOMPARE(ack.type, protocol::type::ack);

        auto sync = openSync();
        QSignalSpy messages(sync.get(), &SyncService::messagesChanged);
        startAndWaitOnline(*sync);
        QTRY_VERIFY_WITH_TIMEOUT(confirmed(messages, id), kWaitMs);
    }

    void aQueuedCommandWaitsOfflineAndIsAppliedOnce()
    {
        auto sync = openSync();
        startAndWaitOnline(*sync);
        QSignalSpy connection(sync.get(), &SyncService::connectionChanged);
        m_hub.kill();
        QTRY_VERIFY_WITH_TIMEOUT(!connection.isEmpty() && !connection.last().at(0).toBool(), kWaitMs);
        QSignalSpy outbox(sync.get(), &SyncService::outboxChanged);
        const QString body = QStringLiteral("queued while the hub was down");
        sync->enqueue(protocol::type::addNote,
                      {{QStringLiteral("customer_id"), m_customerId}, {QStringLiteral("body"), body}});
        QCOMPARE(outbox.last().at(0).toInt(), 1);
        QVERIFY(m_hub.restart());
        QTRY_COMPARE_WITH_TIMEOUT(outbox.last().at(0).toInt(), 0, 30000);
        int copies = 0;
        for (const auto &m : hubThreadBodies())
            copies += m == body;
        QCOMPARE(copies, 1);
    }

    void aQuestionIsAnsweredAndARefusalCarriesItsCode()
    {
        auto sync = openSync();
        startAndWaitOnline(*sync);
        QSignalSpy answered(sync.get(), &SyncService::answered);
        sync->ask(QStringLiteral("page"), protocol::type::customersPage, {{QStringLiteral("limit"), 3}});
        sync->ask(QStringLiteral("bad"), protocol::type::historyPage, {{QStringLiteral("customer_id"), 999999}});
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 2, kWaitMs);
        for (const auto &args : answered) {
            if (args.at(0).toString() == QLatin1String("page")) {
                QVERIFY(args.at(1).toBool());
                QCOMPARE(args.at(2).toJsonObject().value(QStringLiteral("customers")).toArray().size(), 3);
            } else {
                QVERIFY(!args.at(1).toBool());
                QCOMPARE(args.at(2).toJsonObject().value(QStringLiteral("code")).toString(),
                         QStringLiteral("not_found"));
            }
        }
    }

private:
    QStringList hubThreadBodies()
    {
        TestClient client;
        if (!client.connectTo(m_hub.url())
            || client.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type
                   != protocol::type::welcome)
            return {};
        const auto page = client.command(protocol::type::historyPage,
                                         {{QStringLiteral("customer_id"), m_customerId},
                                          {QStringLiteral("limit"), 200}});
        QStringList bodies;
        for (const auto &v : page.data.value(QStringLiteral("messages")).toArray())
            bodies.append(v.toObject().value(QStringLiteral("body")).toString());
        return bodies;
    }

    std::unique_ptr<SyncService> openSync(const QUrl &url = {})
    {
        return std::make_unique<SyncService>(
            cache::testing::openOrDie(m_profile.filePath(QStringLiteral("cache.db")), m_key),
            url.isEmpty() ? m_hub.url() : url);
    }

    void startAndWaitOnline(SyncService &sync)
    {
        QSignalSpy signedIn(&sync, &SyncService::signedIn);
        sync.start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));
    }

    static qsizetype countCustomers(const QSignalSpy &spy)
    {
        QSet<qint64> ids;
        for (const auto &args : spy)
            for (const auto &c : args.at(0).value<QList<models::Customer>>())
                ids.insert(c.id);
        return ids.size();
    }

    static bool confirmed(const QSignalSpy &spy, const QString &clientId)
    {
        for (const auto &args : spy)
            for (const auto &m : args.at(0).value<QList<models::Message>>())
                if (m.clientId == clientId && m.id > 0)
                    return true;
        return false;
    }

    /// How many items with this client id the hub holds in the customer's thread.
    int countOnHub(const QString &clientId)
    {
        TestClient client;
        if (!client.connectTo(m_hub.url())
            || client.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type
                   != protocol::type::welcome)
            return -1;
        const auto page = client.command(protocol::type::historyPage,
                                         {{QStringLiteral("customer_id"), m_customerId},
                                          {QStringLiteral("limit"), 200}});
        int count = 0;
        for (const auto &v : page.data.value(QStringLiteral("messages")).toArray())
            count += v.toObject().value(QStringLiteral("client_id")).toString() == clientId;
        return count;
    }

    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_profile;
    QByteArray m_key = cache::testing::randomKey();
    qint64 m_customerId = 0;
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_sync_service.moc"
