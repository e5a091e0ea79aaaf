// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache_test_support.h"
#include "services/cache/sqlcipher_database.h"
#include "services/cache/wal_checkpointer.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

constexpr int kRowBytes = 3000; // under a page, so each row is about a page of log

std::optional<CacheError> writeRows(Database &db, int from, int count)
{
    Transaction tx(db);
    if (auto e = tx.begin())
        return e;
    for (int i = from; i < from + count; ++i) {
        auto s = db.prepare(QStringLiteral("INSERT INTO rows (id, text) VALUES (?1, ?2)"));
        s.bind(1, i).bind(2, QString(kRowBytes, QLatin1Char('a' + i % 26)));
        if (auto e = s.exec())
            return e;
    }
    return tx.commit();
}

Database &openedOrDie(std::variant<Database, CacheError> &opened)
{
    if (auto *e = std::get_if<CacheError>(&opened))
        qFatal("open failed: %s", qPrintable(e->message));
    return std::get<Database>(opened);
}

/// A new cache file with an empty table of rows; the caller keeps @p opened alive.
Database &newFileWithRows(std::variant<Database, CacheError> &opened)
{
    Database &db = openedOrDie(opened);
    if (db.exec(QStringLiteral("CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT)")))
        qFatal("cannot create the table");
    return db;
}

} // namespace

class TestWalCheckpointer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theLogIsCopiedBackOnItsOwnThreadWhileTheWriterGoesOn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        const QByteArray key = randomKey();
        {
            auto opened = Database::open(path, key);
            Database &writer = newFileWithRows(opened);
            auto started = WalCheckpointer::start(writer, key);
            QVERIFY(std::holds_alternative<std::unique_ptr<WalCheckpointer>>(started));
            auto &checkpointer = std::get<std::unique_ptr<WalCheckpointer>>(started);
            const qint64 fileBefore = QFileInfo(path).size();

            // Past the 1,000 pages at which SQLite would checkpoint inside a commit.
            for (int batch = 0; batch < 12; ++batch)
                QVERIFY(!writeRows(writer, batch * 100, 100));
            QTRY_VERIFY(checkpointer->checkpointsDone() > 0);
            QTRY_VERIFY(QFileInfo(path).size() > fileBefore + 1000 * 4096);
            checkpointer.reset(); // before the writer closes
        }

        // Everything written is there, and the file is sound, after a reopen.
        auto reopened = Database::open(path, key);
        Database &again = openedOrDie(reopened);
        auto count = again.prepare(QStringLiteral("SELECT count(*), sum(length(text)) FROM rows"));
        QCOMPARE(count.step(), Statement::Step::Row);
        QCOMPARE(count.columnInt64(0), 1200);
        QCOMPARE(count.columnInt64(1), qint64(1200) * kRowBytes);
        auto check = again.prepare(QStringLiteral("PRAGMA integrity_check"));
        QCOMPARE(check.step(), Statement::Step::Row);
        QCOMPARE(check.columnText(0), QStringLiteral("ok"));
    }

    void withoutItTheWriterCheckpointsAsSQLiteAlwaysDid()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        const QByteArray key = randomKey();
        auto opened = Database::open(path, key);
        Database &writer = newFileWithRows(opened);
        {
            auto started = WalCheckpointer::start(writer, key);
            QVERIFY(std::holds_alternative<std::unique_ptr<WalCheckpointer>>(started));
        } // stopped: the hook goes back to SQLite's autocheckpoint
        const qint64 fileBefore = QFileInfo(path).size();
        for (int batch = 0; batch < 12; ++batch)
            QVERIFY(!writeRows(writer, batch * 100, 100));
        // The commit that passed 1,000 pages copied them itself, before returning.
        QVERIFY(QFileInfo(path).size() > fileBefore + 1000 * 4096);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_wal_checkpointer.moc"
