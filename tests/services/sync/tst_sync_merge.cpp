// SPDX-License-Identifier: GPL-3.0-or-later
// A desktop merges two customers through its outbox, against a real hub: the absorbed
// customer leaves the cache's inbox, its items are fetched again under the survivor, and
// undoing the merge brings it back with its own thread.
#include "services/protocol/frame_types.h"
#include "tests/services/sync/sync_profile.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace threadline;
using services::SyncService;
using testing::HubProcess;

namespace {
constexpr int kWaitMs = 20000;

QSet<qint64> idsOf(const QList<models::Message> &items)
{
    QSet<qint64> ids;
    for (const auto &m : items)
        ids.insert(m.id);
    return ids;
}
} // namespace

class TestSyncMerge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        testing::SyncProfile::registerTypes();
        QVERIFY(m_hub.start(true));
        QVERIFY(m_profile.isValid());
    }

    void aMergedCustomerLeavesTheCacheAndItsItemsComeBackUnderTheSurvivor()
    {
        auto sync = openSync();
        QSignalSpy resynced(sync.get(), &SyncService::resynced);
        QSignalSpy customers(sync.get(), &SyncService::customersChanged);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(resynced.wait(kWaitMs));

        // Two small threads nobody has taken, so an agent may merge them.
        QList<models::Customer> free;
        for (const auto &args : customers)
            for (const auto &c : args.at(0).value<QList<models::Customer>>())
                if (c.assignee.isEmpty() && c.itemCount > 0 && c.itemCount < 40 && free.size() < 2)
                    free.append(c);
        QCOMPARE(free.size(), 2);
        m_into = free.at(0).id;
        m_from = free.at(1).id;
        const QSet<qint64> fromItems = page(*sync, m_from);
        const QSet<qint64> intoItems = page(*sync, m_into);
        QVERIFY(!fromItems.isEmpty() && !intoItems.isEmpty());

        QSignalSpy merged(sync.get(), &SyncService::customerMergeChanged);
        QSignalSpy messages(sync.get(), &SyncService::messagesChanged);
        QSignalSpy outbox(sync.get(), &SyncService::outboxChanged);
        sync->enqueue(protocol::type::customerMerge,
                      {{QStringLiteral("into"), m_into}, {QStringLiteral("from"), m_from}});
        QCOMPARE(outbox.first().at(0).toInt(), 1); // kept until the hub answers
        QVERIFY(merged.wait(kWaitMs));
        QCOMPARE(merged.first().at(0).toLongLong(), m_into);
        QCOMPARE(merged.first().at(1).toLongLong(), m_from);
        QCOMPARE(merged.first().at(2).toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.last().at(0).toInt(), 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(mergeIdIn(messages) > 0, kWaitMs);
        m_mergeId = mergeIdIn(messages);

        // The survivor's thread is fetched again and holds both histories.
        const QSet<qint64> survivor = page(*sync, m_into);
        QVERIFY(survivor.contains(fromItems));
        QVERIFY(survivor.contains(intoItems));
        sync.reset();

        auto cache = openCache();
        QVERIFY(!cache->customer(m_from));
        for (const auto &c : cache->customers())
            QVERIFY(c.id != m_from);
        QVERIFY(cache->page(m_from, 0, 0, 50).items.isEmpty());
        QVERIFY(idsOf(cache->page(m_into, 0, 0, 200).items).contains(fromItems));
        m_fromItems = fromItems;
    }

    void undoingTheMergeBringsTheCustomerBackWithItsOwnThread()
    {
        QVERIFY(m_mergeId > 0);
        auto sync = openSync();
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        QSignalSpy merged(sync.get(), &SyncService::customerMergeChanged);
        QSignalSpy customers(sync.get(), &SyncService::customersChanged);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));
        sync->enqueue(protocol::type::customerUnmerge, {{QStringLiteral("merge_id"), m_mergeId}});
        QTRY_VERIFY_WITH_TIMEOUT(!merged.isEmpty(), kWaitMs);
        QCOMPARE(merged.first().at(2).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &args : customers)
                    for (const auto &c : args.at(0).value<QList<models::Customer>>())
                        if (c.id == m_from)
                            return true;
                return false;
            }(),
            kWaitMs);
        QCOMPARE(page(*sync, m_from), m_fromItems);
        QVERIFY(!page(*sync, m_into).intersects(m_fromItems));
    }

    void customersMergedAwayWhileThisDesktopWasAwayMoveToTheSurvivorOnResync()
    {
        // Three small threads nobody has taken (not the pair above), cached with their items
        // and a draft on the one that will be absorbed.
        QList<qint64> free;
        QVERIFY(!openCache()->write({{}, {}, {}, qint64(0), {}})); // a snapshot to choose from
        {
            auto sync = openSync();
            QSignalSpy resynced(sync.get(), &SyncService::resynced);
            QSignalSpy customers(sync.get(), &SyncService::customersChanged);
            sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
            QVERIFY(resynced.wait(kWaitMs));
            for (const auto &args : customers)
                for (const auto &c : args.at(0).value<QList<models::Customer>>())
                    if (c.assignee.isEmpty() && c.itemCount > 0 && c.itemCount < 40
                        && c.id != m_into && c.id != m_from && !free.contains(c.id)
                        && free.size() < 3)
                        free.append(c.id);
            QCOMPARE(free.size(), 3);
            for (const qint64 id : free)
                QVERIFY(!page(*sync, id).isEmpty());
            models::Draft draft;
            draft.customerId = free.at(2);
            draft.channel = QStringLiteral("note");
            draft.body = QStringLiteral("پیش‌نویسی که نباید گم شود");
            sync->saveDraft(draft);
        }
        const qint64 survivor = free.at(0), middle = free.at(1), absorbed = free.at(2);
        QSet<qint64> cachedItems;
        for (const qint64 id : {middle, absorbed})
            cachedItems += idsOf(openCache()->page(id, 0, 0, 200).items);

        // Meanwhile a colleague merges absorbed into middle, then middle into survivor.
        auto colleague = testing::TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(colleague);
        for (const auto &[into, from] : {std::pair{middle, absorbed}, std::pair{survivor, middle}})
            QCOMPARE(colleague->command(protocol::type::customerMerge,
                                        {{QStringLiteral("into"), into}, {QStringLiteral("from"), from}})
                         .type,
                     protocol::type::ack);
        // This desktop comes back with no usable log position, so it resyncs (a snapshot
        // of customers) instead of replaying the customer.merged events.
        QVERIFY(!openCache()->write({{}, {}, {}, qint64(0), {}}));

        auto sync = openSync();
        QSignalSpy resynced(sync.get(), &SyncService::resynced);
        QSignalSpy merged(sync.get(), &SyncService::customerMergeChanged);
        QSignalSpy gone(sync.get(), &SyncService::customersGone);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(resynced.wait(kWaitMs));
        QSet<qint64> movedAway;
        for (const auto &args : merged) {
            QCOMPARE(args.at(0).toLongLong(), survivor); // the chain ends where the hub says
            QCOMPARE(args.at(2).toBool(), false);
            movedAway.insert(args.at(1).toLongLong());
        }
        QCOMPARE(movedAway, (QSet<qint64>{middle, absorbed}));
        QVERIFY(gone.isEmpty()); // nobody vanished without a merge
        sync.reset();

        auto cache = openCache();
        QVERIFY(!cache->customer(middle));
        QVERIFY(!cache->customer(absorbed));
        QVERIFY(cache->customer(survivor));
        // What was cached of both is the survivor's now, each item once.
        const auto items = cache->page(survivor, 0, 0, 500).items;
        QVERIFY(idsOf(items).contains(cachedItems));
        QCOMPARE(idsOf(items).size(), items.size());
        // The draft followed the customer it was written to.
        bool draftKept = false;
        for (const auto &d : cache->drafts())
            draftKept = draftKept || (d.customerId == survivor
                                      && d.body == QStringLiteral("پیش‌نویسی که نباید گم شود"));
        QVERIFY(draftKept);
    }

private:
    // The newest page of a thread as the desktop would show it.
    QSet<qint64> page(SyncService &sync, qint64 customerId)
    {
        QSignalSpy pages(&sync, &SyncService::pageReady);
        sync.requestPage(customerId, 0, 0, 200);
        if (pages.isEmpty() && !pages.wait(kWaitMs))
            return {};
        return idsOf(pages.last().at(1).value<QList<models::Message>>());
    }

    static qint64 mergeIdIn(const QSignalSpy &messages)
    {
        for (const auto &args : messages)
            for (const auto &m : args.at(0).value<QList<models::Message>>())
                if (m.meta.value(QStringLiteral("event")).toString() == QLatin1String("merged"))
                    return m.meta.value(QStringLiteral("merge_id")).toInteger();
        return 0;
    }

    std::unique_ptr<cache::CacheStore> openCache() { return m_profile.openCache(); }
    std::unique_ptr<SyncService> openSync() { return m_profile.openSync(m_hub.url()); }

    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    testing::SyncProfile m_profile;
    qint64 m_into = 0;
    qint64 m_from = 0;
    qint64 m_mergeId = 0;
    QSet<qint64> m_fromItems;
};

QTEST_GUILESS_MAIN(TestSyncMerge)
#include "tst_sync_merge.moc"
