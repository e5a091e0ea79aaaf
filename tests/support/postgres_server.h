// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace threadline::testing {

/// A real PostgreSQL 15 (Debian's binaries) in a temporary folder on a free loopback port,
/// for as long as the object lives. Connections over TCP need the password (scram);
/// the Unix socket in the folder is trusted. PostgreSQL refuses to run as root, so as root
/// (CI) its programs run as the `postgres` user in a folder that user owns.
class PostgresServer {
public:
    /// Where the binaries are: $THREADLINE_POSTGRES_BIN, else /usr/lib/postgresql/15/bin.
    static QString binDir();
    /// Whether initdb and pg_ctl are there; tests QSKIP with skipReason() when not.
    static bool isInstalled();
    static QString skipReason();

    /// One server per test process, started on first use and stopped when the
    /// application object goes away; nullptr (and a warning) when it cannot start.
    static PostgresServer *shared();

    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    /// initdb and start; false with error() when either fails.
    bool start();
    void stop();
    QString error() const { return m_error; }

    quint16 port() const { return m_port; }
    QString user() const { return QStringLiteral("threadline"); }
    QString password() const { return m_password; }
    /// The folder holding the server's Unix socket.
    QString socketFolder() const { return m_dir.path(); }

    /// Creates an empty database; returns its postgresql:// URL over TCP (with the
    /// password), or an empty string with error().
    QString createDatabase(const QString &name = {});
    /// The URL of an existing database, over TCP.
    QString urlFor(const QString &name) const;
    /// Runs SQL through psql on the trusted socket; stdout, or empty with error().
    QString psql(const QString &database, const QString &sql);

private:
    bool run(const QString &program, const QStringList &arguments, QByteArray *out = nullptr,
             int timeoutMs = 120000);

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QString m_password;
    QString m_error;
    bool m_running = false;
    int m_databases = 0;
};

} // namespace threadline::testing
