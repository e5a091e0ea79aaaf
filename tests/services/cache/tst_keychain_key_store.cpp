// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/keychain_key_store.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <qt6keychain/keychain.h>

using namespace threadline::cache;

namespace {

constexpr int kKeychainTimeoutMs = 20000;

struct Answer {
    QByteArray key;
    std::optional<CacheError> error;
};

Answer ask(KeyStore &store, const QString &profile)
{
    QSignalSpy ready(&store, &KeyStore::keyReady);
    QSignalSpy failed(&store, &KeyStore::failed);
    store.loadOrCreate(profile);
    if (ready.isEmpty() && failed.isEmpty())
        (void)QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); },
                              kKeychainTimeoutMs);
    if (!failed.isEmpty())
        return {{}, failed.first().first().value<CacheError>()};
    if (!ready.isEmpty())
        return {ready.first().first().toByteArray(), std::nullopt};
    return {{}, makeError(u"timeout", QStringLiteral("no answer"))};
}

} // namespace

/// Runs against the real Secret Service when one is reachable (see
/// run-with-keyring.sh); otherwise only the "no keychain" behaviour is checked.
class TestKeychainKeyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CacheError>();
        // A throwaway service name, so a developer's real keys are never touched.
        m_service =
            QLatin1String("threadline-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        // Reading alone is not enough: D-Bus may activate a keyring that has no
        // unlocked collection, where every write fails. Store and delete a probe.
        auto *probe = new QKeychain::WritePasswordJob(m_service, this);
        probe->setAutoDelete(false);
        probe->setInsecureFallback(false);
        probe->setKey(QStringLiteral("probe"));
        probe->setBinaryData(QByteArrayLiteral("probe"));
        QSignalSpy done(probe, &QKeychain::Job::finished);
        probe->start();
        QVERIFY(done.wait(kKeychainTimeoutMs));
        m_available = probe->error() == QKeychain::NoError;
        m_probeError = probe->errorString();
        delete probe;
        if (m_available) {
            auto *cleanup = new QKeychain::DeletePasswordJob(m_service, this);
            cleanup->setKey(QStringLiteral("probe"));
            QSignalSpy deleted(cleanup, &QKeychain::Job::finished);
            cleanup->start();
            QVERIFY(deleted.wait(kKeychainTimeoutMs));
        }
        qInfo("Secret Service %s (%s)", m_available ? "usable" : "NOT usable",
              qPrintable(m_probeError));
    }

    void aNewProfileGetsARandomKeyThatIsReadBackAfterARestart()
    {
        if (!m_available)
            QSKIP(
                "No usable Secret Service on this session bus (none, or locked); run the suite "
                "through tests/services/cache/run-with-keyring.sh to test against gnome-keyring.");
        QByteArray first;
        {
            KeychainKeyStore store(nullptr, m_service);
            const Answer a = ask(store, QStringLiteral("agent-1"));
            QVERIFY2(!a.error, a.error ? qPrintable(a.error->message) : "");
            first = a.key;
        }
        QCOMPARE(first.size(), 32);
        KeychainKeyStore again(nullptr, m_service);
        QCOMPARE(ask(again, QStringLiteral("agent-1")).key, first);
        const Answer other = ask(again, QStringLiteral("agent-2"));
        QCOMPARE(other.key.size(), 32);
        QVERIFY(other.key != first);

        QSignalSpy removed(&again, &KeyStore::removed);
        again.remove(QStringLiteral("agent-1"));
        QVERIFY(removed.wait(kKeychainTimeoutMs));
        const Answer fresh = ask(again, QStringLiteral("agent-1"));
        QCOMPARE(fresh.key.size(), 32);
        QVERIFY(fresh.key != first);

        again.remove(QStringLiteral("agent-1"));
        QVERIFY(removed.wait(kKeychainTimeoutMs));
        again.remove(QStringLiteral("agent-2"));
        QVERIFY(removed.wait(kKeychainTimeoutMs));
    }

    void twoRequestsAtOnceGetTheSameKey()
    {
        if (!m_available)
            QSKIP("No Secret Service is reachable; see run-with-keyring.sh.");
        KeychainKeyStore store(nullptr, m_service);
        QSignalSpy ready(&store, &KeyStore::keyReady);
        store.loadOrCreate(QStringLiteral("twice"));
        store.loadOrCreate(QStringLiteral("twice"));
        QVERIFY(ready.wait(kKeychainTimeoutMs));
        const QByteArray key = ready.first().first().toByteArray();
        QCOMPARE(ask(store, QStringLiteral("twice")).key, key); // nothing overwrote it
        QSignalSpy removed(&store, &KeyStore::removed);
        store.remove(QStringLiteral("twice"));
        QVERIFY(removed.wait(kKeychainTimeoutMs));
    }

    void withoutAKeychainTheStoreFailsInsteadOfInventingAKey()
    {
        if (m_available)
            QSKIP("A Secret Service is reachable here; the no-keychain path is not exercised.");
        KeychainKeyStore store(nullptr, m_service);
        const Answer a = ask(store, QStringLiteral("agent-1"));
        QVERIFY(a.error);
        QVERIFY2(a.error->code == errc::keychainUnavailable || a.error->code == errc::keychain,
                 qPrintable(a.error->code + QLatin1String(": ") + a.error->message));
        qInfo("reported as %s: %s", qPrintable(a.error->code), qPrintable(a.error->message));
        QVERIFY(a.key.isEmpty());
    }

private:
    QString m_service;
    bool m_available = false;
    QString m_probeError;
};

QTEST_GUILESS_MAIN(TestKeychainKeyStore)
#include "tst_keychain_key_store.moc"
