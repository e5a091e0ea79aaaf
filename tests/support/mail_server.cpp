// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/mail_server.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace threadline::testing {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // closed when probe goes: nothing listens there now
}

bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
}

MailServer::~MailServer()
{
    stop();
}

bool MailServer::start(quint16 port)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                     QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(port),
                     QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"),
                     m_dir.filePath(QStringLiteral("maildir"))});
    if (!m_process.waitForStarted(10000))
        return false;
    return QTest::qWaitFor(
               [&] { return accepts(port) || m_process.state() != QProcess::Running; }, 20000) &&
           m_process.state() == QProcess::Running;
}

void MailServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

QList<QByteArray> MailServer::messages() const
{
    QList<QByteArray> out;
    const QDir newMail(m_dir.filePath(QStringLiteral("maildir/new")));
    for (const QString &name : newMail.entryList(QDir::Files, QDir::Time | QDir::Reversed)) {
        QFile f(newMail.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.append(f.readAll());
    }
    return out;
}

} // namespace threadline::testing
