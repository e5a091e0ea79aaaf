// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Session tokens: "tl1." + 128 random bits in hex. Only their SHA-256 is stored.
namespace threadline::server::session_tokens {

inline constexpr qint64 kLifetimeMs = 30LL * 24 * 60 * 60 * 1000;

QString make();
/// Hex SHA-256 of the token; what the sessions table keeps.
QString hash(const QString &token);
/// Cheap shape check before touching the database.
bool looksValid(const QString &token);

} // namespace threadline::server::session_tokens
