// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <optional>
#include <variant>

namespace threadline::services {

/// Certificate authorities the agent chose to trust for their hub, kept in the
/// profile as PEM (trusted-ca.pem) and added to the system's for every
/// connection. Nothing here ever turns verification off.
namespace trust {

/// Stable refusals: unreadable, not_pem (no certificate in it), expired;
/// unwritable when the profile cannot keep it.
struct Refusal {
    QString code;
    QString message; ///< English, for the log
};

/// The profile's file of trusted authorities.
QString storedFile(const QString &profileDir);

/// Reads and checks a PEM file: readable, at least one certificate, none
/// expired or not yet valid.
std::variant<QList<QSslCertificate>, Refusal> readPemFile(const QString &path);

/// What the profile trusts so far (empty when nothing, or the file is unusable).
QList<QSslCertificate> stored(const QString &profileDir);

/// Adds `certificates` to the profile's file (once each), written atomically.
std::optional<Refusal> store(const QString &profileDir, const QList<QSslCertificate> &certificates);

} // namespace trust
} // namespace threadline::services
