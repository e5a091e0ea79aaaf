// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments and original formatting of an email, against a real hub: the thread lists
// what a mail carried (a forwarded real message from shared/testdata, a binary file whose
// name tries to disguise its extension), attachment.get answers the exact bytes a slice at
// a time, message.html answers sanitised HTML, and store staff see neither before they
// looked up an order of that customer.
#include "services/protocol/error_code.h"
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;
using protocol::Envelope;

namespace {
QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

const QString kDisguised = QStringLiteral(u"invoice\u202Efdp.exe");

// 1.3 MiB: more than two slices of attachment.get.
QByteArray binaryPayload()
{
    QByteArray bytes(1300 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(rng.bounded(256));
    return bytes;
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

// A customer's mail: text and HTML alternatives, the real Gmail reply from shared/testdata
// forwarded as message/rfc822, and the binary file.
QByteArray mailWithAttachments(const QByteArray &forwarded, const QByteArray &binary)
{
    const QByteArray name = "=?UTF-8?B?" + kDisguised.toUtf8().toBase64() + "?=";
    return "From: Maryam Karimi <maryam.karimi@example.ir>\r\n"
           "To: shop@example.ir\r\nSubject: Papers for my order\r\n"
           "Message-ID: <papers-1@example.ir>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
           "--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
           "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe invoice is attached.\r\n"
           "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
           "<html><head><style>body{background:url(http://tracker.example/a.png)}</style></head>"
           "<body><p onclick=\"steal()\">The <b>invoice</b> is attached.</p>"
           "<img src=\"http://tracker.example/open.gif\" alt=\"logo\">"
           "<script>alert(1)</script><a href=\"https://shop.example.ir/orders\">My orders</a>"
           "</body></html>\r\n--alt--\r\n"
           "--outer\r\nContent-Type: message/rfc822\r\n"
           "Content-Disposition: attachment; filename=\"gmail.eml\"\r\n\r\n" +
           forwarded +
           "\r\n--outer\r\nContent-Type: application/octet-stream\r\n"
           "Content-Transfer-Encoding: base64\r\n"
           "Content-Disposition: attachment; filename=\"" +
           name + "\"\r\n\r\n" + base64Lines(binary) + "--outer--\r\n";
}

QByteArray wooOrderFor(const char *email)
{
    return QJsonDocument(QJsonObject{{k("id"), 99001},
                                     {k("number"), k("7701")},
                                     {k("status"), k("processing")},
                                     {k("total"), k("10")},
                                     {k("currency"), k("IRR")},
                                     {k("billing"), QJsonObject{{k("first_name"), k("Maryam")},
                                                                {k("last_name"), k("Karimi")},
                                                                {k("email"), k(email)}}}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestEmailAttachments : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QByteArray m_forwarded;
    QByteArray m_binary;
    qint64 m_messageId = 0;
    QJsonObject m_message;

    // Fetches an attachment slice by slice, as a desktop does.
    QByteArray fetch(TestClient &client, qint64 index, int *slices)
    {
        QByteArray out;
        *slices = 0;
        for (;;) {
            const Envelope a = client.command(
                protocol::type::attachmentGet,
                {{k("message_id"), m_messageId}, {k("index"), index}, {k("offset"), out.size()}});
            if (a.type != protocol::type::ack)
                return {};
            ++*slices;
            out += QByteArray::fromBase64(a.data.value(k("data")).toString().toLatin1());
            if (a.data.value(k("done")).toBool())
                return out;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
        m_forwarded = testData(QStringLiteral("email/quoted-replies/standard_replies/gmail.eml"));
        QVERIFY(!m_forwarded.isEmpty());
        m_binary = binaryPayload();
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const HttpReply r = httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/email")),
                                     mailWithAttachments(m_forwarded, m_binary),
                                     QByteArrayLiteral("message/rfc822"));
        QCOMPARE(r.status, 201);
        m_messageId = r.json().value(k("message_id")).toInteger();
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        m_message = created->data.value(k("message")).toObject();
        QCOMPARE(m_message.value(k("id")).toInteger(), m_messageId);
    }

    void theThreadListsEachAttachmentWithANameThatCannotDisguiseItsExtension()
    {
        const QJsonObject meta = m_message.value(k("meta")).toObject();
        const QJsonArray listed = meta.value(k("attachments")).toArray();
        QCOMPARE(listed.size(), 2);
        const QJsonObject forwarded = listed.at(0).toObject();
        QCOMPARE(forwarded.value(k("index")).toInt(), 0);
        QCOMPARE(forwarded.value(k("name")).toString(), QStringLiteral("gmail.eml"));
        QCOMPARE(forwarded.value(k("type")).toString(), QStringLiteral("message/rfc822"));
        QVERIFY(forwarded.value(k("size")).toInteger() > 0);
        const QJsonObject file = listed.at(1).toObject();
        QCOMPARE(file.value(k("index")).toInt(), 1);
        // The right-to-left override is gone: the name reads as the .exe it is.
        QCOMPARE(file.value(k("name")).toString(), QStringLiteral("invoicefdp.exe"));
        QCOMPARE(file.value(k("type")).toString(), QStringLiteral("application/octet-stream"));
        QCOMPARE(file.value(k("size")).toInteger(), m_binary.size());
        QVERIFY(meta.value(k("html")).toBool());
    }

    void historyPagesCarryTheSameList()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const Envelope page = agent->command(
            protocol::type::historyPage,
            {{k("customer_id"), m_message.value(k("customer_id"))}, {k("limit"), 50}});
        QCOMPARE(page.type, protocol::type::ack);
        bool seen = false;
        for (const QJsonValue &v : page.data.value(k("messages")).toArray()) {
            const QJsonObject m = v.toObject();
            if (m.value(k("id")).toInteger() == m_messageId) {
                seen = true;
                QCOMPARE(m.value(k("meta")).toObject().value(k("attachments")),
                         m_message.value(k("meta")).toObject().value(k("attachments")));
            }
        }
        QVERIFY(seen);
    }

    void anAgentGetsTheExactBytesASliceAtATime()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        int slices = 0;
        QCOMPARE(fetch(*agent, 1, &slices), m_binary);
        QCOMPARE(slices, 3); // 512 KiB + 512 KiB + the rest
        const QByteArray forwarded = fetch(*agent, 0, &slices);
        QCOMPARE(slices, 1);
        QVERIFY(forwarded.contains("CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d"));
    }

    void wrongAttachmentRequestsGetStableCodes()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        auto code = [&](const QJsonObject &data) {
            const Envelope e = agent->command(protocol::type::attachmentGet, data);
            return e.error ? protocol::errorCodeName(e.error->code) : QString();
        };
        QCOMPARE(code({{k("message_id"), m_messageId}, {k("index"), 2}}), k("not_found"));
        QCOMPARE(code({{k("message_id"), m_messageId}, {k("index"), -1}}), k("bad_request"));
        QCOMPARE(code({{k("message_id"), k("x")}, {k("index"), 0}}), k("bad_request"));
        QCOMPARE(code({{k("message_id"), 999999}, {k("index"), 0}}), k("not_found"));
        QCOMPARE(code({{k("message_id"), m_messageId}, {k("index"), 1}, {k("offset"), 1 << 30}}),
                 k("bad_request"));
    }

    void theOriginalFormattingArrivesSanitised()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const Envelope e =
            agent->command(protocol::type::messageHtml, {{k("message_id"), m_messageId}});
        QCOMPARE(e.type, protocol::type::ack);
        const QString html = e.data.value(k("html")).toString();
        QVERIFY2(html.contains(QStringLiteral("<b>invoice</b>")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<a href=\"https://shop.example.ir/orders\">")),
                 qPrintable(html));
        for (const char *gone : {"script", "style", "onclick", "tracker.example", "<img"})
            QVERIFY2(!html.contains(QLatin1String(gone)), gone);
    }

    void storeStaffSeeAttachmentsOnlyOfACustomerTheyReachedThroughAnOrder()
    {
        auto store = TestClient::signedIn(m_hub.url(), QStringLiteral("store"));
        QVERIFY(store);
        const QJsonObject first{{k("message_id"), m_messageId}, {k("index"), 0}};
        Envelope e = store->command(protocol::type::attachmentGet, first);
        QVERIFY(e.error);
        QCOMPARE(e.error->code, protocol::ErrorCode::NotFound);
        e = store->command(protocol::type::messageHtml, {{k("message_id"), m_messageId}});
        QVERIFY(e.error);
        QCOMPARE(e.error->code, protocol::ErrorCode::NotFound);

        QCOMPARE(httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/orders/woocommerce")),
                          wooOrderFor("maryam.karimi@example.ir"),
                          QByteArrayLiteral("application/json"))
                     .status,
                 201);
        QCOMPARE(store->command(protocol::type::orderLookup, {{k("query"), k("7701")}}).type,
                 protocol::type::ack);
        e = store->command(protocol::type::attachmentGet, first);
        QCOMPARE(e.type, protocol::type::ack);
        QCOMPARE(e.data.value(k("name")).toString(), QStringLiteral("gmail.eml"));
    }
};

QTEST_GUILESS_MAIN(TestEmailAttachments)
#include "tst_email_attachments.moc"
