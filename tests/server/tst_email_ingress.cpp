// SPDX-License-Identifier: GPL-3.0-or-later
// POST /ingress/email against a real hub: raw mail lands in the sender's thread and reaches
// a connected desktop live; replies thread, duplicates and bad input store nothing.
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {
const QByteArray kRfc822 = QByteArrayLiteral("message/rfc822");
const QByteArray kSecret = QByteArrayLiteral("s3cret-for-tests");

QJsonObject messageOf(const protocol::Envelope &e)
{
    return e.data.value(QStringLiteral("message")).toObject();
}

QByteArray mail(const QString &from, const QString &messageId, const QString &body,
                const QString &extraHeaders = {})
{
    return (QStringLiteral("From: ") + from + QStringLiteral("\r\nTo: shop@example.ir\r\n") +
            QStringLiteral("Subject: Order question\r\nMessage-ID: <") + messageId +
            QStringLiteral(">\r\n") + extraHeaders +
            QStringLiteral("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n") +
            body + QStringLiteral("\r\n"))
        .toUtf8();
}
} // namespace

class TestEmailIngress : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

    std::unique_ptr<TestClient> desktop()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(m_hub.url()) ||
            client->hello(QStringLiteral("agent"), QStringLiteral("demo")).type !=
                protocol::type::welcome ||
            !client->waitForEvent(protocol::type::live))
            return nullptr;
        return client;
    }

    HttpReply post(const QByteArray &raw, const QByteArray &secret = kSecret,
                   const QByteArray &type = kRfc822)
    {
        HttpHeaders headers;
        if (!secret.isEmpty())
            headers.append({"X-Threadline-Ingress-Secret", secret});
        return httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/email")), raw, type, headers);
    }

    QJsonObject find(const QString &identity)
    {
        const auto r = m_hub.runCli({QStringLiteral("customer"), QStringLiteral("find"), identity,
                                     QStringLiteral("--db"), m_hub.dbPath()});
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile secret(m_hub.folder() + QStringLiteral("/ingress-secret"));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(kSecret + '\n');
        secret.close();
        QVERIFY2(m_hub.start(true, {QStringLiteral("--ingress-secret-file"), secret.fileName()}),
                 m_hub.stderrText().constData());
    }

    void aRealReplyReachesTheDesktopWithItsQuoteApart()
    {
        auto agent = desktop();
        QVERIFY(agent);
        const auto r =
            post(testData(QStringLiteral("email/quoted-replies/standard_replies/gmail.eml")));
        QCOMPARE(r.status, 201);
        QVERIFY(r.json().value(QStringLiteral("message_id")).toInteger() > 0);
        QVERIFY(agent->waitForEvent(protocol::type::customerUpserted)); // new customer first
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const QJsonObject m = messageOf(*created);
        QCOMPARE(m.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        QCOMPARE(m.value(QStringLiteral("author")).toString(), QStringLiteral("Megan One"));
        QCOMPARE(m.value(QStringLiteral("identity")).toString(), QStringLiteral("xxx@gmail.com"));
        QCOMPARE(m.value(QStringLiteral("subject")).toString(), QStringLiteral("Re: Test"));
        QCOMPARE(m.value(QStringLiteral("body")).toString(), QStringLiteral("Hello"));
        QVERIFY(m.value(QStringLiteral("quoted")).toString().startsWith(QStringLiteral("On Mon")));
        const auto summary = agent->waitForEvent(protocol::type::customerUpserted);
        QVERIFY(summary);
        QCOMPARE(summary->data.value(QStringLiteral("customer"))
                     .toObject()
                     .value(QStringLiteral("name")),
                 QStringLiteral("Megan One"));
    }

    void theArabicAutoReplyIsStoredFlagged()
    {
        auto agent = desktop();
        QVERIFY(agent);
        QCOMPARE(post(testData(QStringLiteral("email/arabic/arabic-auto-reply.eml"))).status, 201);
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const QJsonObject m = messageOf(*created);
        QCOMPARE(m.value(QStringLiteral("author")).toString(), QStringLiteral(u"متجر سوق نت"));
        QCOMPARE(m.value(QStringLiteral("subject")).toString(),
                 QStringLiteral(u"أهلين عميلنا الكريم"));
        QVERIFY(m.value(QStringLiteral("meta"))
                    .toObject()
                    .value(QStringLiteral("auto_reply"))
                    .toBool());
    }

    void aReplyFromANewAddressJoinsTheThreadItAnswers()
    {
        auto agent = desktop();
        QVERIFY(agent);
        QCOMPARE(post(mail(QStringLiteral("Nima <Nima@Example.IR>"), QStringLiteral("first@nima"),
                           QStringLiteral("Where is my order?")))
                     .status,
                 201);
        const auto first = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(first);
        // His wife answers from her own address, in the same thread.
        QCOMPARE(
            post(mail(QStringLiteral("Mina <mina@example.ir>"), QStringLiteral("second@mina"),
                      QStringLiteral("It is for me, actually."),
                      QStringLiteral("In-Reply-To: <first@nima>\r\nReferences: <first@nima>\r\n")))
                .status,
            201);
        const auto second = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(second);
        QCOMPARE(messageOf(*second).value(QStringLiteral("customer_id")),
                 messageOf(*first).value(QStringLiteral("customer_id")));
        const QJsonObject c = find(QStringLiteral("MINA@example.ir"));
        QCOMPARE(c.value(QStringLiteral("identities")).toArray().size(), 2);
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Nima"));
    }

    void attachmentsAreStoredAndListed()
    {
        auto agent = desktop();
        QVERIFY(agent);
        const QByteArray raw =
            "From: Leila <leila@example.ir>\r\nSubject: photo\r\nMessage-ID: <att@leila>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n"
            "--x\r\nContent-Type: text/plain\r\n\r\nThe box arrived broken.\r\n"
            "--x\r\nContent-Type: image/jpeg; name=\"box.jpg\"\r\n"
            "Content-Disposition: attachment; filename=\"box.jpg\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQSkZJRgABAQ==\r\n--x--\r\n";
        QCOMPARE(post(raw).status, 201);
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const QJsonArray listed = messageOf(*created)
                                      .value(QStringLiteral("meta"))
                                      .toObject()
                                      .value(QStringLiteral("attachments"))
                                      .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("box.jpg"));
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("size")).toInt(), 13);
        const QJsonArray stored =
            find(QStringLiteral("leila@example.ir")).value(QStringLiteral("attachments")).toArray();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("image/jpeg"));
    }

    void theSameMailDeliveredTwiceIsStoredOnce()
    {
        auto agent = desktop();
        QVERIFY(agent);
        const QByteArray raw =
            mail(QStringLiteral("dup@example.ir"), QStringLiteral("dup@1"), QStringLiteral("once"));
        QCOMPARE(post(raw).status, 201);
        QVERIFY(agent->waitForEvent(protocol::type::messageCreated));
        const auto again = post(raw);
        QCOMPARE(again.status, 200);
        QVERIFY(again.json().value(QStringLiteral("duplicate")).toBool());
        QVERIFY(!agent->waitForEvent(protocol::type::messageCreated, 500));
        QCOMPARE(
            find(QStringLiteral("dup@example.ir")).value(QStringLiteral("items")).toArray().size(),
            1);
    }

    void badInputGetsAStableErrorAndStoresNothing()
    {
        auto agent = desktop();
        QVERIFY(agent);
        auto r = post("this is not an email");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
        r = post(mail(QStringLiteral("x@example.ir"), QStringLiteral("t@1"), QStringLiteral("x")),
                 kSecret, "text/plain");
        QCOMPARE(r.status, 415);
        r = post(mail(QStringLiteral("x@example.ir"), QStringLiteral("t@2"), QStringLiteral("x")),
                 QByteArray());
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("unauthenticated"));
        r = post(mail(QStringLiteral("x@example.ir"), QStringLiteral("t@3"), QStringLiteral("x")),
                 "wrong-secret-for-test");
        QCOMPARE(r.status, 401);
        QByteArray huge = mail(QStringLiteral("x@example.ir"), QStringLiteral("t@4"), QString());
        huge += QByteArray(10 * 1024 * 1024, 'a');
        r = post(huge);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("too_large"));
        QVERIFY(!agent->waitForEvent(protocol::type::messageCreated, 300));
        QCOMPARE(
            m_hub
                .runCli({QStringLiteral("customer"), QStringLiteral("find"),
                         QStringLiteral("x@example.ir"), QStringLiteral("--db"), m_hub.dbPath()})
                .exitCode,
            3);
    }
};

QTEST_GUILESS_MAIN(TestEmailIngress)
#include "tst_email_ingress.moc"
