// SPDX-License-Identifier: GPL-3.0-or-later
// Replies by email leave the hub through SMTP to a real server (Debian's aiosmtpd, saving
// to a Maildir): RFC 2047 subject, UTF-8 Persian body, In-Reply-To and References from the
// customer's mail, and the customer's answer to it threads back to them. An unreachable
// server is tried again and then fails with a reason; a restart sends what was left queued
// exactly once and never sends twice what already left.
#include "server/email_parser.h"
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/mail_server.h"
#include "tests/support/test_client.h"

#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {
const QString kShop = QStringLiteral("shop@threadline.test");

QString k(const char *s)
{
    return QString::fromLatin1(s);
}

QByteArray customerMail(const QString &from, const QString &messageId, const QString &subject,
                        const QString &inReplyTo = {})
{
    QByteArray raw = "From: Shirin Rahimi <" + from.toUtf8() + ">\r\n" +
                     "To: " + kShop.toUtf8() + "\r\n" +
                     "Subject: =?UTF-8?B?" + subject.toUtf8().toBase64() + "?=\r\n" +
                     "Message-ID: <" + messageId.toUtf8() + ">\r\n" +
                     "Date: Wed, 25 Nov 2026 10:00:00 +0330\r\n";
    if (!inReplyTo.isEmpty())
        raw += "In-Reply-To: <" + inReplyTo.toUtf8() + ">\r\nReferences: <" +
               inReplyTo.toUtf8() + ">\r\n";
    raw += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" +
           QStringLiteral("سلام، سفارشم کی می‌رسد؟").toUtf8() + "\r\n";
    return raw;
}

server::ParsedEmail parsed(const QByteArray &raw)
{
    const auto p = server::parseEmail(raw);
    if (const auto *mail = std::get_if<server::ParsedEmail>(&p))
        return *mail;
    return {};
}
} // namespace

class TestOutboundEmail : public QObject {
    Q_OBJECT

    static QStringList smtpArguments(quint16 port, int attempts, const QString &retrySeconds)
    {
        return {k("--smtp-host"),         k("127.0.0.1"),
                k("--smtp-port"),         QString::number(port),
                k("--smtp-from"),         kShop,
                k("--outbound-attempts"), QString::number(attempts),
                k("--outbound-retry-seconds"), retrySeconds};
    }

    /// A customer who wrote to us by email; returns their id.
    static qint64 customerWhoWrote(HubProcess &hub, const QString &from, const QString &messageId,
                                   const QString &subject)
    {
        const HttpReply r = httpPost(hubHttpUrl(hub, k("/ingress/email")),
                                     customerMail(from, messageId, subject), "message/rfc822");
        return r.status == 201 ? r.json().value(k("customer_id")).toInteger() : 0;
    }

    static protocol::Envelope replyByEmail(TestClient &agent, qint64 customerId,
                                           const QString &subject, const QString &body)
    {
        return agent.command(protocol::type::sendMessage, {{k("customer_id"), customerId},
                                                           {k("channel"), k("email")},
                                                           {k("subject"), subject},
                                                           {k("body"), body}});
    }

    static std::optional<protocol::Envelope> statusOf(TestClient &agent, const protocol::Envelope &ack)
    {
        const qint64 id = ack.data.value(k("message")).toObject().value(k("id")).toInteger();
        return agent.waitForEvent(protocol::type::messageStatus, [id](const protocol::Envelope &e) {
            return e.data.value(k("message_id")).toInteger() == id;
        });
    }

private Q_SLOTS:
    void aReplyReachesTheMailServerThreadedAndTheCustomersAnswerComesBack()
    {
        MailServer mail;
        const quint16 port = freePort();
        QVERIFY(mail.start(port));
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY2(hub.start(false, smtpArguments(port, 3, k("0.2"))), hub.stderrText().constData());
        QVERIFY(hub.addUser(k("agent"), k("agent"), k("demo")));
        auto agent = TestClient::signedIn(hub.url(), k("agent"));
        QVERIFY(agent);

        const QString subject = QStringLiteral("سفارش ۱۰۰۱");
        const qint64 customer =
            customerWhoWrote(hub, k("shirin@example.ir"), k("first.1@example.ir"), subject);
        QVERIFY(customer > 0);
        // A line starting with a dot must survive SMTP's end-of-data marker.
        const QString body = QStringLiteral("سلام شیرین،\nسفارش شما فردا می‌رسد.\n.\n...و ممنون از صبرتان");
        const auto ack = replyByEmail(*agent, customer, QStringLiteral("Re: ") + subject, body);
        QCOMPARE(ack.type, protocol::type::ack);
        const auto sent = statusOf(*agent, ack);
        QVERIFY2(sent, hub.stderrText().constData());
        QCOMPARE(sent->data.value(k("status")).toString(), k("sent"));

        const QList<QByteArray> received = mail.messages();
        QCOMPARE(received.size(), 1);
        const QByteArray &raw = received.constFirst();
        // RFC 2047: the headers are ASCII, the Persian subject an encoded word.
        const QByteArray headers = raw.left(raw.indexOf("\n\n"));
        QVERIFY2(std::all_of(headers.begin(), headers.end(), [](char c) { return uchar(c) < 0x80; }),
                 raw.constData());
        QVERIFY2(headers.contains("Subject: Re: =?UTF-8?") || headers.contains("Subject: Re: =?utf-8?"),
                 raw.constData());
        QVERIFY(raw.contains("charset=utf-8") || raw.contains("charset=UTF-8"));
        QVERIFY(raw.contains(QByteArray("X-MailFrom: " + kShop.toUtf8())));
        QVERIFY(raw.contains("X-RcptTo: shirin@example.ir"));
        const server::ParsedEmail email = parsed(raw);
        QCOMPARE(email.subject, QStringLiteral("Re: ") + subject);
        QCOMPARE(email.text.trimmed(), body);
        QCOMPARE(email.fromAddress, kShop);
        QCOMPARE(email.inReplyTo, k("first.1@example.ir"));
        QCOMPARE(email.references, QStringList{k("first.1@example.ir")});
        QVERIFY(email.messageId.endsWith(k("@threadline.test")));

        // Their answer, from an address the hub has never seen, joins the same customer.
        const HttpReply answer = httpPost(
            hubHttpUrl(hub, k("/ingress/email")),
            customerMail(k("shirin.work@example.com"), k("second.2@example.com"),
                         QStringLiteral("Re: Re: ") + subject, email.messageId),
            "message/rfc822");
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.json().value(k("customer_id")).toInteger(), customer);

        // The next reply answers their latest mail and carries the whole chain.
        const auto second = replyByEmail(*agent, customer, subject, QStringLiteral("خواهش می‌کنم"));
        QVERIFY(statusOf(*agent, second));
        QTRY_COMPARE(mail.messages().size(), 2);
        const server::ParsedEmail next = parsed(mail.messages().at(1));
        QCOMPARE(next.subject, QStringLiteral("Re: ") + subject); // "Re: " added once
        QCOMPARE(next.inReplyTo, k("second.2@example.com"));
        QCOMPARE(next.references,
                 (QStringList{email.messageId, k("second.2@example.com")}));
    }

    void anUnreachableMailServerIsTriedAgainThenTheReplyFailsWithAReason()
    {
        const quint16 nobody = freePort();
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY2(hub.start(false, smtpArguments(nobody, 3, k("0.2"))),
                 hub.stderrText().constData());
        QVERIFY(hub.addUser(k("agent"), k("agent"), k("demo")));
        auto agent = TestClient::signedIn(hub.url(), k("agent"));
        QVERIFY(agent);
        const qint64 customer =
            customerWhoWrote(hub, k("omid@example.ir"), k("omid.1@example.ir"), k("Hello"));
        QVERIFY(customer > 0);
        const auto ack = replyByEmail(*agent, customer, k("Re: Hello"), k("Hi Omid"));
        QCOMPARE(ack.type, protocol::type::ack);
        const auto failed = statusOf(*agent, ack);
        QVERIFY(failed);
        QCOMPARE(failed->data.value(k("status")).toString(), k("failed"));
        const QString reason = failed->data.value(k("reason")).toString();
        QVERIFY2(reason.contains(k("cannot reach the mail server")) &&
                     reason.contains(k("after 3 attempts")),
                 qUtf8Printable(reason));
    }

    void aRestartSendsWhatWasLeftQueuedOnceAndNothingTwice()
    {
        // The mail server is down when the reply is written, and the next try is an hour
        // away: only the restart can send it.
        const quint16 port = freePort();
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY2(hub.start(false, smtpArguments(port, 6, k("3600"))), hub.stderrText().constData());
        QVERIFY(hub.addUser(k("agent"), k("agent"), k("demo")));
        qint64 customer = 0;
        protocol::Envelope ack;
        {
            auto agent = TestClient::signedIn(hub.url(), k("agent"));
            QVERIFY(agent);
            customer = customerWhoWrote(hub, k("leila@example.ir"), k("leila.1@example.ir"),
                                        k("Refund"));
            QVERIFY(customer > 0);
            ack = replyByEmail(*agent, customer, k("Re: Refund"), k("Your refund is on its way"));
            QCOMPARE(ack.type, protocol::type::ack);
        }
        MailServer mail;
        hub.kill();
        QVERIFY(mail.start(port));
        QVERIFY2(hub.restart(), hub.stderrText().constData());
        {
            TestClient agent;
            QVERIFY(agent.connectTo(hub.url()));
            // Resume after the reply's own event: what happened since is replayed.
            QCOMPARE(agent.hello(k("agent"), k("demo"), ack.seq).type, protocol::type::welcome);
            const auto sent = statusOf(agent, ack);
            QVERIFY2(sent, hub.stderrText().constData());
            QCOMPARE(sent->data.value(k("status")).toString(), k("sent"));
        }
        QCOMPARE(mail.messages().size(), 1);

        // Another restart sends nothing again; a new reply is the second and last mail.
        QVERIFY2(hub.restart(), hub.stderrText().constData());
        auto agent = TestClient::signedIn(hub.url(), k("agent"));
        QVERIFY(agent);
        const auto next = replyByEmail(*agent, customer, k("Re: Refund"), k("It arrived?"));
        QVERIFY(statusOf(*agent, next));
        QCOMPARE(mail.messages().size(), 2);
        QVERIFY(parsed(mail.messages().at(0)).messageId != parsed(mail.messages().at(1)).messageId);
    }
};

QTEST_GUILESS_MAIN(TestOutboundEmail)
#include "tst_outbound_email.moc"
