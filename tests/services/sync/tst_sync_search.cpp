// SPDX-License-Identifier: GPL-3.0-or-later
// Global search through the service layer, against a real threadline-hub on
// loopback: what the cache has comes first, then what only the hub has, merged.
#include "services/cache/cache_store.h"
#include "services/protocol/frame_types.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace threadline;
using cache::Database;
using cache::Statement;
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

QList<qint64> messageIds(const QList<models::SearchHit> &hits)
{
    QList<qint64> ids;
    for (const auto &h : hits)
        if (h.kind == models::SearchHit::Kind::Message)
            ids.append(h.messageId);
    return ids;
}

/// A second connection to a desktop's cache file, for what the service does not say
/// about its cache: what waits for the search index, and what the index itself holds.
struct CacheFile {
    CacheFile(const QString &path, const QByteArray &key) : opened(Database::open(path, key))
    {
        if (auto *error = std::get_if<cache::CacheError>(&opened))
            qFatal("cache: %s", qPrintable(error->message));
    }
    Database &db() { return std::get<Database>(opened); }
    qint64 scalar(const QString &sql, const QString &bound = QString())
    {
        auto s = db().prepare(sql);
        if (!bound.isNull())
            s.bind(1, bound);
        return s.step() == Statement::Step::Row ? s.columnInt64(0) : -1;
    }
    /// Messages stored with indexSearchLater that the search index does not hold yet.
    qint64 waitingForIndex() { return scalar(QStringLiteral("SELECT count(*) FROM search_pending")); }
    /// Messages the index finds by @p word as it is (no catching up first, as a search does).
    qint64 indexedWith(const QString &word)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM message_search WHERE message_search MATCH ?1"),
                      QLatin1Char('"') + word + QLatin1Char('"'));
    }
    QSet<qint64> storedHubIds(qint64 customerId)
    {
        QSet<qint64> ids;
        auto s = db().prepare(
            QStringLiteral("SELECT hub_id FROM messages WHERE customer_id = ?1 AND hub_id > 0"));
        s.bind(1, customerId);
        while (s.step() == Statement::Step::Row)
            ids.insert(s.columnInt64(0));
        return ids;
    }
    /// FTS4's own check: the index holds exactly the words of every cached message.
    bool indexMatchesMessages()
    {
        const auto e = db().exec(QStringLiteral(
            "INSERT INTO message_search(message_search) VALUES ('integrity-check')"));
        if (e)
            qWarning("%s", qPrintable(e->message));
        return !e;
    }
    std::variant<Database, cache::CacheError> opened;
};
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

    void aBurstReplayedOnReconnectIsStoredAndIndexedOnceItIsOverWithoutAnySearch()
    {
        QTemporaryDir profile;
        const QByteArray key = cache::testing::randomKey();
        QVERIFY(signInOnceAndClose(profile, key));
        // A night's notes, written while this desktop was closed: replayed as one burst.
        const QString word = QStringLiteral("nightshift");
        const QList<qint64> burst = postNotes(4, word, kBurst);
        QCOMPARE(burst.size(), kBurst);

        CacheFile file(profile.filePath(QStringLiteral("cache.db")), key);
        QList<qsizetype> batches;
        qint64 mostWaiting = 0;
        auto sync = openSync(profile, key);
        // Runs inside the service's flush, right after a batch was written and before
        // the quiet timer can fire: what a burst's batches leave waiting for the index.
        connect(sync.get(), &SyncService::messagesChanged, sync.get(),
                [&](const QList<models::Message> &batch) {
                    batches.append(batch.size());
                    mostWaiting = std::max(mostWaiting, file.waitingForIndex());
                });
        QSignalSpy messages(sync.get(), &SyncService::messagesChanged);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(arrivedAll(messages, burst), kWaitMs);
        const QSet<qint64> stored = file.storedHubIds(4);
        for (const qint64 id : burst)
            QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("message %1 not cached").arg(id)));
        // The burst was shown before it was indexed (else this test proves nothing).
        QVERIFY2(mostWaiting > 0, qPrintable(QStringLiteral("nothing waited; batches of %1")
                                                  .arg(sizes(batches))));

        // No search is made: the service indexes the burst by itself once it is over.
        QTRY_COMPARE_WITH_TIMEOUT(file.waitingForIndex(), 0, kWaitMs);
        QCOMPARE(file.indexedWith(word), kBurst);
        QVERIFY(file.indexMatchesMessages());

        QSignalSpy results(sync.get(), &SyncService::searchResults);
        sync->search(QStringLiteral("oldest"), word + QStringLiteral(" 000"));
        sync->search(QStringLiteral("newest"),
                     word + QStringLiteral(" %1").arg(kBurst - 1, 3, 10, QLatin1Char('0')));
        QCOMPARE(results.size(), 2); // the cache's answers, at once
        QCOMPARE(results.at(0).at(0).toString(), QStringLiteral("oldest"));
        QCOMPARE(messageIds(hitsOf(results.at(0))), QList<qint64>{burst.first()});
        QCOMPARE(results.at(1).at(0).toString(), QStringLiteral("newest"));
        QCOMPARE(messageIds(hitsOf(results.at(1))), QList<qint64>{burst.last()});
    }

    void aSearchRightAfterABurstBeforeItIsIndexedFindsEveryMessageOfIt()
    {
        QTemporaryDir profile;
        const QByteArray key = cache::testing::randomKey();
        QVERIFY(signInOnceAndClose(profile, key));
        const QString word = QStringLiteral("morningrush");
        const QList<qint64> burst = postNotes(5, word, kBurst);
        QCOMPARE(burst.size(), kBurst);

        CacheFile file(profile.filePath(QStringLiteral("cache.db")), key);
        qint64 waitingBefore = -1;
        qint64 waitingAfter = -1;
        qint64 indexedAfter = -1;
        auto sync = openSync(profile, key);
        QSignalSpy results(sync.get(), &SyncService::searchResults);
        // The agent searches the moment the burst's newest message is shown: inside the
        // flush that stored it, so the quiet period has certainly not passed.
        connect(sync.get(), &SyncService::messagesChanged, sync.get(),
                [&](const QList<models::Message> &batch) {
                    const bool last = std::any_of(batch.cbegin(), batch.cend(),
                                                  [&](const auto &m) { return m.id == burst.last(); });
                    if (!last || waitingBefore >= 0)
                        return;
                    waitingBefore = file.waitingForIndex();
                    sync->search(QStringLiteral("oldest"), word + QStringLiteral(" 000"));
                    waitingAfter = file.waitingForIndex();
                    indexedAfter = file.indexedWith(word);
                    sync->search(QStringLiteral("all"), word);
                });
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(waitingBefore >= 0, kWaitMs);
        QVERIFY2(waitingBefore > 0, "nothing waited for the index when the search was made");
        // That one search indexed everything waiting, the whole burst.
        QCOMPARE(waitingAfter, 0);
        QCOMPARE(indexedAfter, kBurst);

        QVERIFY(results.size() >= 2); // the cache's answers came at once, in the flush
        QCOMPARE(results.at(0).at(0).toString(), QStringLiteral("oldest"));
        QCOMPARE(messageIds(hitsOf(results.at(0))), QList<qint64>{burst.first()});
        QCOMPARE(results.at(1).at(0).toString(), QStringLiteral("all"));
        // As many as a search shows (50), the burst's newest first.
        const QList<qint64> shown = messageIds(hitsOf(results.at(1)));
        QCOMPARE(shown.size(), 50);
        QList<qint64> newest = burst.mid(burst.size() - shown.size());
        std::reverse(newest.begin(), newest.end());
        QCOMPARE(shown, newest);
        QVERIFY(file.indexMatchesMessages());
    }

private:
    static constexpr int kBurst = 400; // 100 or more messages in a batch are a burst

    /// A fresh desktop's first sign-in (a resync, no messages), so that the next start
    /// replays everything written meanwhile.
    bool signInOnceAndClose(const QTemporaryDir &profile, const QByteArray &key)
    {
        auto sync = openSync(profile, key);
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        QSignalSpy resynced(sync.get(), &SyncService::resynced);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        return signedIn.wait(kWaitMs) && (resynced.count() > 0 || resynced.wait(kWaitMs))
               && sync->appliedSeq() > 0;
    }

    /// @p count notes by the colleague, "<word> شماره 000" and on; their ids, oldest first.
    QList<qint64> postNotes(qint64 customerId, const QString &word, int count)
    {
        QList<qint64> ids;
        for (int i = 0; i < count; ++i) {
            const qint64 id = note(customerId, QStringLiteral("%1 شماره %2 از صف شب")
                                                   .arg(word)
                                                   .arg(i, 3, 10, QLatin1Char('0')));
            if (id <= 0)
                return ids;
            ids.append(id);
        }
        return ids;
    }

    static bool arrivedAll(const QSignalSpy &spy, const QList<qint64> &ids)
    {
        QSet<qint64> seen;
        for (const auto &args : spy)
            for (const auto &m : args.at(0).value<QList<models::Message>>())
                seen.insert(m.id);
        return std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) { return seen.contains(id); });
    }

    static QString sizes(const QList<qsizetype> &batches)
    {
        QStringList out;
        for (const qsizetype n : batches)
            out.append(QString::number(n));
        return out.join(QLatin1Char(' '));
    }

    std::unique_ptr<SyncService> openSync(const QTemporaryDir &profile, const QByteArray &key)
    {
        return std::make_unique<SyncService>(
            cache::testing::openOrDie(profile.filePath(QStringLiteral("cache.db")), key),
            m_hub.url());
    }

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
