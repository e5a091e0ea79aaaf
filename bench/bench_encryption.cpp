// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 7, encryption cost: the cache's insert + page scenario on plain SQLite
// and on SQLCipher, as a ratio. Both run in this one binary on libsqlcipher: the
// plain case is SQLCipher opened without PRAGMA key, which is plain SQLite (linking
// libsqlite3 beside libsqlcipher crashes). The SQL, schema, pragmas and batching are
// the cache's own (services/cache: migrations.cpp, sqlcipher_database.cpp,
// cache_store.cpp); the text is bound as prepared UTF-8 so the ratio shows the
// storage layer's cost, not Qt's string conversions.
#include "bench/bench_support.h"
#include "bench/thread_content.h"
#include "services/cache/cipher_provider.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlcipher/sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <random>

using namespace threadline;

namespace {

constexpr int kMessages = 200'000;
constexpr int kCustomers = 20;
constexpr int kBatch = 1000;
constexpr int kPages = 2000;
constexpr int kPageRows = 50;

// Schema version 1's messages table and its indexes (services/cache/migrations.cpp).
constexpr auto kSchema =
    "CREATE TABLE messages (row INTEGER PRIMARY KEY, hub_id INTEGER, client_id TEXT,"
    " customer_id INTEGER NOT NULL, channel TEXT, direction TEXT, author TEXT, identity TEXT,"
    " subject TEXT, body TEXT, quoted TEXT, at INTEGER NOT NULL, sort_at INTEGER NOT NULL,"
    " delivery TEXT NOT NULL, failure_reason TEXT, meta TEXT);"
    "CREATE UNIQUE INDEX messages_by_hub_id ON messages(hub_id);"
    "CREATE UNIQUE INDEX messages_by_client_id ON messages(client_id);"
    "CREATE INDEX messages_by_thread ON messages(customer_id, sort_at, row);";

struct Row {
    qint64 id, customerId, at;
    QByteArray channel, direction, author, identity, subject, body, quoted, meta;
};

/// THREADLINE_BENCH_STOCK_PROVIDER=1 measures SQLCipher's own OpenSSL provider instead
/// (what the cache used before cipher_provider.cpp), for the before/after comparison.
bool g_ourProvider = false; ///< whether the encrypted runs used cipher_provider.cpp's

bool providerWanted()
{
    return qEnvironmentVariableIntValue("THREADLINE_BENCH_STOCK_PROVIDER") == 0;
}

void check(sqlite3 *db, int rc, const char *what)
{
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
        return;
    std::fprintf(stderr, "%s failed: %d %s\n", what, rc, sqlite3_errmsg(db));
    std::exit(1);
}

void exec(sqlite3 *db, const char *sql)
{
    check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql);
}

sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = nullptr;
    check(db, sqlite3_prepare_v2(db, sql, -1, &s, nullptr), sql);
    return s;
}

void bindText(sqlite3_stmt *s, int i, const QByteArray &t)
{
    if (t.isEmpty())
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_text(s, i, t.constData(), int(t.size()), SQLITE_STATIC);
}

struct Timing {
    double insertMs = 0;
    double pageMs = 0;
    double total() const { return insertMs + pageMs; }
};

Timing runScenario(const QString &path, bool encrypted, const QList<Row> &rows, int batch)
{
    bench::removeCache(path);
    sqlite3 *db = nullptr;
    check(db,
          sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                          nullptr),
          "open");
    if (encrypted) {
        // As Database::open: our page cipher provider (cipher_provider.h), a raw key (no key
        // derivation), then the pinned cipher settings.
        if (providerWanted() && !cache::installCipherProvider()) {
            std::fprintf(stderr, "the cache's cipher provider could not be installed\n");
            std::exit(1);
        }
        const QByteArray sql = "PRAGMA key = \"x'" + bench::benchKey().toHex() +
                               "'\";"
                               "PRAGMA cipher_page_size = 4096; PRAGMA kdf_iter = 64000;";
        exec(db, sql.constData());
        g_ourProvider = cache::cipherProviderIsOurs();
    } else {
        exec(db, "PRAGMA page_size = 4096;");
    }
    exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;");
    exec(db, kSchema);

    Timing timing;
    QElapsedTimer t;
    t.start();
    // CacheStore::upsertMessage: look the hub id up, then insert.
    sqlite3_stmt *lookup = prepare(db, "SELECT row FROM messages WHERE hub_id = ?1");
    sqlite3_stmt *insert = prepare(
        db, "INSERT INTO messages (hub_id, client_id, customer_id, channel, direction, author,"
            " identity, subject, body, quoted, at, delivery, failure_reason, meta, sort_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?11)");
    static const QByteArray received("received");
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i % batch == 0)
            exec(db, "BEGIN IMMEDIATE");
        const Row &r = rows.at(i);
        sqlite3_bind_int64(lookup, 1, r.id);
        check(db, sqlite3_step(lookup), "lookup");
        sqlite3_reset(lookup);
        sqlite3_bind_int64(insert, 1, r.id);
        sqlite3_bind_null(insert, 2);
        sqlite3_bind_int64(insert, 3, r.customerId);
        bindText(insert, 4, r.channel);
        bindText(insert, 5, r.direction);
        bindText(insert, 6, r.author);
        bindText(insert, 7, r.identity);
        bindText(insert, 8, r.subject);
        bindText(insert, 9, r.body);
        bindText(insert, 10, r.quoted);
        sqlite3_bind_int64(insert, 11, r.at);
        bindText(insert, 12, received);
        sqlite3_bind_null(insert, 13);
        bindText(insert, 14, r.meta);
        check(db, sqlite3_step(insert), "insert");
        sqlite3_reset(insert);
        sqlite3_clear_bindings(insert);
        if (i % batch == batch - 1 || i == rows.size() - 1)
            exec(db, "COMMIT");
    }
    sqlite3_finalize(lookup);
    sqlite3_finalize(insert);
    timing.insertMs = bench::msSince(t);

    // CacheStore::page: the newest page of a thread, and the next older one.
    t.restart();
    sqlite3_stmt *newest = prepare(
        db, "SELECT row, hub_id, client_id, customer_id, channel, direction, author, identity,"
            " subject, body, quoted, at, delivery, failure_reason, meta, sort_at FROM messages"
            " WHERE customer_id = ?1 ORDER BY sort_at DESC, row DESC LIMIT ?2");
    sqlite3_stmt *older = prepare(
        db, "SELECT row, hub_id, client_id, customer_id, channel, direction, author, identity,"
            " subject, body, quoted, at, delivery, failure_reason, meta, sort_at FROM messages"
            " WHERE customer_id = ?1 AND sort_at <= ?3 AND (sort_at < ?3 OR row < ?4)"
            " ORDER BY sort_at DESC, row DESC LIMIT ?2");
    std::mt19937 rng(5);
    qint64 bytesRead = 0;
    auto readPage = [&](sqlite3_stmt *s, qint64 &lastAt, qint64 &lastRow) {
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            for (int c = 0; c < 16; ++c)
                bytesRead += sqlite3_column_bytes(s, c);
            lastRow = sqlite3_column_int64(s, 0);
            lastAt = sqlite3_column_int64(s, 15);
        }
        check(db, rc, "page");
        sqlite3_reset(s);
    };
    for (int p = 0; p < kPages; ++p) {
        const qint64 customer = std::uniform_int_distribution<int>(1, kCustomers)(rng);
        qint64 lastAt = 0, lastRow = 0;
        sqlite3_bind_int64(newest, 1, customer);
        sqlite3_bind_int64(newest, 2, kPageRows + 1);
        readPage(newest, lastAt, lastRow);
        sqlite3_bind_int64(older, 1, customer);
        sqlite3_bind_int64(older, 2, kPageRows + 1);
        sqlite3_bind_int64(older, 3, lastAt);
        sqlite3_bind_int64(older, 4, lastRow);
        readPage(older, lastAt, lastRow);
    }
    sqlite3_finalize(newest);
    sqlite3_finalize(older);
    timing.pageMs = bench::msSince(t);
    if (bytesRead == 0)
        std::exit(1);
    sqlite3_close_v2(db);
    bench::removeCache(path);
    return timing;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bench::ThreadContent content(9);
    QList<Row> rows;
    rows.reserve(kMessages);
    for (int i = 1; i <= kMessages; ++i) {
        const auto m =
            content.item(i, 1 + (i - 1) % kCustomers, 1'704'067'200'000 + qint64(i) * 60'000);
        rows.append({m.id, m.customerId, m.at, m.channel.toUtf8(), m.direction.toUtf8(),
                     m.author.toUtf8(), m.identity.toUtf8(), m.subject.toUtf8(), m.body.toUtf8(),
                     m.quoted.toUtf8(),
                     m.meta.isEmpty() ? QByteArray()
                                      : QJsonDocument(m.meta).toJson(QJsonDocument::Compact)});
    }

    const QString dir = bench::dataDir();
    // Alternate and keep each side's best of three, so a noisy neighbour on a
    // shared machine penalises neither side more than the other.
    Timing plain{1e18, 1e18}, cipher{1e18, 1e18};
    for (int round = 0; round < 3; ++round) {
        const Timing p = runScenario(dir + QStringLiteral("/plain.db"), false, rows, kBatch);
        const Timing c = runScenario(dir + QStringLiteral("/cipher.db"), true, rows, kBatch);
        plain = {std::min(plain.insertMs, p.insertMs), std::min(plain.pageMs, p.pageMs)};
        cipher = {std::min(cipher.insertMs, c.insertMs), std::min(cipher.pageMs, c.pageMs)};
    }
    // The same rows in ONE transaction (machine-notes.md's 1.2x case): each commit
    // re-encrypts the pages it dirtied, so small batches pay the cipher more often.
    Timing plainOne{1e18, 1e18}, cipherOne{1e18, 1e18};
    for (int round = 0; round < 2; ++round) {
        const Timing p = runScenario(dir + QStringLiteral("/plain.db"), false, rows, kMessages);
        const Timing c = runScenario(dir + QStringLiteral("/cipher.db"), true, rows, kMessages);
        plainOne.insertMs = std::min(plainOne.insertMs, p.insertMs);
        cipherOne.insertMs = std::min(cipherOne.insertMs, c.insertMs);
    }
    const double ratio = cipher.total() / plain.total();
    bench::report({
        {QStringLiteral("name"), QStringLiteral("encryption_cost")},
        {QStringLiteral("figure"), bench::round2(cipher.total())},
        {QStringLiteral("unit"), QStringLiteral("ms (SQLCipher)")},
        {QStringLiteral("target"), QStringLiteral("ratio <= 1.3")},
        {QStringLiteral("pass"), ratio <= 1.3},
        {QStringLiteral("baseline"), bench::round2(plain.total())},
        {QStringLiteral("ratio"), bench::round2(ratio)},
        {QStringLiteral("insert_ratio"), bench::round2(cipher.insertMs / plain.insertMs)},
        {QStringLiteral("page_ratio"), bench::round2(cipher.pageMs / plain.pageMs)},
        {QStringLiteral("plain_insert_ms"), qRound(plain.insertMs)},
        {QStringLiteral("cipher_insert_ms"), qRound(cipher.insertMs)},
        {QStringLiteral("plain_page_ms"), qRound(plain.pageMs)},
        {QStringLiteral("cipher_page_ms"), qRound(cipher.pageMs)},
        {QStringLiteral("one_transaction_insert_ratio"),
         bench::round2(cipherOne.insertMs / plainOne.insertMs)},
        {QStringLiteral("messages"), kMessages},
        {QStringLiteral("batch"), kBatch},
        {QStringLiteral("pages"), kPages * 2},
        {QStringLiteral("cipher_page_size"), 4096},
        {QStringLiteral("cipher_provider"),
         g_ourProvider ? QStringLiteral("threadline (OpenSSL 3, contexts kept)")
                       : QStringLiteral("SQLCipher's own")},
    });
    return 0;
}
