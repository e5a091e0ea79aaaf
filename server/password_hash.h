// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Salted, slow password hashes (PBKDF2-HMAC-SHA256). Plain passwords are never stored.
namespace threadline::server::password_hash {

inline constexpr int kIterations = 120000;

/// "pbkdf2-sha256$ITERATIONS$SALT_HEX$KEY_HEX" with a fresh 16-byte random salt.
QString make(const QString &password);

/// True when `password` matches `stored`. Constant-time comparison of the keys.
bool verify(const QString &password, const QString &stored);

} // namespace threadline::server::password_hash
