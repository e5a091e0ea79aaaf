// SPDX-License-Identifier: GPL-3.0-or-later
// Agents lose network, desktops restart, hubs crash: no customer message may be
// lost or duplicated. Real hub on loopback, real encrypted cache.
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
constexpr int kWaitMs = 30000;

} // namespace

class TestOfflineResilience : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<models::Customer>>();
        qRegisterMetaType<QList<models::Message>>();
        qRegisterMetaType<models::Delivery>();
        QVERIFY(m_hub.start(true));
        QVERIFY(m_hub.addUser(QStringLiteral("auditor"), QStringLiteral("supervisor"),
                              QStringLiteral("pw")));
    }

    void aHundredRepliesWrittenOfflineArriveExactlyOnceInOrderAfterARestart()
    {
        QTemporaryDir profile;
        const QByteArray key = cache::testing::randomKey();
        const qint64 customer = firstCustomer();
        m_hub.kill();

        QStringList written;
        {
            auto sync = openSync(profile, key);
            QSignalSpy outbox(sync.get(), &SyncService::outboxChanged);
            sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
            for (int i = 0; i < 100; ++i) {
                Outgoing out;
                out.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
                out.customerId = customer;
                out.channel = protocol::channel::note;
                out.body = QStringLiteral("offline note %1").arg(i, 3, 10, QLatin1Char('0'));
                out.author = QStringLiteral("agent");
                sync->send(out);
                written.append(out.clientId);
            }
            QCOMPARE(outbox.last().at(0).toInt(), 100);
        } // the desktop is closed with the hub still down

        QVERIFY(m_hub.restart());
        auto sync = openSync(profile, key);
        QSignalSpy outbox(sync.get(), &SyncService::outboxChanged);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!outbox.isEmpty() && outbox.last().at(0).toInt() == 0, kWaitMs);

        // On the hub: each exactly once, in the order written.
        QStringList arrived;
        for (const auto &m : hubThread(customer))
            if (written.contains(m.clientId))
                arrived.prepend(m.clientId); // the hub pages newest first
        QCOMPARE(arrived, written);
    }

    void theCacheMatchesTheHubAfterTheHubIsKilledTwentyTimesDuringTraffic()
    {
        QTemporaryDir profile;
        const QByteArray key = cache::testing::randomKey();
        QVERIFY(m_hub.startOn(m_hub.port(), true, {QStringLiteral("--simulate"), QStringLiteral("25")}));

        auto sync = openSync(profile, key);
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        QSignalSpy resynced(sync.get(), &SyncService::resynced);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));
        // A fresh desktop first takes the snapshot; from then on every reconnect
        // must replay exactly what it missed.
        QVERIFY(resynced.wait(kWaitMs));
        // Everything after the snapshot must reach the cache as events; what came
        // before it is fetched with a thread's history when the agent opens it.
        const qint64 baseline = sync->appliedSeq();
        QVERIFY(baseline > 0);
        for (int round = 0; round < 20; ++round) {
            QSignalSpy live(sync.get(), &SyncService::messagesChanged);
            QVERIFY(live.wait(kWaitMs)); // traffic is flowing into this desktop
            m_hub.kill();
            QVERIFY(m_hub.restart());
            QTRY_VERIFY_WITH_TIMEOUT(signedIn.size() >= round + 2, kWaitMs);
        }
        // Quiet the traffic, let the desktop catch up, then compare.
        QVERIFY(m_hub.startOn(m_hub.port(), true));
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.size() >= 22, kWaitMs);
        const qint64 end = hubSeq();
        QTRY_VERIFY_WITH_TIMEOUT(appliedSeq(*sync) >= end, kWaitMs);
        sync.reset();

        const QHash<qint64, QSet<qint64>> onHub = createdSince(baseline);
        QVERIFY2(!onHub.isEmpty(), "the simulator sent nothing");
        auto opened = cache::CacheStore::open(profile.filePath(QStringLiteral("cache.db")), key);
        QVERIFY(std::holds_alternative<std::unique_ptr<cache::CacheStore>>(opened));
        auto &store = std::get<std::unique_ptr<cache::CacheStore>>(opened);
        qsizetype compared = 0;
        for (auto it = onHub.cbegin(); it != onHub.cend(); ++it) {
            QList<qint64> cached;
            cache::ThreadPage page = store->page(it.key(), 0, 0, 500);
            while (true) {
                for (const auto &m : page.items)
                    if (m.id > 0)
                        cached.append(m.id);
                if (page.items.size() < 500)
                    break;
                page = store->page(it.key(), page.cursorAt, page.cursorRow, 500);
            }
            QSet<qint64> cachedNew;
            for (qint64 id : cached)
                if (it.value().contains(id))
                    cachedNew.insert(id);
            if (cachedNew != it.value()) {
                const QSet<qint64> missing = it.value() - cachedNew;
                QStringList ids;
                for (qint64 id : missing)
                    ids.append(QString::number(id));
                QFAIL(qPrintable(QStringLiteral("customer %1 lost %2 of %3: %4")
                                     .arg(it.key())
                                     .arg(missing.size())
                                     .arg(it.value().size())
                                     .arg(ids.join(u' '))));
            }
            QCOMPARE(cached.size(), QSet<qint64>(cached.cbegin(), cached.cend()).size()); // nothing twice
            compared += it.value().size();
        }
        qInfo("compared %lld messages across %lld customers", static_cast<long long>(compared),
              static_cast<long long>(onHub.size()));
    }

private:
    std::unique_ptr<SyncService> openSync(const QTemporaryDir &profile, const QByteArray &key)
    {
        return std::make_unique<SyncService>(
            cache::testing::openOrDie(profile.filePath(QStringLiteral("cache.db")), key),
            m_hub.url());
    }

    static qint64 appliedSeq(const SyncService &sync) { return sync.appliedSeq(); }

    TestClient &auditor()
    {
        if (!m_auditor || !m_auditor->isConnected()) {
            m_auditor = std::make_unique<TestClient>();
            if (!m_auditor->connectTo(m_hub.url()))
                qFatal("cannot connect the auditor");
            m_welcome = m_auditor->hello(QStringLiteral("auditor"), QStringLiteral("pw"));
        }
        return *m_auditor;
    }

    qint64 hubSeq()
    {
        m_auditor.reset();
        auditor();
        return m_welcome.data.value(QStringLiteral("seq")).toInteger();
    }

    qint64 firstCustomer()
    {
        const auto page = auditor().command(protocol::type::customersPage,
                                            {{QStringLiteral("limit"), 1}});
        return page.data.value(QStringLiteral("customers")).toArray().first().toObject()
            .value(QStringLiteral("id")).toInteger();
    }

    QList<protocol::MessagePayload> hubThread(qint64 customer)
    {
        m_auditor.reset();
        const auto page = auditor().command(protocol::type::historyPage,
                                            {{QStringLiteral("customer_id"), customer},
                                             {QStringLiteral("limit"), 500}});
        return protocol::messagesFromJson(page.data.value(QStringLiteral("messages")))
            .value_or(QList<protocol::MessagePayload>{});
    }

    /// customer → ids of the messages created after `since`, from the hub's replay.
    QHash<qint64, QSet<qint64>> createdSince(qint64 since)
    {
        TestClient client;
        QHash<qint64, QSet<qint64>> out;
        if (!client.connectTo(m_hub.url()))
            return out;
        const auto welcome = client.hello(QStringLiteral("auditor"), QStringLiteral("pw"), since);
        if (welcome.data.value(QStringLiteral("resume")).toString() != QLatin1String("replay"))
            return out;
        if (!client.waitForEvent(protocol::type::live, kWaitMs))
            return out;
        for (const auto &e : client.events())
            if (e.type == protocol::type::messageCreated) {
                const auto m = protocol::MessagePayload::fromJson(
                    e.data.value(QStringLiteral("message")).toObject());
                if (m)
                    out[m->customerId].insert(m->id);
            }
        return out;
    }

    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    std::unique_ptr<TestClient> m_auditor;
    protocol::Envelope m_welcome;
};

QTEST_GUILESS_MAIN(TestOfflineResilience)
#include "tst_offline_resilience.moc"
