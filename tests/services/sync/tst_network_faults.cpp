// SPDX-License-Identifier: GPL-3.0-or-later
// A bad network between the desktop and the hub: connections reset, bytes
// delayed and blackholed on a seeded schedule while a colleague writes 300
// notes at a steady rate and this desktop sends 50 replies through its outbox.
// Afterwards the cache holds every note exactly once and in order, and the hub
// got every reply exactly once.
#include "services/cache/cache_store.h"
#include "services/protocol/envelope.h"
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"
#include "tests/support/fault_proxy.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace threadline;
using services::SyncService;
using threadline::testing::FaultProxy;
using threadline::testing::HubProcess;
using threadline::testing::TestClient;

namespace {
constexpr int kNotes = 300;
constexpr int kReplyEvery = 6; // 50 replies among the 300 notes
constexpr int kStepMs = 25;    // 40 notes a second
constexpr quint32 kSeed = 20261125;

qint64 customerAt(TestClient &client, int index)
{
    const auto page = client.command(protocol::type::customersPage, {{QStringLiteral("limit"), 10}});
    return page.data.value(QStringLiteral("customers")).toArray().at(index).toObject()
        .value(QStringLiteral("id")).toInteger();
}
} // namespace

class TestNetworkFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyNoteOnceInOrderAndEveryReplyOnceThroughResetsDelaysAndBlackholes()
    {
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY(hub.start(true));
        QVERIFY(hub.addUser(QStringLiteral("colleague"), QStringLiteral("agent"), QStringLiteral("pw")));
        FaultProxy proxy(hub.port());
        QVERIFY(proxy.listen());

        TestClient colleague; // straight to the hub: the bad network is ours
        QVERIFY(colleague.connectTo(hub.url()));
        QCOMPARE(colleague.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type,
                 protocol::type::welcome);
        const qint64 written = customerAt(colleague, 0); // the colleague's notes land here
        const qint64 answered = customerAt(colleague, 1); // our replies go here
        QVERIFY(written > 0 && answered > 0 && written != answered);

        QTemporaryDir profile;
        auto opened = cache::CacheStore::open(profile.filePath(QStringLiteral("cache.db")),
                                              cache::testing::randomKey());
        QVERIFY(std::holds_alternative<std::unique_ptr<cache::CacheStore>>(opened));
        cache::CacheStore *store = std::get<std::unique_ptr<cache::CacheStore>>(opened).get();
        SyncService sync(std::move(std::get<std::unique_ptr<cache::CacheStore>>(opened)), proxy.url());
        // A blackholed connection is noticed after two unanswered pings.
        sync.session()->setHeartbeatInterval(300);
        sync.session()->setConnectTimeout(2000);
        QSignalSpy resynced(&sync, &SyncService::resynced);
        sync.start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(resynced.wait(60000));

        proxy.startChaos(kSeed, 700);
        QStringList notes;
        QStringList noteIds;
        QStringList replies;
        QTimer steady;
        steady.setInterval(kStepMs);
        connect(&steady, &QTimer::timeout, this, [&] {
            const int n = int(notes.size());
            if (n == kNotes) {
                steady.stop();
                return;
            }
            notes << QStringLiteral("note %1 from a colleague").arg(n);
            noteIds << TestClient::newId();
            colleague.sendText(QString::fromUtf8(protocol::encode(protocol::makeCommand(
                protocol::type::addNote, noteIds.last(),
                {{QStringLiteral("customer_id"), written}, {QStringLiteral("body"), notes.last()}}))));
            if (n % kReplyEvery == 0) {
                replies << QStringLiteral("reply %1 written during the storm").arg(n / kReplyEvery);
                sync.send({QUuid::createUuid().toString(QUuid::WithoutBraces), answered,
                           QStringLiteral("note"), QString(), QString(), replies.last(),
                           QStringLiteral("agent"), QDateTime::currentMSecsSinceEpoch()});
            }
        });
        steady.start();
        QTRY_VERIFY_WITH_TIMEOUT(!steady.isActive(), 60000);
        for (const QString &id : std::as_const(noteIds))
            QCOMPARE(colleague.waitForAnswer(id).type, protocol::type::ack);
        // Let the storm go on a little after the last note, then calm down.
        QTRY_VERIFY_WITH_TIMEOUT(proxy.resets() + proxy.blackholes() + proxy.delays() >= 12, 30000);
        proxy.stopChaos();
        qInfo("faults: %d resets, %d blackholes, %d delay bursts, %d connections", proxy.resets(),
              proxy.blackholes(), proxy.delays(), proxy.connections());
        QVERIFY(proxy.resets() > 0 && proxy.blackholes() > 0 && proxy.delays() > 0);

        const auto cachedNotes = [&] {
            QStringList inOrder;
            const auto items = store->page(written, 0, 0, 5000).items; // newest first
            for (auto it = items.crbegin(); it != items.crend(); ++it)
                if (it->body.startsWith(QLatin1String("note ")) && it->body.endsWith(QLatin1String("colleague")))
                    inOrder << it->body;
            return inOrder;
        };
        QTRY_VERIFY_WITH_TIMEOUT(cachedNotes().size() >= kNotes && store->outbox().isEmpty(), 120000);
        QCOMPARE(cachedNotes(), notes); // each once, in the order written

        TestClient auditor;
        QVERIFY(auditor.connectTo(hub.url()));
        QCOMPARE(auditor.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type,
                 protocol::type::welcome);
        const auto history = auditor.command(protocol::type::historyPage,
                                             {{QStringLiteral("customer_id"), answered},
                                              {QStringLiteral("limit"), 500}});
        const auto messages = protocol::messagesFromJson(history.data.value(QStringLiteral("messages")));
        QVERIFY(messages);
        QStringList onHub;
        for (const auto &m : *messages)
            if (replies.contains(m.body))
                onHub << m.body;
        QCOMPARE(onHub.size(), replies.size()); // none lost, none twice
        QCOMPARE(QSet<QString>(onHub.cbegin(), onHub.cend()).size(), replies.size());
        sync.stop();
    }
};

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "tst_network_faults.moc"
