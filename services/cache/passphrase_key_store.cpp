// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/passphrase_key_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QPromise>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThreadPool>

#include <memory>

namespace threadline::cache {

namespace {
const QString kKdfName = QStringLiteral("pbkdf2-sha256");
}

PassphraseKeyStore::PassphraseKeyStore(const QString &profilesRoot, QObject *parent)
    : KeyStore(parent), m_root(profilesRoot)
{
}

void PassphraseKeyStore::setPassphrase(const QString &passphrase)
{
    m_passphrase = passphrase;
}

QString PassphraseKeyStore::saltPath(const QString &profileId) const
{
    return QDir(m_root).filePath(profileId + QLatin1String("/cache.salt"));
}

QByteArray PassphraseKeyStore::deriveKey(const QString &passphrase, const QByteArray &salt,
                                         int iterationCount)
{
    return QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, passphrase.normalized(QString::NormalizationForm_C).toUtf8(),
        salt, iterationCount, 32);
}

std::variant<PassphraseKeyStore::Salt, CacheError>
PassphraseKeyStore::readOrCreateSalt(const QString &profileId)
{
    const QString path = saltPath(profileId);
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return makeError(
                errc::io,
                QStringLiteral("The cache salt cannot be read: %1").arg(existing.errorString()));
        // The iteration count is stored so that a later build can raise the
        // default without locking anyone out of an existing cache.
        const QJsonObject o = QJsonDocument::fromJson(existing.read(4096)).object();
        Salt salt{QByteArray::fromBase64(o.value(QLatin1String("salt")).toString().toLatin1()),
                  o.value(QLatin1String("iterations")).toInt()};
        if (o.value(QLatin1String("kdf")).toString() != kKdfName || salt.bytes.size() < saltBytes ||
            salt.iterations < 1)
            return makeError(errc::corrupt, QStringLiteral("The cache salt file is damaged."));
        return salt;
    }

    Salt salt{QByteArray(saltBytes, Qt::Uninitialized), iterations};
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.bytes.data()),
                                          saltBytes / 4);
    if (!QDir().mkpath(QDir(m_root).filePath(profileId)))
        return makeError(errc::io, QStringLiteral("The profile folder cannot be created."));
    QSaveFile out(path);
    const QJsonObject o{{QStringLiteral("kdf"), kKdfName},
                        {QStringLiteral("iterations"), salt.iterations},
                        {QStringLiteral("salt"), QString::fromLatin1(salt.bytes.toBase64())}};
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(o).toJson()) < 0 ||
        !out.commit())
        return makeError(
            errc::io,
            QStringLiteral("The cache salt cannot be written: %1").arg(out.errorString()));
    return salt;
}

void PassphraseKeyStore::loadOrCreate(const QString &profileId)
{
    if (!isValidProfileId(profileId)) {
        Q_EMIT failed(makeError(errc::invalid, QStringLiteral("Not a usable profile id.")));
        return;
    }
    if (m_inFlight.contains(profileId))
        return;
    if (m_passphrase.isEmpty()) {
        Q_EMIT failed(makeError(errc::passphraseRequired,
                                QStringLiteral("A passphrase is needed to open the cache.")));
        return;
    }
    auto salt = readOrCreateSalt(profileId);
    if (auto *e = std::get_if<CacheError>(&salt)) {
        Q_EMIT failed(*e);
        return;
    }
    m_inFlight.insert(profileId);

    auto promise = std::make_shared<QPromise<QByteArray>>();
    auto *watcher =
        new QFutureWatcher<QByteArray>(this); // dies with us; the result then goes nowhere
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, profileId] {
        m_inFlight.remove(profileId);
        const QByteArray key = watcher->future().result();
        watcher->deleteLater();
        Q_EMIT keyReady(key);
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start(
        [promise, passphrase = std::exchange(m_passphrase, QString()), s = std::get<Salt>(salt)] {
            promise->start();
            promise->addResult(deriveKey(passphrase, s.bytes, s.iterations));
            promise->finish();
        });
}

void PassphraseKeyStore::remove(const QString &profileId)
{
    if (!isValidProfileId(profileId)) {
        Q_EMIT failed(makeError(errc::invalid, QStringLiteral("Not a usable profile id.")));
        return;
    }
    QFile salt(saltPath(profileId));
    if (salt.exists() && !salt.remove()) {
        Q_EMIT failed(makeError(
            errc::io,
            QStringLiteral("The cache salt cannot be removed: %1").arg(salt.errorString())));
        return;
    }
    Q_EMIT removed(profileId);
}

} // namespace threadline::cache
