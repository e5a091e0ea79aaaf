// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/smtp_client.h"

#include "services/logging/log.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QSslConfiguration>

namespace threadline::server {
namespace {

// What the server said, short enough for a status line in the desktop.
QString serverSaid(int code, const QStringList &lines)
{
    QString text = QString::number(code);
    if (!lines.isEmpty())
        text += QLatin1Char(' ') + lines.join(QLatin1Char(' ')).simplified();
    return text.left(200);
}

bool isLoopback(const QString &host)
{
    QHostAddress address;
    return host == QLatin1String("localhost") ||
           (address.setAddress(host) && address.isLoopback());
}

} // namespace

SmtpClient::SmtpClient(SmtpSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{
    qRegisterMetaType<threadline::server::SmtpOutcome>();
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kStepTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(false, QStringLiteral("the mail server %1 did not answer in time")
                        .arg(m_settings.host));
    });
    connect(&m_socket, &QSslSocket::readyRead, this, &SmtpClient::onReadable);
    connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this] {
        fail(false, QStringLiteral("cannot reach the mail server %1:%2 (%3)")
                        .arg(m_settings.host)
                        .arg(m_settings.port)
                        .arg(m_socket.errorString()));
    });
    connect(&m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        fail(false, QStringLiteral("the mail server's TLS certificate is not trusted (%1)")
                        .arg(errors.isEmpty() ? QString() : errors.constFirst().errorString()));
    });
    connect(&m_socket, &QSslSocket::encrypted, this, [this] {
        command("EHLO " + QHostInfo::localHostName().toUtf8(), Step::EhloAgain);
    });
}

void SmtpClient::send(const QString &recipient, const QByteArray &message)
{
    if (!m_settings.caFile.isEmpty()) {
        // A private CA (the hub checked at start that the file holds certificates).
        QSslConfiguration tls = m_socket.sslConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_settings.caFile));
        m_socket.setSslConfiguration(tls);
    }
    m_recipient = recipient;
    m_message = message;
    m_step = Step::Greeting;
    m_timeout.start();
    m_socket.connectToHost(m_settings.host, m_settings.port);
}

QByteArray SmtpClient::dataBlock(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 40 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message.at(i);
        if (c == '\r' && i + 1 < message.size() && message.at(i + 1) == '\n')
            continue; // the '\n' writes the line end
        if (lineStart && c == '.')
            out += '.';
        if (c == '\n') {
            out += "\r\n";
            lineStart = true;
            continue;
        }
        out += c;
        lineStart = false;
    }
    if (!lineStart)
        out += "\r\n";
    out += ".\r\n";
    return out;
}

void SmtpClient::onReadable()
{
    m_buffer += m_socket.readAll();
    while (true) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end < 0) {
            if (m_buffer.size() > 64 * 1024)
                fail(false, QStringLiteral("the mail server sent an over-long line"));
            return;
        }
        const QByteArray line = m_buffer.left(end).trimmed();
        m_buffer.remove(0, end + 1);
        bool ok = false;
        const int code = line.left(3).toInt(&ok);
        if (!ok || code < 200 || code > 599) {
            fail(false, QStringLiteral("the mail server does not speak SMTP"));
            return;
        }
        m_lines.append(QString::fromUtf8(line.mid(4)));
        if (line.size() > 3 && line.at(3) == '-')
            continue; // more lines of the same reply follow
        const QStringList lines = std::exchange(m_lines, {});
        onReply(code, lines);
        if (m_done)
            return;
    }
}

void SmtpClient::command(const QByteArray &line, Step next)
{
    m_step = next;
    m_timeout.start();
    m_socket.write(line + "\r\n");
}

void SmtpClient::onReply(int code, const QStringList &lines)
{
    const bool positive = code < 400;
    if (!positive && m_step != Step::Quit) {
        const bool permanent = code >= 500;
        QString what;
        switch (m_step) {
        case Step::RcptTo:
            what = QStringLiteral("the mail server refused the recipient");
            break;
        case Step::Auth:
            what = QStringLiteral("the mail server refused the sign-in");
            break;
        case Step::StartTls:
            what = QStringLiteral("the mail server refused STARTTLS");
            break;
        default:
            what = QStringLiteral("the mail server refused the message");
        }
        fail(permanent, what + QStringLiteral(": ") + serverSaid(code, lines));
        return;
    }
    const QByteArray localName = QHostInfo::localHostName().toUtf8();
    switch (m_step) {
    case Step::Greeting:
        command("EHLO " + (localName.isEmpty() ? QByteArray("threadline-hub") : localName),
                Step::Ehlo);
        return;
    case Step::Ehlo:
        if (m_settings.startTls) {
            if (!lines.join(QLatin1Char('\n')).contains(QLatin1String("STARTTLS"),
                                                        Qt::CaseInsensitive)) {
                fail(true, QStringLiteral("the mail server %1 does not offer STARTTLS")
                               .arg(m_settings.host));
                return;
            }
            command("STARTTLS", Step::StartTls);
            return;
        }
        afterEhlo(lines);
        return;
    case Step::StartTls:
        m_timeout.start();
        m_socket.startClientEncryption(); // continues in encrypted() with EHLO
        return;
    case Step::EhloAgain:
        afterEhlo(lines);
        return;
    case Step::Auth:
        command("MAIL FROM:<" + m_settings.from.toUtf8() + '>', Step::MailFrom);
        return;
    case Step::MailFrom:
        command("RCPT TO:<" + m_recipient.toUtf8() + '>', Step::RcptTo);
        return;
    case Step::RcptTo:
        command("DATA", Step::Data);
        return;
    case Step::Data:
        if (code != 354) {
            fail(false, QStringLiteral("the mail server did not accept DATA: ") +
                            serverSaid(code, lines));
            return;
        }
        m_step = Step::Body;
        m_timeout.start();
        m_socket.write(dataBlock(m_message));
        return;
    case Step::Body:
        // The server took responsibility for the message; QUIT is a courtesy.
        succeed();
        m_step = Step::Quit;
        m_socket.write("QUIT\r\n");
        m_socket.disconnectFromHost();
        return;
    case Step::Quit:
        return;
    }
}

void SmtpClient::afterEhlo(const QStringList &lines)
{
    if (m_settings.user.isEmpty()) {
        command("MAIL FROM:<" + m_settings.from.toUtf8() + '>', Step::MailFrom);
        return;
    }
    // A password crosses the network only encrypted, or to this machine.
    if (!m_socket.isEncrypted() && !isLoopback(m_settings.host)) {
        fail(true, QStringLiteral("SMTP sign-in needs STARTTLS (set smtp starttls)"));
        return;
    }
    bool plain = false;
    for (const QString &line : lines)
        if (line.startsWith(QLatin1String("AUTH"), Qt::CaseInsensitive) &&
            line.contains(QLatin1String("PLAIN"), Qt::CaseInsensitive))
            plain = true;
    if (!plain) {
        fail(true, QStringLiteral("the mail server %1 does not offer AUTH PLAIN")
                       .arg(m_settings.host));
        return;
    }
    QByteArray credentials(1, '\0');
    credentials += m_settings.user.toUtf8();
    credentials += '\0';
    credentials += m_settings.password;
    command("AUTH PLAIN " + credentials.toBase64(), Step::Auth);
}

void SmtpClient::fail(bool permanent, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_socket.abort();
    Q_EMIT finished(SmtpOutcome{false, permanent, reason});
}

void SmtpClient::succeed()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(SmtpOutcome{true, false, {}});
}

} // namespace threadline::server
