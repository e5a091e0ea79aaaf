// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/key_store.h"

#include <QSet>

#include <variant>

namespace threadline::cache {

/// For machines without a keychain: derives the cache key from a passphrase the
/// agent types, with PBKDF2-HMAC-SHA256 and a random per-profile salt kept in
/// "<profilesRoot>/<profileId>/cache.salt" (the salt is not secret). The key is
/// never written anywhere; a wrong passphrase simply yields a key the cache
/// rejects with wrong_key. Derivation runs on the global thread pool.
class PassphraseKeyStore : public KeyStore {
    Q_OBJECT
public:
    static constexpr int iterations = 256000;
    static constexpr int saltBytes = 16;

    explicit PassphraseKeyStore(const QString &profilesRoot, QObject *parent = nullptr);

    /// The passphrase for the next loadOrCreate(); held in memory until then only.
    void setPassphrase(const QString &passphrase);
    void loadOrCreate(const QString &profileId) override;
    /// Deletes the salt, so the old key cannot be derived again.
    void remove(const QString &profileId) override;

    QString saltPath(const QString &profileId) const;

    /// The derivation itself (blocking; about a second at this iteration count).
    /// The passphrase is NFC-normalised first, so the same visible text typed
    /// through different input methods gives the same key.
    static QByteArray deriveKey(const QString &passphrase, const QByteArray &salt,
                                int iterationCount = iterations);

private:
    struct Salt {
        QByteArray bytes;
        int iterations = 0;
    };
    std::variant<Salt, CacheError> readOrCreateSalt(const QString &profileId);

    QString m_root;
    QString m_passphrase;
    QSet<QString> m_inFlight;
};

} // namespace threadline::cache
