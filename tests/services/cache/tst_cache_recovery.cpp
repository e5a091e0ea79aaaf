// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache_test_support.h"
#include "services/cache/cache_recovery.h"
#include "services/cache/cache_store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QDateTime kNow(QDate(2024, 3, 20), QTime(8, 30, 5), Qt::UTC);

} // namespace

class TestCacheRecovery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aDamagedCacheIsMovedAsideWithEveryByteKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        const QByteArray key = randomKey();
        {
            auto opened = CacheStore::open(path, key);
            CacheWrite w;
            w.messages = {hubMessage(1, 2, 3, QStringLiteral("نگه دار"))};
            QVERIFY(!std::get<std::unique_ptr<CacheStore>>(opened)->write(w));
        }
        writeFile(path + QLatin1String("-wal"), QByteArrayLiteral("wal bytes"));
        writeFile(path + QLatin1String("-shm"), QByteArrayLiteral("shm bytes"));
        const QByteArray before = readAll(path);

        const auto moved = moveAside(path, kNow);
        QVERIFY(std::holds_alternative<QString>(moved));
        const QString target = std::get<QString>(moved);
        QCOMPARE(target, path + QLatin1String(".damaged-20240320T083005Z"));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
        QCOMPARE(readAll(target), before);
        QCOMPARE(readAll(target + QLatin1String("-wal")), QByteArrayLiteral("wal bytes"));
        QCOMPARE(readAll(target + QLatin1String("-shm")), QByteArrayLiteral("shm bytes"));

        // A fresh cache can take the old name at once.
        QVERIFY(std::holds_alternative<std::unique_ptr<CacheStore>>(CacheStore::open(path, key)));
    }

    void twoRecoveriesInTheSameSecondKeepBothFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        writeFile(path, QByteArrayLiteral("first"));
        const QString a = std::get<QString>(moveAside(path, kNow));
        writeFile(path, QByteArrayLiteral("second"));
        const QString b = std::get<QString>(moveAside(path, kNow));
        QVERIFY(a != b);
        QCOMPARE(readAll(a), QByteArrayLiteral("first"));
        QCOMPARE(readAll(b), QByteArrayLiteral("second"));
    }

    void movingAsideAMissingCacheSaysSo()
    {
        QTemporaryDir dir;
        const auto r = moveAside(dir.filePath(QStringLiteral("absent.db")), kNow);
        QCOMPARE(std::get<CacheError>(r).code, errc::notFound.toString());
    }
};

QTEST_GUILESS_MAIN(TestCacheRecovery)
#include "tst_cache_recovery.moc"
