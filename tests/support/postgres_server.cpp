// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/postgres_server.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QUuid>
#include <memory>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace threadline::testing {
namespace {

bool isRoot()
{
    return ::geteuid() == 0;
}

// As root, the server's folder and files must belong to the postgres user.
bool giveToPostgres(const QString &path)
{
    if (!isRoot())
        return true;
    const passwd *pw = ::getpwnam("postgres");
    return pw && ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

std::unique_ptr<PostgresServer> &sharedServer()
{
    static std::unique_ptr<PostgresServer> server;
    return server;
}

} // namespace

QString PostgresServer::binDir()
{
    const QString fromEnv = qEnvironmentVariable("THREADLINE_POSTGRES_BIN");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnv;
}

bool PostgresServer::isInstalled()
{
    for (const char *tool : {"initdb", "pg_ctl", "createdb", "psql"})
        if (!QFile::exists(binDir() + QLatin1Char('/') + QLatin1String(tool)))
            return false;
    return !isRoot() || ::getpwnam("postgres") != nullptr;
}

QString PostgresServer::skipReason()
{
    return QStringLiteral("PostgreSQL 15 is not installed (no initdb/pg_ctl in %1, or no "
                          "postgres user); apt-get install postgresql (scripts/deps.sh)")
        .arg(binDir());
}

PostgresServer *PostgresServer::shared()
{
    auto &server = sharedServer();
    if (!server) {
        server = std::make_unique<PostgresServer>();
        if (!server->start()) {
            qWarning("PostgreSQL for the tests did not start: %s", qPrintable(server->error()));
            server.reset();
            return nullptr;
        }
        qAddPostRoutine([] { sharedServer().reset(); });
    }
    return server.get();
}

PostgresServer::PostgresServer()
    : m_dir(QDir::tempPath() + QStringLiteral("/tl-pg-XXXXXX")),
      m_password(QUuid::createUuid().toString(QUuid::Id128))
{
}

PostgresServer::~PostgresServer()
{
    stop();
}

bool PostgresServer::run(const QString &program, const QStringList &arguments, QByteArray *out,
                         int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir.path());
    const QString tool = binDir() + QLatin1Char('/') + program;
    if (isRoot())
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                            tool} +
                    arguments);
    else
        p.start(tool, arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        m_error = program + QStringLiteral(" did not finish: ") + QString::fromLocal8Bit(p.readAll());
        return false;
    }
    const QByteArray output = p.readAll();
    if (out)
        *out = output;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(output).trimmed();
        return false;
    }
    return true;
}

bool PostgresServer::start()
{
    if (!isInstalled()) {
        m_error = skipReason();
        return false;
    }
    if (!m_dir.isValid() || !giveToPostgres(m_dir.path())) {
        m_error = QStringLiteral("cannot prepare the folder %1 for PostgreSQL").arg(m_dir.path());
        return false;
    }
    const QString passwordFile = m_dir.filePath(QStringLiteral("pw"));
    {
        QFile f(passwordFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_password.toUtf8() + '\n') < 0) {
            m_error = QStringLiteral("cannot write %1").arg(passwordFile);
            return false;
        }
    }
    giveToPostgres(passwordFile);
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), user(), QStringLiteral("--pwfile"),
              passwordFile, QStringLiteral("--auth-local=trust"),
              QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--no-locale"), QStringLiteral("--no-sync")}))
        return false;
    QFile::remove(passwordFile);
    // A free port can be taken between the probe and the start; try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freeLoopbackPort();
        const QString options =
            QStringLiteral("-k %1 -p %2 -c listen_addresses=127.0.0.1 -c fsync=off"
                           " -c synchronous_commit=off -c full_page_writes=off")
                .arg(m_dir.path())
                .arg(m_port);
        if (run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), data, QStringLiteral("-l"),
                 m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                 QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options,
                 QStringLiteral("start")})) {
            m_running = true;
            return true;
        }
    }
    QFile log(m_dir.filePath(QStringLiteral("server.log")));
    if (log.open(QIODevice::ReadOnly))
        m_error += QStringLiteral("\nserver.log: ") + QString::fromLocal8Bit(log.readAll().right(2000));
    return false;
}

void PostgresServer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                                   QStringLiteral("-m"), QStringLiteral("immediate"),
                                   QStringLiteral("-w"), QStringLiteral("stop")});
}

QString PostgresServer::urlFor(const QString &name) const
{
    return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
        .arg(user(), m_password)
        .arg(m_port)
        .arg(name);
}

QString PostgresServer::createDatabase(const QString &name)
{
    const QString database = name.isEmpty() ? QStringLiteral("hub_%1").arg(++m_databases) : name;
    if (!run(QStringLiteral("createdb"),
             {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-p"), QString::number(m_port),
              QStringLiteral("-U"), user(), database}))
        return {};
    return urlFor(database);
}

QString PostgresServer::psql(const QString &database, const QString &sql)
{
    QByteArray out;
    if (!run(QStringLiteral("psql"),
             {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-p"), QString::number(m_port),
              QStringLiteral("-U"), user(), QStringLiteral("-d"), database, QStringLiteral("-X"),
              QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("-A"),
              QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql},
             &out))
        return {};
    return QString::fromUtf8(out).trimmed();
}

} // namespace threadline::testing
