// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache_test_support.h"
#include "services/cache/cache_store.h"
#include "services/cache/passphrase_key_store.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

constexpr int kDerivationTimeoutMs = 60000;

/// Asks the store for a key and waits for the answer; empty on failure.
QByteArray keyFrom(PassphraseKeyStore &store, const QString &profile, const QString &passphrase)
{
    QSignalSpy ready(&store, &KeyStore::keyReady);
    QSignalSpy failed(&store, &KeyStore::failed);
    store.setPassphrase(passphrase);
    store.loadOrCreate(profile);
    if (failed.isEmpty() && !ready.wait(kDerivationTimeoutMs))
        return {};
    return ready.isEmpty() ? QByteArray() : ready.first().first().toByteArray();
}

} // namespace

class TestPassphraseKeyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<CacheError>(); }

    void theSamePassphraseAndSaltGiveTheSameKeyAndAnotherPassphraseDoesNot()
    {
        const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
        QElapsedTimer timer;
        timer.start();
        const QByteArray a =
            PassphraseKeyStore::deriveKey(QStringLiteral("رمز عبور خیلی امن"), salt);
        qInfo("one derivation at %d iterations: %lld ms", PassphraseKeyStore::iterations,
              timer.elapsed());
        QCOMPARE(a.size(), 32);
        QCOMPARE(PassphraseKeyStore::deriveKey(QStringLiteral("رمز عبور خیلی امن"), salt), a);
        QVERIFY(PassphraseKeyStore::deriveKey(QStringLiteral("رمز عبور خیلی امن!"), salt) != a);
        QVERIFY(PassphraseKeyStore::deriveKey(QStringLiteral("رمز عبور خیلی امن"),
                                              QByteArray(16, 'x')) != a);
    }

    void theDerivationIsStandardPbkdf2Sha256()
    {
        // RFC 7914 section 11 test vector for PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1).
        QCOMPARE(
            PassphraseKeyStore::deriveKey(QStringLiteral("passwd"), QByteArrayLiteral("salt"), 1)
                .toHex(),
            QByteArrayLiteral("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
        QVERIFY(PassphraseKeyStore::iterations >= 256000);
    }

    void aPassphraseTypedComposedOrDecomposedGivesTheSameKey()
    {
        const QByteArray salt(16, 's');
        const QString composed = QStringLiteral("\u0622\u0631\u0634");         // آرش
        const QString decomposed = QStringLiteral("\u0627\u0653\u0631\u0634"); // ا + madda
        QCOMPARE(PassphraseKeyStore::deriveKey(decomposed, salt, 1000),
                 PassphraseKeyStore::deriveKey(composed, salt, 1000));
    }

    void aProfileKeepsItsKeyAcrossRestartsAndTheKeyIsNeverWritten()
    {
        QTemporaryDir root;
        const QString passphrase = QStringLiteral("correct horse باتری staple");
        QByteArray first;
        {
            PassphraseKeyStore store(root.path());
            first = keyFrom(store, QStringLiteral("agent-1"), passphrase);
        }
        QCOMPARE(first.size(), 32);
        QVERIFY(QFile::exists(root.filePath(QStringLiteral("agent-1/cache.salt"))));

        PassphraseKeyStore again(root.path());
        QCOMPARE(keyFrom(again, QStringLiteral("agent-1"), passphrase), first);
        const QByteArray other = keyFrom(again, QStringLiteral("agent-1"), QStringLiteral("guess"));
        QCOMPARE(other.size(), 32);
        QVERIFY(other != first);
        QVERIFY(keyFrom(again, QStringLiteral("agent-2"), passphrase) != first); // own salt

        QDirIterator it(root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains(first));
            QVERIFY(!bytes.contains(first.toHex()));
            QVERIFY(!bytes.contains(first.toBase64()));
        }
    }

    void theDerivedKeyOpensTheCacheAndAWrongPassphraseIsAWrongKey()
    {
        QTemporaryDir root;
        PassphraseKeyStore store(root.path());
        const QString path = root.filePath(QStringLiteral("agent-1/cache.db"));
        const QByteArray key = keyFrom(store, QStringLiteral("agent-1"), QStringLiteral("شب بخیر"));
        {
            auto opened = CacheStore::open(path, key);
            QVERIFY(std::holds_alternative<std::unique_ptr<CacheStore>>(opened));
        }
        const QByteArray wrong =
            keyFrom(store, QStringLiteral("agent-1"), QStringLiteral("صبح بخیر"));
        auto opened = CacheStore::open(path, wrong);
        QVERIFY(std::holds_alternative<CacheError>(opened));
        QCOMPARE(std::get<CacheError>(opened).code, errc::wrongKey.toString());
    }

    void removingAProfileKeyMakesTheNextKeyDifferent()
    {
        QTemporaryDir root;
        PassphraseKeyStore store(root.path());
        const QString passphrase = QStringLiteral("same words");
        const QByteArray before = keyFrom(store, QStringLiteral("p"), passphrase);
        QSignalSpy removed(&store, &KeyStore::removed);
        store.remove(QStringLiteral("p"));
        QCOMPARE(removed.size(), 1);
        QVERIFY(!QFile::exists(store.saltPath(QStringLiteral("p"))));
        QVERIFY(keyFrom(store, QStringLiteral("p"), passphrase) != before);
    }

    void withoutAPassphraseOrWithABadProfileIdItFailsWithAStableCode()
    {
        QTemporaryDir root;
        PassphraseKeyStore store(root.path());
        QSignalSpy failed(&store, &KeyStore::failed);
        store.loadOrCreate(QStringLiteral("agent-1"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<CacheError>().code, errc::passphraseRequired.toString());
        store.setPassphrase(QStringLiteral("x"));
        store.loadOrCreate(QStringLiteral("../elsewhere"));
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(1).at(0).value<CacheError>().code, errc::invalid.toString());
        QVERIFY(QDir(root.path()).isEmpty());
    }

    void aDamagedSaltFileIsReportedNotReplaced()
    {
        QTemporaryDir root;
        PassphraseKeyStore store(root.path());
        QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("p"))));
        QFile salt(store.saltPath(QStringLiteral("p")));
        QVERIFY(salt.open(QIODevice::WriteOnly));
        salt.write("not json");
        salt.close();
        QSignalSpy failed(&store, &KeyStore::failed);
        store.setPassphrase(QStringLiteral("x"));
        store.loadOrCreate(QStringLiteral("p"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<CacheError>().code, errc::corrupt.toString());
        QVERIFY(salt.open(QIODevice::ReadOnly));
        QCOMPARE(salt.readAll(), QByteArrayLiteral("not json"));
    }
};

QTEST_GUILESS_MAIN(TestPassphraseKeyStore)
#include "tst_passphrase_key_store.moc"
