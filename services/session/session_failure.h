// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractSocket>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace threadline::services {

/// What an agent needs to decide whether to trust a certificate the desktop
/// could not verify: who it names, who signed it, its fingerprint and why it
/// was refused.
struct CertificateFacts {
    QString subject;
    QString issuer;
    QString sha256;      ///< upper-case hex pairs separated by ':'
    QDateTime expiresAt; ///< UTC
    /// Stable reason names (see certificateReasonName), in the order Qt reported them.
    QStringList reasons;
    QSslCertificate certificate; ///< the server's own certificate
};

/// Why signing in to the hub did not work, in a handful of stable kinds the
/// sign-in screen explains in plain words. `detail` narrows the kind down
/// (e.g. "refused", "host_not_found", "timeout" for Unreachable, the hub's
/// error code for Refused); `message` is English for the log.
struct SessionFailure {
    enum class Kind { Unreachable, CertificateUntrusted, WrongCredentials, ServerTooOld, Refused };
    Kind kind = Kind::Unreachable;
    QString detail;
    QString message;
    CertificateFacts certificate; ///< CertificateUntrusted only
};

SessionFailure makeFailure(SessionFailure::Kind kind, const QString &detail,
                           const QString &message, const CertificateFacts &certificate = CertificateFacts());

/// The stable names of the kinds: unreachable, certificate_untrusted,
/// wrong_credentials, server_too_old, refused. Never change a spelling.
QString failureKindName(SessionFailure::Kind kind);

/// expired, not_yet_valid, self_signed, host_name_mismatch, unknown_issuer,
/// revoked, untrusted (anything else Qt reports).
QString certificateReasonName(QSslError::SslError error);

/// refused, host_not_found, timeout, or network for the rest.
QString unreachableDetail(QAbstractSocket::SocketError error);

/// Collects what the agent needs to judge the certificate behind `errors`.
CertificateFacts describeCertificate(const QList<QSslError> &errors,
                                     const QSslCertificate &peer);

} // namespace threadline::services

Q_DECLARE_METATYPE(threadline::services::SessionFailure)
