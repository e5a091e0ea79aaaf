// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <variant>

namespace threadline::server {

/// Where the hub keeps its data: a SQLite file, or a PostgreSQL database given as
/// postgresql://USER:PASSWORD@HOST:PORT/NAME (postgres:// too; ?host=/socket/dir for a
/// Unix socket). The password is kept for the driver only; display() never shows it.
struct DatabaseLocation {
    enum class Kind { SqliteFile, Postgres };
    Kind kind = Kind::SqliteFile;
    QString path; ///< the SQLite file
    // PostgreSQL
    QString host; ///< host name, address or a socket folder (starts with '/'); empty: libpq's default
    int port = 5432;
    QString user;
    QString password;
    QString name;           ///< the database
    QString connectOptions; ///< libpq keywords for QSqlDatabase::setConnectOptions

    bool isPostgres() const { return kind == Kind::Postgres; }
    /// For messages and logs: the path, or the URL without its password.
    QString display() const;
};

/// Whether `text` is written as a URL (scheme://...) rather than a file path.
bool looksLikeDatabaseUrl(const QString &text);

/// A file path, or a PostgreSQL URL checked part by part. On a mistake: a sentence for
/// the user that never contains the password.
std::variant<DatabaseLocation, QString> parseDatabaseLocation(const QString &text);

} // namespace threadline::server
