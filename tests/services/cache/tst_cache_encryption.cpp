// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache_test_support.h"
#include "services/cache/cache_store.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

/// Files of the folder that contain the text in UTF-8 or UTF-16.
QStringList filesContaining(const QString &folder, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            hits.append(path);
    }
    return hits;
}

} // namespace

class TestCacheEncryption : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aPlantedCanaryNeverAppearsInPlainTextInTheProfileFolder()
    {
        QTemporaryDir profile;
        const QString canary = QStringLiteral("CANARY-7f3a9c-قناری-پرنده");
        const QString canaryAscii = QStringLiteral("CANARY-7f3a9c");
        const QString path = profile.filePath(QStringLiteral("cache.db"));
        {
            auto opened = CacheStore::open(path, randomKey());
            auto &store = std::get<std::unique_ptr<CacheStore>>(opened);
            CacheWrite w;
            w.customers = {customer(1, canary, 100)};
            for (int i = 1; i <= 200; ++i)
                w.messages.append(hubMessage(i, 1, i, canary + QString::number(i)));
            w.lastSeq = 1;
            QVERIFY(!store->write(w));
            QVERIFY(!store->addToOutbox(localEcho(QStringLiteral("c"), 1, 500, canary),
                                        QStringLiteral("message.send"),
                                        {{QStringLiteral("body"), canary}}));

            // While open, the newest pages live in the -wal file.
            QVERIFY(QFile::exists(path + QLatin1String("-wal")));
            QVERIFY(QFile(path + QLatin1String("-wal")).size() > 0);
            QVERIFY(QFile::exists(path + QLatin1String("-shm")));
            QCOMPARE(filesContaining(profile.path(), canaryAscii), QStringList());
            QCOMPARE(filesContaining(profile.path(), canary), QStringList());
            QCOMPARE(store->page(1, 0, 0, 1).items.first().body, canary); // it is in there
        }
        QCOMPARE(filesContaining(profile.path(), canaryAscii), QStringList());
        QCOMPARE(filesContaining(profile.path(), canary), QStringList());

        // The detector itself works: a plain file with the canary is found.
        QFile plain(profile.filePath(QStringLiteral("plain.txt")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write(canary.toUtf8());
        plain.close();
        QCOMPARE(filesContaining(profile.path(), canary).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCacheEncryption)
#include "tst_cache_encryption.moc"
