// SPDX-License-Identifier: GPL-3.0-or-later
// Email replies over STARTTLS with AUTH (issue 3's leftovers): a TLS-capable aiosmtpd
// (tests/support/smtp_tls_server.py) with a certificate made by openssl for this run and
// trusted through --smtp-ca-file. The hub signs in only on the encrypted connection, after
// STARTTLS; a server that offers no STARTTLS gets neither the password nor the message
// when TLS is required; a certificate the hub was not told to trust is not accepted.
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/mail_server.h"
#include "tests/support/test_client.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {

QString k(const char *s)
{
    return QString::fromLatin1(s);
}

/// The test SMTP server: STARTTLS (unless told not to) and AUTH for shop/secret.
class TlsMailServer {
public:
    ~TlsMailServer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    /// A self-signed certificate for 127.0.0.1, made with openssl for this run.
    bool makeCertificate()
    {
        QProcess openssl;
        openssl.setStandardErrorFile(QProcess::nullDevice());
        openssl.start(k("openssl"),
                      {k("req"), k("-x509"), k("-newkey"), k("rsa:2048"), k("-nodes"), k("-keyout"),
                       keyFile(), k("-out"), certificateFile(), k("-days"), k("1"), k("-subj"),
                       k("/CN=localhost"), k("-addext"),
                       k("subjectAltName=IP:127.0.0.1,DNS:localhost")});
        return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit &&
               openssl.exitCode() == 0;
    }

    bool start(bool offerStartTls)
    {
        m_port = freePort();
        QStringList args{k(THREADLINE_SOURCE_DIR "/tests/support/smtp_tls_server.py"),
                         QString::number(m_port), certificateFile(), keyFile(), k("shop"),
                         k("secret")};
        if (!offerStartTls)
            args << k("--no-starttls");
        m_process.start(k("/usr/bin/python3"), args);
        return m_process.waitForStarted(10000) &&
               QTest::qWaitFor([&] { return !log().filter(k("ready ")).isEmpty(); }, 20000);
    }

    quint16 port() const { return m_port; }
    QString certificateFile() const { return m_dir.filePath(k("cert.pem")); }
    QString keyFile() const { return m_dir.filePath(k("key.pem")); }
    /// The commands it handled so far, one per line ("EHLO tls=0", "AUTH tls=1 …").
    QStringList log()
    {
        m_log += QString::fromUtf8(m_process.readAllStandardOutput());
        return m_log.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_log;
};

} // namespace

class TestOutboundSmtpTls : public QObject {
    Q_OBJECT

    TlsMailServer m_server;
    QTemporaryDir m_dir;

    QStringList hubArguments(quint16 port, bool trustTheServer)
    {
        QFile password(m_dir.filePath(k("smtp-password")));
        if (password.open(QIODevice::WriteOnly))
            password.write("secret\n");
        password.close();
        QStringList args{k("--smtp-host"),          k("127.0.0.1"),
                         k("--smtp-port"),          QString::number(port),
                         k("--smtp-starttls"),      k("--smtp-user"),
                         k("shop"),                 k("--smtp-password-file"),
                         password.fileName(),       k("--smtp-from"),
                         k("shop@threadline.test"), k("--outbound-attempts"),
                         k("2"),                    k("--outbound-retry-seconds"),
                         k("0.2")};
        if (trustTheServer)
            args << k("--smtp-ca-file") << m_server.certificateFile();
        return args;
    }

    /// Starts a hub on `hub`, replies by email to a customer who wrote, and returns the
    /// reply's final status line ("sent" or "failed <reason>").
    QString replyThrough(HubProcess &hub, const QStringList &arguments)
    {
        if (!hub.start(true, arguments))
            return QStringLiteral("hub did not start: ") + QString::fromUtf8(hub.stderrText());
        const HttpReply wrote = httpPost(
            hubHttpUrl(hub, k("/ingress/email")),
            "From: Sara <sara@example.ir>\r\nTo: shop@threadline.test\r\nSubject: Order\r\n"
            "Message-ID: <sara.1@example.ir>\r\n\r\nWhere is it?\r\n",
            "message/rfc822");
        auto agent = TestClient::signedIn(hub.url(), k("agent"));
        if (wrote.status != 201 || !agent)
            return k("no customer or no desktop");
        const auto ack = agent->command(
            protocol::type::sendMessage,
            {{k("customer_id"), wrote.json().value(k("customer_id")).toInteger()},
             {k("channel"), protocol::channel::email},
             {k("subject"), k("Re: Order")},
             {k("body"), k("On its way")}});
        const qint64 id = ack.data.value(k("message")).toObject().value(k("id")).toInteger();
        const auto status = agent->waitForEvent(
            protocol::type::messageStatus,
            [id](const protocol::Envelope &e) {
                return e.data.value(k("message_id")).toInteger() == id;
            },
            30000);
        if (!status)
            return k("no status");
        const QString line = status->data.value(k("status")).toString() + QLatin1Char(' ') +
                             status->data.value(k("reason")).toString();
        return line.trimmed();
    }

    /// A reply to a new server (with its own certificate) fails with `why`, and the server
    /// saw neither AUTH nor MAIL.
    void refusedBeforeSigningIn(bool offerStartTls, const QString &why)
    {
        TlsMailServer server;
        QVERIFY(server.makeCertificate());
        QVERIFY(server.start(offerStartTls));
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        const QString status = replyThrough(hub, hubArguments(server.port(), true));
        QVERIFY2(status.startsWith(k("failed")) && status.contains(why), qPrintable(status));
        const QStringList log = server.log();
        QVERIFY2(log.filter(k("AUTH")).isEmpty() && log.filter(k("MAIL")).isEmpty(),
                 qPrintable(log.join(k("\n"))));
        QVERIFY(!log.filter(k("EHLO tls=0")).isEmpty()); // it did talk to the server
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.makeCertificate()); }

    void theHubSignsInOnlyAfterStartTlsAndTheReplyGoesOut()
    {
        QVERIFY(m_server.start(true));
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        QCOMPARE(replyThrough(hub, hubArguments(m_server.port(), true)), k("sent"));
        QTRY_VERIFY(m_server.log().filter(k("DATA")).size() == 1);
        const QStringList log = m_server.log();
        const QStringList commands = log.filter(QRegularExpression(k("^(EHLO|AUTH|MAIL|DATA)")));
        QCOMPARE(commands,
                 (QStringList{k("EHLO tls=0"), k("EHLO tls=1"), k("AUTH tls=1 user=shop ok=1"),
                              k("MAIL tls=1 auth=1"), commands.value(4)}));
        QVERIFY2(commands.value(4).startsWith(k("DATA tls=1")), qPrintable(log.join(k("\n"))));
    }

    void aServerWithoutStartTlsGetsNeitherPasswordNorMessage()
    {
        refusedBeforeSigningIn(false, k("does not offer STARTTLS"));
    }

    void aCertificateTheHubWasNotToldToTrustIsRefused()
    {
        // The hub trusts m_server's certificate, not the new server's own.
        refusedBeforeSigningIn(true, k("not trusted"));
    }
};

QTEST_GUILESS_MAIN(TestOutboundSmtpTls)
#include "tst_outbound_smtp_tls.moc"
