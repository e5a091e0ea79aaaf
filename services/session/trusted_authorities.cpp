// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/session/trusted_authorities.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace threadline::services::trust {

namespace {
constexpr qint64 kMaxPemBytes = 1024 * 1024; // a bundle, not a disk image
}

QString storedFile(const QString &profileDir)
{
    return QDir(profileDir).filePath(QStringLiteral("trusted-ca.pem"));
}

std::variant<QList<QSslCertificate>, Refusal> readPemFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Refusal{QStringLiteral("unreadable"), file.errorString()};
    const QByteArray pem = file.read(kMaxPemBytes + 1);
    if (pem.size() > kMaxPemBytes)
        return Refusal{QStringLiteral("not_pem"), QStringLiteral("the file is too large for PEM")};
    QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (certificates.isEmpty())
        return Refusal{QStringLiteral("not_pem"),
                       QStringLiteral("no PEM certificate (BEGIN CERTIFICATE) in the file")};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate &c : certificates) {
        if (c.expiryDate() < now || c.effectiveDate() > now)
            return Refusal{QStringLiteral("expired"),
                           QStringLiteral("a certificate in the file is not valid today")};
    }
    return certificates;
}

QList<QSslCertificate> stored(const QString &profileDir)
{
    const QString path = storedFile(profileDir);
    if (!QFile::exists(path))
        return {};
    auto read = readPemFile(path);
    if (auto *certificates = std::get_if<QList<QSslCertificate>>(&read))
        return *certificates;
    return {};
}

std::optional<Refusal> store(const QString &profileDir, const QList<QSslCertificate> &certificates)
{
    QList<QSslCertificate> all = stored(profileDir);
    for (const QSslCertificate &c : certificates) {
        if (!all.contains(c))
            all.append(c);
    }
    QByteArray pem;
    for (const QSslCertificate &c : all)
        pem += c.toPem();
    QDir().mkpath(profileDir);
    QSaveFile file(storedFile(profileDir));
    if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit())
        return Refusal{QStringLiteral("unwritable"), file.errorString()};
    return std::nullopt;
}

} // namespace threadline::services::trust
