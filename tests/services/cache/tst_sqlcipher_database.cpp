// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache_test_support.h"
#include "services/cache/cache_store.h"
#include "services/cache/sqlcipher_database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

Database openOrFail(const QString &path, const QByteArray &key)
{
    auto r = Database::open(path, key);
    if (auto *e = std::get_if<CacheError>(&r))
        qFatal("open failed: %s %s", qPrintable(e->code), qPrintable(e->message));
    return std::move(std::get<Database>(r));
}

QString errorCodeOfOpen(const QString &path, const QByteArray &key)
{
    auto r = Database::open(path, key);
    if (auto *e = std::get_if<CacheError>(&r))
        return e->code;
    return QStringLiteral("opened");
}

/// A cache with enough rows to span many pages, closed again.
void createFilledCache(const QString &path, const QByteArray &key)
{
    auto opened = CacheStore::open(path, key);
    QVERIFY(std::holds_alternative<std::unique_ptr<CacheStore>>(opened));
    auto &store = std::get<std::unique_ptr<CacheStore>>(opened);
    CacheWrite w;
    for (int i = 1; i <= 2000; ++i)
        w.messages.append(hubMessage(i, 7, 1000 + i, QStringLiteral("پیام شماره %1").arg(i)));
    w.lastSeq = 2000;
    QVERIFY(!store->write(w));
}

} // namespace

class TestSqlcipherDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void aNewCacheUsesWalAndReportsItsCipherVersion()
    {
        Database db = openOrFail(m_dir.filePath(QStringLiteral("a.db")), randomKey());
        QVERIFY(db.cipherVersion().startsWith(QLatin1String("3.")) ||
                db.cipherVersion().startsWith(QLatin1String("4.")));
        QVERIFY(db.cipherMajorVersion() >= 3);
        auto s = db.prepare(QStringLiteral("PRAGMA journal_mode"));
        QCOMPARE(s.step(), Statement::Step::Row);
        QCOMPARE(s.columnText(0), QStringLiteral("wal"));
    }

    void aKeyThatIsNot32BytesIsRefused()
    {
        QCOMPARE(errorCodeOfOpen(m_dir.filePath(QStringLiteral("b.db")), QByteArray(16, 'k')),
                 errc::badKey.toString());
    }

    void theRightKeyReadsBackWhatWasWritten()
    {
        const QString path = m_dir.filePath(QStringLiteral("c.db"));
        const QByteArray key = randomKey();
        {
            Database db = openOrFail(path, key);
            QVERIFY(!db.exec(QStringLiteral("CREATE TABLE t (v TEXT)")));
            auto s = db.prepare(QStringLiteral("INSERT INTO t VALUES (?1)"));
            s.bind(1, QStringLiteral("سلام، خوبی؟ مرحبا"));
            QVERIFY(!s.exec());
            QVERIFY(!db.setUserVersion(9));
        }
        Database db = openOrFail(path, key);
        auto s = db.prepare(QStringLiteral("SELECT v FROM t"));
        QCOMPARE(s.step(), Statement::Step::Row);
        QCOMPARE(s.columnText(0), QStringLiteral("سلام، خوبی؟ مرحبا"));
        QCOMPARE(std::get<qint64>(db.userVersion()), 9);
    }

    void aWrongKeyIsReportedAsWrongKey()
    {
        const QString path = m_dir.filePath(QStringLiteral("d.db"));
        const QByteArray key = randomKey();
        createFilledCache(path, key);
        QCOMPARE(errorCodeOfOpen(path, randomKey()), errc::wrongKey.toString());
        QCOMPARE(errorCodeOfOpen(path, key), QStringLiteral("opened")); // nothing was harmed
    }

    void aTruncatedFileIsReportedAsCorrupt()
    {
        const QString path = m_dir.filePath(QStringLiteral("e.db"));
        const QByteArray key = randomKey();
        createFilledCache(path, key);
        QFile f(path);
        QVERIFY(f.size() > 3 * 4096);
        QVERIFY(f.resize(f.size() - 1000));
        QCOMPARE(errorCodeOfOpen(path, key), errc::corrupt.toString());
    }

    void aFileTruncatedAtAPageBoundaryIsCorruptAtOpenOrVerify()
    {
        const QString path = m_dir.filePath(QStringLiteral("f.db"));
        const QByteArray key = randomKey();
        createFilledCache(path, key);
        QFile f(path);
        QVERIFY(f.resize(2 * 4096));
        auto opened = CacheStore::open(path, key);
        if (auto *e = std::get_if<CacheError>(&opened)) {
            QCOMPARE(e->code, errc::corrupt.toString());
            return;
        }
        auto &store = std::get<std::unique_ptr<CacheStore>>(opened);
        const auto problem = store->verify();
        QVERIFY(problem.has_value());
        QCOMPARE(problem->code, errc::corrupt.toString());
    }

    void aDamagedPageInTheMiddleIsFoundByVerify()
    {
        const QString path = m_dir.filePath(QStringLiteral("m.db"));
        const QByteArray key = randomKey();
        createFilledCache(path, key);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 middlePage = (f.size() / 4096) / 2;
        QVERIFY(middlePage > 1);
        QVERIFY(f.seek(middlePage * 4096 + 100));
        f.write(QByteArray(64, '\x5a'));
        f.close();

        auto opened = CacheStore::open(path, key); // page 1 is intact, so this works
        QVERIFY(std::holds_alternative<std::unique_ptr<CacheStore>>(opened));
        const auto problem = std::get<std::unique_ptr<CacheStore>>(opened)->verify();
        QVERIFY(problem.has_value());
        QCOMPARE(problem->code, errc::corrupt.toString());
    }

    void aGarbageFileIsReportedAsCorrupt()
    {
        const QString path = m_dir.filePath(QStringLiteral("g.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArrayLiteral("This is a shopping list, not a database.\n").repeated(300));
        f.close();
        QCOMPARE(errorCodeOfOpen(path, randomKey()), errc::corrupt.toString());
    }

    void anUnencryptedSqliteFileIsReportedAsCorrupt()
    {
        const QString path = m_dir.filePath(QStringLiteral("h.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray page(4096, '\0');
        page.replace(0, 16, QByteArray("SQLite format 3\0", 16));
        f.write(page);
        f.close();
        QCOMPARE(errorCodeOfOpen(path, randomKey()), errc::corrupt.toString());
    }

    void aTransactionRollsBackUnlessCommitted()
    {
        Database db = openOrFail(m_dir.filePath(QStringLiteral("i.db")), randomKey());
        QVERIFY(!db.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")));
        {
            Transaction tx(db);
            QVERIFY(!tx.begin());
            QVERIFY(!db.prepare(QStringLiteral("INSERT INTO t VALUES (1)")).exec());
        }
        {
            Transaction tx(db);
            QVERIFY(!tx.begin());
            QVERIFY(!db.prepare(QStringLiteral("INSERT INTO t VALUES (2)")).exec());
            QVERIFY(!tx.commit());
        }
        auto s = db.prepare(QStringLiteral("SELECT group_concat(v) FROM t"));
        QCOMPARE(s.step(), Statement::Step::Row);
        QCOMPARE(s.columnText(0), QStringLiteral("2"));
    }

    void theSameStatementCanBeUsedWhileItIsBorrowed()
    {
        Database db = openOrFail(m_dir.filePath(QStringLiteral("j.db")), randomKey());
        QVERIFY(
            !db.exec(QStringLiteral("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2);")));
        const QString sql = QStringLiteral("SELECT v FROM t WHERE v >= ?1 ORDER BY v");
        auto outer = db.prepare(sql);
        outer.bind(1, qint64(1));
        QCOMPARE(outer.step(), Statement::Step::Row);
        {
            auto inner = db.prepare(sql); // nested: must not reset the outer cursor
            inner.bind(1, qint64(2));
            QCOMPARE(inner.step(), Statement::Step::Row);
            QCOMPARE(inner.columnInt64(0), 2);
        }
        QCOMPARE(outer.columnInt64(0), 1);
        QCOMPARE(outer.step(), Statement::Step::Row);
        QCOMPARE(outer.columnInt64(0), 2);
    }

    void aBrokenStatementReportsAStableCode()
    {
        Database db = openOrFail(m_dir.filePath(QStringLiteral("k.db")), randomKey());
        QVERIFY(!db.exec(
            QStringLiteral("CREATE TABLE t (v INTEGER UNIQUE); INSERT INTO t VALUES (1);")));
        auto dup = db.prepare(QStringLiteral("INSERT INTO t VALUES (1)")).exec();
        QVERIFY(dup);
        QCOMPARE(dup->code, errc::constraint.toString());
        auto bad = db.prepare(QStringLiteral("SELEC nonsense"));
        QCOMPARE(bad.step(), Statement::Step::Error);
        QCOMPARE(bad.error()->code, errc::sql.toString());
    }

    void aMovedDatabaseStillWorks()
    {
        Database a = openOrFail(m_dir.filePath(QStringLiteral("l.db")), randomKey());
        QVERIFY(!a.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")));
        QVERIFY(!a.prepare(QStringLiteral("INSERT INTO t VALUES (5)")).exec());
        Database b = std::move(a);
        QVERIFY(!a.isOpen());
        auto s = b.prepare(QStringLiteral("SELECT v FROM t"));
        QCOMPARE(s.step(), Statement::Step::Row);
        QCOMPARE(s.columnInt64(0), 5);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSqlcipherDatabase)
#include "tst_sqlcipher_database.moc"
