// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache_test_support.h"
#include "services/cache/cache_store.h"
#include "services/cache/migrations.h"
#include "services/cache/sqlcipher_database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

/// Rows as a build at `version` would have written them, in that version's SQL.
void seedAtVersion(Database &db, int version)
{
    if (version >= 1) {
        QVERIFY(!db.exec(QStringLiteral(
            "INSERT INTO customers (id, name, identities, status, last_at)"
            " VALUES (5, 'نرگس', '[{\"kind\":\"phone\",\"value\":\"+989120000005\"}]', 'open', "
            "900);"
            "INSERT INTO messages (hub_id, client_id, customer_id, channel, direction, body, at,"
            " sort_at, delivery) VALUES (1, NULL, 5, 'sms', 'in', 'سلام', 800, 800, 'received');"
            "INSERT INTO messages (hub_id, client_id, customer_id, channel, direction, body, at,"
            " sort_at, delivery) VALUES (2, 'c-9', 5, 'chat', 'out', 'بفرمایید', 900, 900, 'sent');"
            "INSERT INTO sync_state (name, value) VALUES ('last_seq', 77);")));
    }
    if (version >= 2) {
        QVERIFY(!db.exec(QStringLiteral(
            "INSERT INTO messages (hub_id, client_id, customer_id, channel, direction, body, at,"
            " sort_at, delivery) VALUES (NULL, 'c-10', 5, 'chat', 'out', 'در راه', 950, 950, "
            "'pending');"
            "INSERT INTO outbox (client_id, command_type, command_data, created_at)"
            " VALUES ('c-10', 'message.send', '{}', 950);"
            "INSERT INTO customer_history (customer_id, fresh, complete) VALUES (5, 1, 1);")));
    }
}

} // namespace

class TestCacheMigrations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aCacheFromEachEarlierVersionOpensWithItsDataIntact_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 0; v < latestSchemaVersion(); ++v)
            QTest::addRow("from version %d", v) << v;
    }

    void aCacheFromEachEarlierVersionOpensWithItsDataIntact()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        const QByteArray key = randomKey();
        {
            auto opened = Database::open(path, key);
            QVERIFY(std::holds_alternative<Database>(opened));
            auto &db = std::get<Database>(opened);
            QVERIFY(!migrate(db, version));
            QCOMPARE(std::get<qint64>(db.userVersion()), version);
            seedAtVersion(db, version);
        }

        auto opened = CacheStore::open(path, key);
        QVERIFY(std::holds_alternative<std::unique_ptr<CacheStore>>(opened));
        auto &store = std::get<std::unique_ptr<CacheStore>>(opened);
        if (version >= 1) {
            QCOMPARE(store->lastSeq(), 77);
            QCOMPARE(store->customer(5)->name, QStringLiteral("نرگس"));
            QCOMPARE(store->customer(5)->identities.size(), 1);
            const auto page = store->page(5, 0, 0, 10);
            QCOMPARE(page.items.size(), version >= 2 ? 3 : 2);
            QCOMPARE(page.items.last().body, QStringLiteral("سلام"));
        }
        if (version >= 2) {
            QCOMPARE(store->outbox().size(), 1);
            QVERIFY(store->historyComplete(5));
        }
        // Everything the latest schema offers works on the migrated file.
        QVERIFY(!store->addToOutbox(localEcho(QStringLiteral("new"), 5, 1000, QStringLiteral("x")),
                                    QStringLiteral("message.send"), {}));
        QVERIFY(
            !store->replaceRecentHistory(5, {hubMessage(3, 5, 990, QStringLiteral("y"))}, false));
        QVERIFY(store->historyFresh(5));
        QVERIFY(!store->replaceCannedResponses({QJsonObject{{QStringLiteral("id"), 6},
                                                            {QStringLiteral("title"), QStringLiteral("سلام")},
                                                            {QStringLiteral("body"), QStringLiteral("…")}}}));
        QVERIFY(!store->deleteCannedResponse(7)); // not there: nothing to do, no error
        QCOMPARE(store->cannedResponses().size(), 1);
        QVERIFY(!store->verify());
    }

    void aCacheFromANewerBuildIsRefusedNotTouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        const QByteArray key = randomKey();
        {
            auto opened = Database::open(path, key);
            QVERIFY(!std::get<Database>(opened).setUserVersion(latestSchemaVersion() + 1));
        }
        auto opened = CacheStore::open(path, key);
        QVERIFY(std::holds_alternative<CacheError>(opened));
        QCOMPARE(std::get<CacheError>(opened).code, errc::newerSchema.toString());
        auto db = Database::open(path, key);
        QCOMPARE(std::get<qint64>(std::get<Database>(db).userVersion()), latestSchemaVersion() + 1);
    }
};

QTEST_GUILESS_MAIN(TestCacheMigrations)
#include "tst_cache_migrations.moc"
