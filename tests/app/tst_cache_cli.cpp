// SPDX-License-Identifier: GPL-3.0-or-later
// `threadline cache stats|verify`: what support staff run on an agent's profile.
#include "services/cache/cache_store.h"
#include "services/cache/passphrase_key_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

class TestCacheCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QDir(m_root.path()).mkpath(QStringLiteral("agent1"));
        writeFile(m_root.filePath(QStringLiteral("pass")), "blue river\n");
        writeFile(m_root.filePath(QStringLiteral("wrong")), "green river\n");
        // A profile as the desktop leaves it: a passphrase-protected cache with data.
        cache::PassphraseKeyStore keys(m_root.path());
        keys.setPassphrase(QStringLiteral("blue river"));
        QSignalSpy ready(&keys, &cache::KeyStore::keyReady);
        keys.loadOrCreate(QStringLiteral("agent1"));
        QVERIFY(ready.wait(20000));
        auto opened = cache::CacheStore::open(m_root.filePath(QStringLiteral("agent1/cache.db")),
                                              ready.first().at(0).toByteArray());
        QVERIFY(std::holds_alternative<std::unique_ptr<cache::CacheStore>>(opened));
        cache::CacheWrite w;
        models::Customer c;
        c.id = 5;
        c.name = QStringLiteral("نرگس");
        w.customers.append(c);
        w.lastSeq = 77;
        QVERIFY(!std::get<std::unique_ptr<cache::CacheStore>>(opened)->write(w));
    }

    void statsShowCountsAndTheLastSequenceNumber()
    {
        const auto r = run({QStringLiteral("stats"), QStringLiteral("--profile"), profile(),
                            QStringLiteral("--passphrase-file"), m_root.filePath(QStringLiteral("pass"))});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject stats = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(stats.value(QStringLiteral("last_seq")).toInteger(), 77);
        QCOMPARE(stats.value(QStringLiteral("tables")).toObject().value(QStringLiteral("customers")).toInt(), 1);
        QVERIFY(stats.value(QStringLiteral("file_bytes")).toInteger() > 0);
        QVERIFY(!stats.value(QStringLiteral("cipher_version")).toString().isEmpty());
    }

    void verifySaysOkForAHealthyCache()
    {
        const auto r = run({QStringLiteral("verify"), QStringLiteral("--profile"), profile(),
                            QStringLiteral("--passphrase-file"), m_root.filePath(QStringLiteral("pass"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("ok"));
    }

    void aWrongPassphraseIsReportedAsAWrongKey()
    {
        const auto r = run({QStringLiteral("verify"), QStringLiteral("--profile"), profile(),
                            QStringLiteral("--passphrase-file"), m_root.filePath(QStringLiteral("wrong"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("wrong_key"), r.err.constData());
    }

    void aFolderWithoutACacheIsRefusedPlainly()
    {
        const auto r = run({QStringLiteral("stats"), QStringLiteral("--profile"), m_root.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no cache"));
    }

    void anUnknownSubcommandIsAUsageError()
    {
        QCOMPARE(run({QStringLiteral("shred"), QStringLiteral("--profile"), profile()}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("stats")}).exitCode, 2);
    }

private:
    struct Result {
        int exitCode = -1;
        QByteArray out, err;
    };

    Result run(QStringList args)
    {
        args.prepend(QStringLiteral("cache"));
        QProcess p;
        p.start(QStringLiteral(THREADLINE_DESKTOP_BINARY), args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    QString profile() const { return m_root.filePath(QStringLiteral("agent1")); }

    QTemporaryDir m_root;
};

QTEST_GUILESS_MAIN(TestCacheCli)
#include "tst_cache_cli.moc"
