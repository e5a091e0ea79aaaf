// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/outbound_settings.h"

#include <QByteArray>
#include <QObject>
#include <QSslSocket>
#include <QStringList>
#include <QTimer>

namespace threadline::server {

/// What came of handing one message to an SMTP server.
struct SmtpOutcome {
    bool ok = false;
    /// The server refused for good (5xx): trying again will not help.
    bool permanent = false;
    QString reason; ///< for the agent, e.g. "the mail server refused the recipient: 550 …"
};

/// One asynchronous SMTP conversation (RFC 5321): EHLO, optional STARTTLS, AUTH PLAIN,
/// MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. Emits finished exactly once and
/// may then be deleted. 4xx replies and network trouble are transient; 5xx permanent.
class SmtpClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kStepTimeoutMs = 60'000;

    SmtpClient(SmtpSettings settings, QObject *parent = nullptr);

    /// `message` is a complete RFC 5322 message (LF or CRLF line ends).
    void send(const QString &recipient, const QByteArray &message);

    /// CRLF line ends, a dot doubled at the start of a line, and the final "." line.
    static QByteArray dataBlock(const QByteArray &message);

Q_SIGNALS:
    void finished(const threadline::server::SmtpOutcome &outcome);

private:
    enum class Step { Greeting, Ehlo, StartTls, EhloAgain, Auth, MailFrom, RcptTo, Data, Body, Quit };

    void onReadable();
    void onReply(int code, const QStringList &lines);
    void command(const QByteArray &line, Step next);
    void afterEhlo(const QStringList &lines);
    void fail(bool permanent, const QString &reason);
    void succeed();

    SmtpSettings m_settings;
    QSslSocket m_socket;
    QTimer m_timeout;
    Step m_step = Step::Greeting;
    QString m_recipient;
    QByteArray m_message;
    QByteArray m_buffer;
    QStringList m_lines; ///< of a multi-line reply so far
    bool m_done = false;
};

} // namespace threadline::server

Q_DECLARE_METATYPE(threadline::server::SmtpOutcome)
