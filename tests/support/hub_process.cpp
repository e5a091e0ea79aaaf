// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hub_process.h"

#include "tests/support/postgres_server.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

namespace threadline::testing {

HubProcess::HubProcess(QString binary) : m_binary(std::move(binary))
{
    if (qEnvironmentVariableIsSet("THREADLINE_TEST_POSTGRES")) {
        PostgresServer *postgres = PostgresServer::shared();
        m_database = postgres ? postgres->createDatabase() : QString();
        // A URL no hub accepts, so start() fails loudly instead of quietly using SQLite.
        if (m_database.isEmpty())
            m_database = QStringLiteral("postgresql://unavailable-test-postgres/");
    }
}

HubProcess::~HubProcess()
{
    kill();
}

QString HubProcess::dbPath() const
{
    return m_database.isEmpty() ? m_dir.filePath(QStringLiteral("hub.db")) : m_database;
}

QUrl HubProcess::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port));
}

bool HubProcess::start(bool demo, const QStringList &extraArguments)
{
    return startOn(0, demo, extraArguments);
}

bool HubProcess::startOn(quint16 port, bool demo, const QStringList &extraArguments)
{
    kill();
    m_demo = demo;
    m_extra = extraArguments;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args{QStringLiteral("--listen"),  QStringLiteral("127.0.0.1:%1").arg(port),
                     QStringLiteral("--db"),      dbPath(),
                     QStringLiteral("--log-dir"), m_dir.filePath(QStringLiteral("logs"))};
    if (demo)
        args << QStringLiteral("--demo");
    args << extraArguments;
    m_process->start(m_binary, args);
    if (!m_process->waitForStarted(10000))
        return false;
    static const QRegularExpression line(
        QStringLiteral("^threadline-hub listening on ws://127\\.0\\.0\\.1:(\\d+)/ws$"));
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            const QString text = QString::fromUtf8(m_process->readLine()).trimmed();
            const auto m = line.match(text);
            if (m.hasMatch()) {
                m_port = quint16(m.captured(1).toUInt());
                return m_port != 0;
            }
            continue;
        }
        if (m_process->state() != QProcess::Running)
            return false;
        m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    return false;
}

QByteArray HubProcess::stderrText() const
{
    return m_process ? m_process->readAllStandardError() : QByteArray();
}

HubProcess::CliResult HubProcess::runCli(const QStringList &arguments, int timeoutMs) const
{
    QProcess p;
    p.start(m_binary, arguments);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool HubProcess::addUser(const QString &name, const QString &role, const QString &password)
{
    const QString file = m_dir.filePath(QStringLiteral("password-") + name);
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(password.toUtf8() + '\n');
    }
    const CliResult r =
        runCli({QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"), role,
                QStringLiteral("--password-file"), file, QStringLiteral("--db"), dbPath()});
    QFile::remove(file);
    return r.exitCode == 0;
}

void HubProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_process.reset();
}

bool HubProcess::restart()
{
    // The same port, so connected desktops find it again where they left it.
    const quint16 port = m_port;
    return startOn(port, m_demo, m_extra);
}

} // namespace threadline::testing
