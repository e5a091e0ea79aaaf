// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/session/session_failure.h"

#include <QCryptographicHash>

namespace threadline::services {

SessionFailure makeFailure(SessionFailure::Kind kind, const QString &detail,
                           const QString &message, const CertificateFacts &certificate)
{
    SessionFailure f;
    f.kind = kind;
    f.detail = detail;
    f.message = message;
    f.certificate = certificate;
    return f;
}

QString failureKindName(SessionFailure::Kind kind)
{
    switch (kind) {
    case SessionFailure::Kind::Unreachable:
        return QStringLiteral("unreachable");
    case SessionFailure::Kind::CertificateUntrusted:
        return QStringLiteral("certificate_untrusted");
    case SessionFailure::Kind::WrongCredentials:
        return QStringLiteral("wrong_credentials");
    case SessionFailure::Kind::ServerTooOld:
        return QStringLiteral("server_too_old");
    case SessionFailure::Kind::Refused:
        break;
    }
    return QStringLiteral("refused");
}

QString certificateReasonName(QSslError::SslError error)
{
    switch (error) {
    case QSslError::CertificateExpired:
        return QStringLiteral("expired");
    case QSslError::CertificateNotYetValid:
        return QStringLiteral("not_yet_valid");
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return QStringLiteral("self_signed");
    case QSslError::HostNameMismatch:
        return QStringLiteral("host_name_mismatch");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::UnableToGetIssuerCertificate:
        return QStringLiteral("unknown_issuer");
    case QSslError::CertificateRevoked:
        return QStringLiteral("revoked");
    default:
        return QStringLiteral("untrusted");
    }
}

QString unreachableDetail(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QStringLiteral("refused");
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("host_not_found");
    case QAbstractSocket::SocketTimeoutError:
        return QStringLiteral("timeout");
    default:
        return QStringLiteral("network");
    }
}

CertificateFacts describeCertificate(const QList<QSslError> &errors, const QSslCertificate &peer)
{
    CertificateFacts facts;
    facts.certificate = peer;
    for (const QSslError &e : errors) {
        if (facts.certificate.isNull() && !e.certificate().isNull())
            facts.certificate = e.certificate();
        const QString reason = certificateReasonName(e.error());
        if (!facts.reasons.contains(reason))
            facts.reasons.append(reason);
    }
    if (facts.certificate.isNull())
        return facts;
    facts.subject = facts.certificate.subjectDisplayName();
    facts.issuer = facts.certificate.issuerDisplayName();
    facts.sha256 = QString::fromLatin1(
        facts.certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    facts.expiresAt = facts.certificate.expiryDate().toUTC();
    return facts;
}

} // namespace threadline::services
