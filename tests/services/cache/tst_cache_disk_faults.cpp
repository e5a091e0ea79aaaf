// SPDX-License-Identifier: GPL-3.0-or-later
// A full disk or a read-only profile: the cache says which, keeps what it has
// (threads and outbox), and the desktop catches up by itself once it can write.
// Disk full is made with PRAGMA max_page_count and read-only with PRAGMA
// query_only on the cache's own connection: chmod does not stop root, and
// mounting a small or read-only file system needs privileges CI does not have.
#include "services/cache/cache_store.h"
#include "services/protocol/frame_types.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using cache::CacheStore;
using cache::CacheWrite;
using threadline::testing::HubProcess;
using threadline::testing::TestClient;

namespace {
constexpr int kWaitMs = 30000;

/// Enough text that a few hundred messages need many new pages.
QString longBody(int n)
{
    return QStringLiteral("Message %1: ").arg(n) + QString(1500, QLatin1Char('x'));
}

CacheWrite manyMessages(qint64 customerId, qint64 firstId, int count)
{
    CacheWrite w;
    for (int i = 0; i < count; ++i)
        w.messages.append(cache::testing::hubMessage(firstId + i, customerId, 1000 + firstId + i,
                                                 longBody(int(firstId + i))));
    return w;
}

int cachedItems(CacheStore &store, qint64 customerId)
{
    return int(store.page(customerId, 0, 0, 5000).items.size());
}

std::unique_ptr<CacheStore> openStore(const QTemporaryDir &dir)
{
    auto opened = CacheStore::open(dir.filePath(QStringLiteral("cache.db")), cache::testing::randomKey());
    if (auto *error = std::get_if<cache::CacheError>(&opened))
        qFatal("cache: %s", qPrintable(error->message));
    return std::move(std::get<std::unique_ptr<CacheStore>>(opened));
}

/// A cache with one customer, ten messages and a reply waiting in the outbox.
std::unique_ptr<CacheStore> storeWithSomething(const QTemporaryDir &dir)
{
    auto store = openStore(dir);
    CacheWrite w = manyMessages(7, 1, 10);
    w.customers.append(cache::testing::customer(7, QStringLiteral("Mina"), 2000));
    if (store->write(w))
        return {};
    if (store->addToOutbox(cache::testing::localEcho(QStringLiteral("c-1"), 7, 3000,
                                                 QStringLiteral("We will call you back")),
                           protocol::type::sendMessage,
                           {{QStringLiteral("customer_id"), 7}, {QStringLiteral("body"), QStringLiteral("x")}}))
        return {};
    return store;
}
} // namespace

class TestCacheDiskFaults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aFullDiskRefusesNewWritesAsDiskFullAndKeepsWhatTheCacheHas()
    {
        QTemporaryDir dir;
        auto store = storeWithSomething(dir);
        QVERIFY(store);
        QCOMPARE(cachedItems(*store, 7), 11);
        QVERIFY(!store->capSizeForTesting(0));

        const auto refused = store->write(manyMessages(7, 100, 300));
        QVERIFY(refused);
        QCOMPARE(refused->code, QStringLiteral("disk_full"));
        // Nothing half-written, nothing lost: the ten messages and the waiting reply.
        QCOMPARE(cachedItems(*store, 7), 11);
        QCOMPARE(store->outbox().size(), 1);
        QCOMPARE(store->outbox().first().clientId, QStringLiteral("c-1"));
        QVERIFY(!store->verify());

        QVERIFY(!store->capSizeForTesting(-1)); // space is back
        QVERIFY(!store->write(manyMessages(7, 100, 300)));
        QCOMPARE(cachedItems(*store, 7), 311);
    }

    void aReadOnlyProfileRefusesWritesAsReadOnlyAndKeepsWhatTheCacheHas()
    {
        QTemporaryDir dir;
        auto store = storeWithSomething(dir);
        QVERIFY(store);
        QVERIFY(!store->setReadOnlyForTesting(true));

        const auto refused = store->write(manyMessages(7, 100, 1));
        QVERIFY(refused);
        QCOMPARE(refused->code, QStringLiteral("read_only"));
        const auto outboxRefused = store->addToOutbox(
            cache::testing::localEcho(QStringLiteral("c-2"), 7, 4000, QStringLiteral("Later")),
            protocol::type::sendMessage, {{QStringLiteral("customer_id"), 7}});
        QVERIFY(outboxRefused);
        QCOMPARE(outboxRefused->code, QStringLiteral("read_only"));
        QCOMPARE(cachedItems(*store, 7), 11);
        QCOMPARE(store->outbox().size(), 1);

        QVERIFY(!store->setReadOnlyForTesting(false));
        QVERIFY(!store->write(manyMessages(7, 100, 1)));
        QCOMPARE(cachedItems(*store, 7), 12);
    }

    void aDesktopOnAFullDiskSaysSoShowsNothingHalfSavedAndCatchesUpWhenSpaceIsBack()
    {
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY(hub.start(true));
        QVERIFY(hub.addUser(QStringLiteral("colleague"), QStringLiteral("agent"), QStringLiteral("pw")));
        TestClient colleague;
        QVERIFY(colleague.connectTo(hub.url()));
        QCOMPARE(colleague.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type,
                 protocol::type::welcome);
        const auto firstPage = colleague.command(protocol::type::customersPage,
                                                 {{QStringLiteral("limit"), 1}});
        const qint64 customer = firstPage.data.value(QStringLiteral("customers")).toArray().first()
                                    .toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(customer > 0);
        // The hub has a history before this desktop signs in, so the desktop holds a seq
        // and catches up by replaying the events it could not save (a desktop that never
        // held one resyncs instead, and fetches threads when they are opened).
        QCOMPARE(colleague.command(protocol::type::addNote,
                                   {{QStringLiteral("customer_id"), customer},
                                    {QStringLiteral("body"), QStringLiteral("Before the disk filled")}})
                     .type,
                 protocol::type::ack);

        QTemporaryDir dir;
        auto owned = openStore(dir);
        CacheStore *store = owned.get(); // the sync service owns it; same thread here
        services::SyncService sync(std::move(owned), hub.url());
        QSignalSpy resynced(&sync, &services::SyncService::resynced);
        QSignalSpy failed(&sync, &services::SyncService::cacheFailed);
        QSignalSpy recovered(&sync, &services::SyncService::cacheRecovered);
        QSignalSpy shown(&sync, &services::SyncService::messagesChanged);
        sync.start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(resynced.wait(kWaitMs));

        QVERIFY(!store->capSizeForTesting(0)); // the disk fills up
        shown.clear();
        QStringList notes;
        for (int i = 0; i < 40; ++i) {
            notes << longBody(900 + i);
            QCOMPARE(colleague.command(protocol::type::addNote,
                                       {{QStringLiteral("customer_id"), customer},
                                        {QStringLiteral("body"), notes.last()}})
                         .type,
                     protocol::type::ack);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kWaitMs);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("disk_full"));
        QVERIFY(recovered.isEmpty());
        // Some notes fit before the disk filled; what could not be saved is not
        // shown as if it were: the models get exactly what the cache holds.
        QStringList saved;
        for (const auto &m : store->page(customer, 0, 0, 5000).items)
            if (notes.contains(m.body))
                saved << m.body;
        QVERIFY2(saved.size() < notes.size(), "the disk never filled up");
        for (const auto &batch : shown)
            for (const auto &m : batch.first().value<QList<models::Message>>())
                if (notes.contains(m.body))
                    QVERIFY2(saved.contains(m.body), "an unsaved note reached the models");
        // A reply written now cannot be promised: it is handed back, not echoed (long
        // enough to need new pages, so no half-empty page can take it).
        QSignalSpy refused(&sync, &services::SyncService::sendRefused);
        shown.clear();
        const services::Outgoing reply{QStringLiteral("c-full-1"), customer, QStringLiteral("note"),
                                       QString(), QString(), longBody(7).repeated(20), QStringLiteral("agent"),
                                       QDateTime::currentMSecsSinceEpoch()};
        sync.send(reply);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(0).value<services::Outgoing>().body, reply.body);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("disk_full"));
        QVERIFY(shown.isEmpty());

        QVERIFY(!store->capSizeForTesting(-1)); // space is back
        QVERIFY(recovered.wait(kWaitMs));
        // Every note once, in the order written.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                int found = 0;
                for (const auto &m : store->page(customer, 0, 0, 5000).items)
                    found += notes.contains(m.body) ? 1 : 0;
                return found == notes.size();
            }(),
            kWaitMs);
        QStringList cachedOrder;
        const auto items = store->page(customer, 0, 0, 5000).items; // newest first
        for (auto it = items.crbegin(); it != items.crend(); ++it)
            if (notes.contains(it->body))
                cachedOrder << it->body;
        QCOMPARE(cachedOrder, notes);
        sync.stop();
    }
};

QTEST_GUILESS_MAIN(TestCacheDiskFaults)
#include "tst_cache_disk_faults.moc"
