// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/key_store.h"

#include <QSet>

namespace QKeychain {
class Job;
}

namespace threadline::cache {

/// Keeps each profile's cache key in the OS keychain (Secret Service on Linux)
/// through QtKeychain, as binary data under service "threadline" and key
/// "cache-key:<profileId>". A missing entry gets a fresh random key; any other
/// failure is reported and never answered by making a new key, which would
/// orphan the existing cache. No insecure file fallback.
class KeychainKeyStore : public KeyStore {
    Q_OBJECT
public:
    explicit KeychainKeyStore(QObject *parent = nullptr,
                              const QString &service = QStringLiteral("threadline"));

    void loadOrCreate(const QString &profileId) override;
    void remove(const QString &profileId) override;

    static QString entryName(const QString &profileId);

private:
    void create(const QString &profileId);
    void finish(const QString &profileId);
    static CacheError errorOf(const QKeychain::Job &job, const QString &what);

    QString m_service;
    QSet<QString> m_inFlight;
};

} // namespace threadline::cache
