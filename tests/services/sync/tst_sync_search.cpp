// SPDX-License-Identifier: GPL-3.0-or-later
// Global search through the service layer, against a real threadline-hub on
// loopback: what the cache has comes first, then what only the hub has, merged.
#include "services/cache/cache_store.h"
#include "services/protocol/frame_types.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using services::SyncService;
using testing::HubProcess;
using testing::TestClient;

namespace {
constexpr int kWaitMs = 20000;

QList<models::SearchHit> hitsOf(const QList<QVariant> &args)
{
    return args.at(2).value<QList<models::SearchHit>>();
}

const models::SearchHit *messageHit(const QList<models::SearchHit> &hits, qint64 messageId)
{
    for (const auto &h : hits)
        if (h.kind == models::SearchHit::Kind::Message && h.messageId == messageId)
            return &h;
    return nullptr;
}
} // namespace

class TestSyncSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<models::Customer>>();
        qRegisterMetaType<QList<models::Message>>();
        qRegisterMetaType<QList<models::SearchHit>>();
        QVERIFY(m_hub.start(true));
        QVERIFY(m_hub.addUser(QStringLiteral("colleague"), QStringLiteral("agent"),
                              QStringLiteral("pw")));
        QVERIFY(m_profile.isValid());
        m_colleague = TestClient::signedIn(m_hub.url(), QStringLiteral("colleague"),
                                           QStringLiteral("pw"));
        QVERIFY(m_colleague);
    }

    void localResultsComeFirstThenTheHubsAreMergedWithoutDuplicates()
    {
        // Written before this desktop ever signed in: only the hub has it.
        const qint64 onlyOnHub = note(2, QStringLiteral("بسته زعفرانی‌ها برای شیراز"));
        QVERIFY(onlyOnHub > 0);

        auto sync = openSync();
        QSignalSpy messages(sync.get(), &SyncService::messagesChanged);
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));
        QSignalSpy resynced(sync.get(), &SyncService::resynced);
        QVERIFY(resynced.count() > 0 || resynced.wait(kWaitMs));

        // Written while it is online: it arrives as an event and is cached.
        const qint64 cached = note(3, QStringLiteral("زعفرانی‌ها رسید، ممنون"));
        QTRY_VERIFY_WITH_TIMEOUT(arrived(messages, cached), kWaitMs);

        QSignalSpy results(sync.get(), &SyncService::searchResults);
        // Typed with Arabic yeh: the folding joins it with the Persian spelling.
        sync->search(QStringLiteral("t1"), QStringLiteral("زعفرانيها"));
        QCOMPARE(results.size(), 1); // the cache answers at once, on this thread
        const auto local = hitsOf(results.first());
        QCOMPARE(results.first().at(0).toString(), QStringLiteral("t1"));
        QVERIFY(!results.first().at(3).toBool()); // the hub is still being asked
        QVERIFY(messageHit(local, cached));
        QVERIFY(!messageHit(local, onlyOnHub));
        QVERIFY(!messageHit(local, cached)->fromHub);
        const auto *mine = messageHit(local, cached);
        QCOMPARE(mine->customerId, 3);
        QCOMPARE(mine->highlights.size(), 1);
        QCOMPARE(mine->snippet.mid(mine->highlights.first().start, mine->highlights.first().length),
                 QStringLiteral("زعفرانی‌ها"));

        QVERIFY(results.wait(kWaitMs));
        QVERIFY(results.last().at(3).toBool());
        const auto merged = hitsOf(results.last());
        QVERIFY(messageHit(merged, cached));
        QVERIFY(!messageHit(merged, cached)->fromHub);
        const auto *fromHub = messageHit(merged, onlyOnHub);
        QVERIFY(fromHub);
        QVERIFY(fromHub->fromHub);
        QCOMPARE(fromHub->customerId, 2);
        QCOMPARE(fromHub->channel, QStringLiteral("note")); // shown like a cached one
        QVERIFY(!fromHub->customerName.isEmpty());
        QVERIFY(!fromHub->highlights.isEmpty());
        int copies = 0;
        for (const auto &h : merged)
            copies += h.kind == models::SearchHit::Kind::Message && h.messageId == cached;
        QCOMPARE(copies, 1);
        // The local results keep their place ahead of the hub's.
        QCOMPARE(merged.mid(0, local.size()).size(), local.size());
        QCOMPARE(merged.first().messageId, local.first().messageId);
    }

    void withinOneThreadOnlyThatCustomersMessagesAreFound()
    {
        auto sync = openSync();
        QSignalSpy results(sync.get(), &SyncService::searchResults);
        // Offline (never started): the cache's answer is complete.
        sync->search(QStringLiteral("t2"), QStringLiteral("زعفرانی"), 2);
        QCOMPARE(results.size(), 1);
        QVERIFY(results.first().at(3).toBool());
        for (const auto &h : hitsOf(results.first()))
            QCOMPARE(h.customerId, 2);
    }

    void offlineTheCacheAloneAnswersAndSaysSo()
    {
        auto sync = openSync();
        QSignalSpy results(sync.get(), &SyncService::searchResults);
        sync->search(QStringLiteral("t3"), QStringLiteral("زعفرانی"));
        QCOMPARE(results.size(), 1);
        QVERIFY(results.first().at(3).toBool());
        QVERIFY(!hitsOf(results.first()).isEmpty());
        sync->search(QStringLiteral("t4"), QStringLiteral("   "));
        QCOMPARE(results.size(), 2);
        QVERIFY(hitsOf(results.last()).isEmpty());
    }

private:
    qint64 note(qint64 customerId, const QString &body)
    {
        const auto ack = m_colleague->command(
            protocol::type::addNote,
            {{QStringLiteral("customer_id"), customerId}, {QStringLiteral("body"), body}});
        return ack.data.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")).toInteger();
    }

    static bool arrived(const QSignalSpy &spy, qint64 id)
    {
        for (const auto &args : spy)
            for (const auto &m : args.at(0).value<QList<models::Message>>())
                if (m.id == id)
                    return true;
        return false;
    }

    std::unique_ptr<SyncService> openSync()
    {
        return std::make_unique<SyncService>(
            cache::testing::openOrDie(m_profile.filePath(QStringLiteral("cache.db")), m_key),
            m_hub.url());
    }

    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_profile;
    QByteArray m_key = cache::testing::randomKey();
    std::unique_ptr<TestClient> m_colleague;
};

QTEST_MAIN(TestSyncSearch)
#include "tst_sync_search.moc"
