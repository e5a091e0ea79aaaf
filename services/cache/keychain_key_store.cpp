// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/keychain_key_store.h"

#include <QRandomGenerator>

#include <qt6keychain/keychain.h>

namespace threadline::cache {

KeychainKeyStore::KeychainKeyStore(QObject *parent, const QString &service)
    : KeyStore(parent), m_service(service)
{
}

QString KeychainKeyStore::entryName(const QString &profileId)
{
    return QLatin1String("cache-key:") + profileId;
}

CacheError KeychainKeyStore::errorOf(const QKeychain::Job &job, const QString &what)
{
    const QString sentence = what + QLatin1String(": ") + job.errorString();
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return makeError(errc::keychainUnavailable, sentence);
    default:
        // QtKeychain reports a missing Secret Service as OtherError; the D-Bus
        // error text is the only way to tell it from a real refusal.
        if (job.errorString().contains(QLatin1String("org.freedesktop.secrets")) ||
            job.errorString().contains(QLatin1String("ServiceUnknown")) ||
            job.errorString().contains(QLatin1String("D-Bus"), Qt::CaseInsensitive))
            return makeError(errc::keychainUnavailable, sentence);
        return makeError(errc::keychain, sentence);
    }
}

void KeychainKeyStore::finish(const QString &profileId)
{
    m_inFlight.remove(profileId);
}

void KeychainKeyStore::loadOrCreate(const QString &profileId)
{
    if (!isValidProfileId(profileId)) {
        Q_EMIT failed(makeError(errc::invalid, QStringLiteral("Not a usable profile id.")));
        return;
    }
    if (m_inFlight.contains(profileId))
        return; // the pending answer serves this request too
    m_inFlight.insert(profileId);

    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryName(profileId));
    connect(job, &QKeychain::Job::finished, this, [this, profileId](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::EntryNotFound) {
            create(profileId);
            return;
        }
        finish(profileId);
        if (read->error() != QKeychain::NoError) {
            Q_EMIT failed(errorOf(
                *read, QStringLiteral("The cache key could not be read from the keychain")));
            return;
        }
        const QByteArray key = read->binaryData();
        if (key.size() != 32) {
            // Someone else's data under our name: report it rather than overwrite it.
            Q_EMIT failed(makeError(errc::badKey, QStringLiteral("The keychain entry for the cache "
                                                                 "key is not a 32-byte key.")));
            return;
        }
        Q_EMIT keyReady(key);
    });
    job->start();
}

void KeychainKeyStore::create(const QString &profileId)
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);

    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryName(profileId));
    job->setBinaryData(key);
    connect(job, &QKeychain::Job::finished, this, [this, profileId, key](QKeychain::Job *j) {
        finish(profileId);
        if (j->error() != QKeychain::NoError) {
            Q_EMIT failed(
                errorOf(*j, QStringLiteral("A new cache key could not be stored in the keychain")));
            return;
        }
        Q_EMIT keyReady(key);
    });
    job->start();
}

void KeychainKeyStore::remove(const QString &profileId)
{
    if (!isValidProfileId(profileId)) {
        Q_EMIT failed(makeError(errc::invalid, QStringLiteral("Not a usable profile id.")));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryName(profileId));
    connect(job, &QKeychain::Job::finished, this, [this, profileId](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            Q_EMIT failed(errorOf(
                *j, QStringLiteral("The cache key could not be removed from the keychain")));
            return;
        }
        Q_EMIT removed(profileId);
    });
    job->start();
}

} // namespace threadline::cache
