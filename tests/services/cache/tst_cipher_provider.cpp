// SPDX-License-Identifier: GPL-3.0-or-later
// The cache encrypts its pages through cipher_provider.cpp. Nothing about the file may
// change: a cache it wrote must open in SQLCipher's own shell (Debian's `sqlcipher`, with
// SQLCipher's own OpenSSL provider), and a file the shell wrote must open in the cache.
#include "cache_test_support.h"
#include "services/cache/cache_store.h"
#include "services/cache/cipher_provider.h"
#include "services/cache/sqlcipher_database.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

const QByteArray kKey =
    QByteArray::fromHex("00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210");

/// What Database::open sets, for the shell: the raw key and the pinned cipher settings.
QByteArray shellPreamble()
{
    return "PRAGMA key = \"x'" + kKey.toHex() +
           "'\";\nPRAGMA cipher_page_size = 4096;\nPRAGMA kdf_iter = 64000;\n";
}

/// Runs Debian's sqlcipher shell on `path` with `sql` after the preamble; its stdout.
QByteArray shell(const QString &path, const QByteArray &sql)
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("sqlcipher"));
    if (binary.isEmpty()) {
        QTest::qFail("Debian's sqlcipher shell is not installed (scripts/deps.sh installs it)",
                     __FILE__, __LINE__);
        return {};
    }
    QProcess p;
    p.start(binary, {QStringLiteral("-batch"), path});
    p.write(shellPreamble() + sql);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        QTest::qFail(qPrintable(QStringLiteral("sqlcipher failed: %1")
                                    .arg(QString::fromUtf8(p.readAllStandardError()))),
                     __FILE__, __LINE__);
        return {};
    }
    return p.readAllStandardOutput();
}

} // namespace

class TestCipherProvider : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void theCacheUsesItWhileOpenOnSqlcipher3()
    {
        auto opened = Database::open(m_dir.filePath(QStringLiteral("in-use.db")), kKey);
        QVERIFY(std::holds_alternative<Database>(opened));
        auto &db = std::get<Database>(opened);
        if (db.cipherMajorVersion() != 3)
            QSKIP("SQLCipher 4 keeps its own OpenSSL provider");
        QVERIFY(cipherProviderIsOurs());
    }

    void aCacheItWroteReadsBackInSqlciphersOwnShell()
    {
        const QString path = m_dir.filePath(QStringLiteral("written-here.db"));
        {
            auto opened = CacheStore::open(path, kKey);
            QVERIFY(std::holds_alternative<std::unique_ptr<CacheStore>>(opened));
            auto &store = std::get<std::unique_ptr<CacheStore>>(opened);
            CacheWrite w;
            for (int i = 1; i <= 3000; ++i) // hundreds of pages, each with its own IV
                w.messages.append(
                    hubMessage(i, 1 + i % 7, 1000 + i, QStringLiteral("سفارش شماره %1").arg(i)));
            w.lastSeq = 3000;
            QVERIFY(!store->write(w));
        }
        const QByteArray out = shell(
            path, "PRAGMA cipher_provider;\nSELECT count(*), sum(hub_id) FROM messages;\n"
                  "SELECT body FROM messages WHERE hub_id = 2999;\nPRAGMA integrity_check;\n");
        QCOMPARE(out, QByteArray("openssl\n3000|4501500\n") +
                          QStringLiteral("سفارش شماره 2999").toUtf8() + "\nok\n");
    }

    void aFileSqlciphersOwnShellWroteOpensInTheCache()
    {
        const QString path = m_dir.filePath(QStringLiteral("written-by-shell.db"));
        shell(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                    " INSERT INTO notes SELECT i, printf('note %d ', i) || hex(randomblob(40))"
                    " FROM n;\n");
        auto opened = Database::open(path, kKey);
        QVERIFY(std::holds_alternative<Database>(opened));
        auto &db = std::get<Database>(opened);
        auto count = db.prepare(QStringLiteral("SELECT count(*), sum(id) FROM notes"));
        QCOMPARE(count.step(), Statement::Step::Row);
        QCOMPARE(count.columnInt64(0), qint64(5000));
        QCOMPARE(count.columnInt64(1), qint64(12502500));
        auto check = db.prepare(QStringLiteral("PRAGMA integrity_check"));
        QCOMPARE(check.step(), Statement::Step::Row);
        QCOMPARE(check.columnText(0), QStringLiteral("ok"));
    }

    void aWrongKeyIsStillRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("keyed.db"));
        QVERIFY(std::holds_alternative<Database>(Database::open(path, kKey)));
        QByteArray other = kKey;
        other[0] = char(other[0] ^ 1);
        auto opened = Database::open(path, other);
        QVERIFY(std::holds_alternative<CacheError>(opened));
        QCOMPARE(std::get<CacheError>(opened).code, QStringLiteral("wrong_key"));
    }
};

QTEST_GUILESS_MAIN(TestCipherProvider)
#include "tst_cipher_provider.moc"
