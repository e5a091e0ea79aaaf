// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace threadline::testing {

/// A real threadline-hub on 127.0.0.1 with a database in a temporary folder, or on a
/// PostgreSQL database (useDatabase). With THREADLINE_TEST_POSTGRES set in the environment
/// every HubProcess gets a fresh database on the test process's PostgresServer, so a whole
/// suite runs against PostgreSQL unchanged. Pass the binary from THREADLINE_HUB_BINARY.
class HubProcess {
public:
    struct CliResult {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    explicit HubProcess(QString binary);
    ~HubProcess();

    /// Starts the hub on a free port and waits for its "listening on" line.
    bool start(bool demo = false, const QStringList &extraArguments = {});
    /// Adds a user through `threadline-hub user add` on the same database.
    bool addUser(const QString &name, const QString &role, const QString &password);
    /// Runs a hub command line (e.g. {"customer", "find", ...}); --db is not added.
    CliResult runCli(const QStringList &arguments, int timeoutMs = 60000) const;

    QUrl url() const;
    quint16 port() const { return m_port; }
    /// The --db argument: the SQLite file in folder(), or the database URL in use.
    QString dbPath() const;
    /// Serve (and run the CLI on) this database instead, e.g. another hub's
    /// postgresql:// URL so two hubs share one database. Before start().
    void useDatabase(const QString &location) { m_database = location; }
    QString binary() const { return m_binary; }
    QString folder() const { return m_dir.path(); }
    /// Output the hub wrote to stderr so far (for failure messages).
    QByteArray stderrText() const;

    /// SIGKILL: no clean shutdown, as after a crash.
    void kill();
    /// Starts on a given port (0: any free one).
    bool startOn(quint16 port, bool demo = false, const QStringList &extraArguments = {});
    /// Kills the hub if running and starts it again on the same database and port.
    bool restart();

private:
    QString m_binary;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_demo = false;
    QStringList m_extra;
    QString m_database; ///< empty: the SQLite file in m_dir
};

} // namespace threadline::testing
