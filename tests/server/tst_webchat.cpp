// SPDX-License-Identifier: GPL-3.0-or-later
// The customer-facing web chat against a real hub: a visitor starts a chat over /chat/ws,
// lands in the right customer's thread, gets an agent's reply live or when they come back,
// and every bad frame is answered with a stable code.
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace threadline;
using namespace threadline::testing;

namespace {

constexpr int kTimeoutMs = 15000;

/// A chat page as the hub sees it: one WebSocket to /chat/ws speaking docs/webchat.md.
class Visitor : public QObject {
public:
    explicit Visitor(const HubProcess &hub)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat/ws").arg(hub.port())));
        m_connected = connected.wait(kTimeoutMs);
    }
    bool isConnected() const { return m_connected; }

    void send(const QJsonObject &frame)
    {
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }

    /// The first frame of `type` not taken yet (waiting for it); empty on timeout.
    QJsonObject next(const QString &type)
    {
        QSignalSpy arrived(&m_socket, &QWebSocket::textMessageReceived);
        QDeadlineTimer deadline(kTimeoutMs);
        while (true) {
            for (qsizetype i = 0; i < m_frames.size(); ++i)
                if (m_frames.at(i).value(QStringLiteral("type")).toString() == type)
                    return m_frames.takeAt(i);
            if (deadline.hasExpired() || !arrived.wait(int(deadline.remainingTime())))
                return {};
        }
    }
    /// The next message frame from an agent (what this visitor wrote comes back too, for
    /// their other tabs, and is passed over).
    QJsonObject nextReply()
    {
        while (true) {
            const QJsonObject m =
                next(QStringLiteral("message")).value(QStringLiteral("message")).toObject();
            if (m.isEmpty() || m.value(QStringLiteral("direction")).toString() ==
                                   QStringLiteral("out"))
                return m;
        }
    }
    /// Sends a frame and returns the error it is answered with.
    QString refusal(const QJsonObject &frame)
    {
        send(frame);
        return next(QStringLiteral("error")).value(QStringLiteral("code")).toString();
    }
    QJsonObject start(const QString &name, const QString &phone, const QString &email = {})
    {
        send({{QStringLiteral("type"), QStringLiteral("start")},
              {QStringLiteral("name"), name},
              {QStringLiteral("phone"), phone},
              {QStringLiteral("email"), email}});
        return next(QStringLiteral("started"));
    }
    QJsonObject write(const QString &clientId, const QString &body)
    {
        send({{QStringLiteral("type"), QStringLiteral("message")},
              {QStringLiteral("id"), clientId},
              {QStringLiteral("body"), body}});
        return next(QStringLiteral("ack")).value(QStringLiteral("message")).toObject();
    }
    void acknowledge(qint64 messageId)
    {
        send({{QStringLiteral("type"), QStringLiteral("received")},
              {QStringLiteral("ids"), QJsonArray{messageId}}});
    }
    void close()
    {
        QSignalSpy closed(&m_socket, &QWebSocket::disconnected);
        m_socket.close();
        closed.wait(kTimeoutMs);
    }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    bool m_connected = false;
};

QJsonObject messageOf(const protocol::Envelope &e)
{
    return e.data.value(QStringLiteral("message")).toObject();
}

QJsonObject chatReply(qint64 customer, const QString &body)
{
    return {{QStringLiteral("customer_id"), customer},
            {QStringLiteral("channel"), QStringLiteral("chat")},
            {QStringLiteral("body"), body}};
}

} // namespace

class TestWebChat : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

    QJsonObject findCustomer(const QString &identity)
    {
        const auto r = m_hub.runCli({QStringLiteral("customer"), QStringLiteral("find"), identity,
                                     QStringLiteral("--db"), m_hub.dbPath()});
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

    qint64 customerIdOf(const QString &identity)
    {
        const QJsonObject found = findCustomer(identity);
        const QJsonObject customer = found.value(QStringLiteral("customer")).toObject();
        return customer.isEmpty() ? found.value(QStringLiteral("id")).toInteger()
                                  : customer.value(QStringLiteral("id")).toInteger();
    }

    /// An SMS from `phone`, so the hub knows a customer with that number.
    qint64 customerWritingBySms(const QString &sid, const QString &phone)
    {
        const QByteArray form = "MessageSid=" + sid.toUtf8() + "&From=" +
                                QUrl::toPercentEncoding(phone) + "&Body=hello&NumMedia=0";
        const HttpReply reply =
            httpPost(hubHttpUrl(m_hub, QStringLiteral("/ingress/sms/twilio")), form,
                     "application/x-www-form-urlencoded");
        if (reply.status != 200)
            return 0;
        return customerIdOf(phone);
    }

    struct Get {
        int status = 0;
        QByteArray type;
        QByteArray policy;
        QByteArray body;
    };
    Get get(const QString &path)
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(hubHttpUrl(m_hub, path)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(kTimeoutMs))
            return {};
        Get g{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
              reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
              reply->rawHeader("Content-Security-Policy"), reply->readAll()};
        reply->deleteLater();
        return g;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_hub.start(true), m_hub.stderrText().constData()); }

    void theHubServesTheChatPageItsScriptAndStyleFromItself()
    {
        const Get page = get(QStringLiteral("/chat"));
        QCOMPARE(page.status, 200);
        QVERIFY(page.type.startsWith("text/html"));
        QVERIFY(page.body.contains("/chat/chat.js"));
        QVERIFY(page.body.contains("aria-live=\"polite\""));
        QVERIFY2(page.policy.contains("default-src 'none'"), page.policy.constData());
        const Get script = get(QStringLiteral("/chat/chat.js"));
        QCOMPARE(script.status, 200);
        QVERIFY(script.type.startsWith("text/javascript"));
        QVERIFY(script.body.contains("/chat/ws"));
        QCOMPARE(get(QStringLiteral("/chat/chat.css")).status, 200);
        // The socket's path is not a page.
        QCOMPARE(get(QStringLiteral("/chat/ws")).status, 426);
    }

    void aVisitorWithAKnownPhoneInPersianDigitsWritesIntoThatCustomersThreadAndGetsTheReply()
    {
        const qint64 customer =
            customerWritingBySms(QStringLiteral("SMwebchat0001"), QStringLiteral("+989120002002"));
        QVERIFY(customer > 0);
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);

        Visitor visitor(m_hub);
        QVERIFY(visitor.isConnected());
        const QJsonObject started =
            visitor.start(QStringLiteral(u"مریم"), QStringLiteral(u"۰۹۱۲ ۰۰۰ ۲۰۰۲"));
        QVERIFY(!started.value(QStringLiteral("token")).toString().isEmpty());
        QCOMPARE(started.value(QStringLiteral("history")).toArray().size(), 0);

        const QString question = QStringLiteral(u"سلام، سفارش من کی می‌رسد؟");
        const QJsonObject written = visitor.write(QStringLiteral("c1"), question);
        QCOMPARE(written.value(QStringLiteral("body")).toString(), question);
        QCOMPARE(written.value(QStringLiteral("direction")).toString(), QStringLiteral("in"));

        const auto created = agent->waitForEvent(
            protocol::type::messageCreated, [&](const protocol::Envelope &e) {
                return messageOf(e).value(QStringLiteral("body")).toString() == question;
            });
        QVERIFY(created);
        const QJsonObject inbound = messageOf(*created);
        QCOMPARE(inbound.value(QStringLiteral("customer_id")).toInteger(), customer);
        QCOMPARE(inbound.value(QStringLiteral("channel")).toString(), QStringLiteral("chat"));
        QCOMPARE(inbound.value(QStringLiteral("direction")).toString(), QStringLiteral("in"));
        const QString chatId = inbound.value(QStringLiteral("identity")).toString();
        QVERIFY2(chatId.startsWith(QStringLiteral("web-")), qPrintable(chatId));
        // The chat id is now one of the customer's identities.
        QCOMPARE(customerIdOf(chatId), customer);

        const QString answer = QStringLiteral(u"فردا به دستتان می‌رسد.");
        const auto ack = agent->command(protocol::type::sendMessage, chatReply(customer, answer));
        QCOMPARE(ack.type, protocol::type::ack);
        const qint64 replyId = messageOf(ack).value(QStringLiteral("id")).toInteger();
        QCOMPARE(messageOf(ack).value(QStringLiteral("identity")).toString(), chatId);

        const QJsonObject reply = visitor.nextReply();
        QCOMPARE(reply.value(QStringLiteral("id")).toInteger(), replyId);
        QCOMPARE(reply.value(QStringLiteral("body")).toString(), answer);
        QCOMPARE(reply.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        // The page sees none of the hub's internals.
        QVERIFY(!reply.contains(QStringLiteral("identity")));
        QVERIFY(!reply.contains(QStringLiteral("customer_id")));

        visitor.acknowledge(replyId);
        const auto delivered = agent->waitForEvent(
            protocol::type::messageStatus, [&](const protocol::Envelope &e) {
                return e.data.value(QStringLiteral("message_id")).toInteger() == replyId &&
                       e.data.value(QStringLiteral("status")).toString() ==
                           QStringLiteral("delivered");
            });
        QVERIFY(delivered);
    }

    void aVisitorGivingAPhoneAndAnEmailLinksBothToOneNewCustomer()
    {
        Visitor visitor(m_hub);
        QVERIFY(visitor.isConnected());
        QVERIFY(!visitor
                     .start(QStringLiteral("Reza Karimi"), QStringLiteral("+98 935 111 2233"),
                            QStringLiteral("Reza.Karimi@Example.ir"))
                     .isEmpty());
        QVERIFY(!visitor.write(QStringLiteral("c1"), QStringLiteral("Hello")).isEmpty());
        const qint64 byPhone = customerIdOf(QStringLiteral("+989351112233"));
        QVERIFY(byPhone > 0);
        QCOMPARE(customerIdOf(QStringLiteral("reza.karimi@example.ir")), byPhone);
    }

    void aReloadResumesTheSameChatWithItsHistoryAndAReplyWrittenMeanwhile()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        QString token;
        qint64 customer = 0;
        {
            Visitor first(m_hub);
            QVERIFY(first.isConnected());
            token = first.start(QStringLiteral("Sara"), {}, QStringLiteral("sara@example.org"))
                        .value(QStringLiteral("token"))
                        .toString();
            QVERIFY(!token.isEmpty());
            const QJsonObject m = first.write(QStringLiteral("c1"), QStringLiteral("Is it open?"));
            QVERIFY(!m.isEmpty());
            customer = customerIdOf(QStringLiteral("sara@example.org"));
            QVERIFY(customer > 0);
            first.close();
        }
        // The visitor is away: the reply is stored and stays undelivered.
        const auto ack = agent->command(protocol::type::sendMessage,
                                        chatReply(customer, QStringLiteral("Yes, until 8.")));
        QCOMPARE(ack.type, protocol::type::ack);
        const qint64 replyId = messageOf(ack).value(QStringLiteral("id")).toInteger();

        Visitor again(m_hub);
        QVERIFY(again.isConnected());
        again.send({{QStringLiteral("type"), QStringLiteral("resume")},
                    {QStringLiteral("token"), token}});
        const QJsonObject resumed = again.next(QStringLiteral("started"));
        const QJsonArray history = resumed.value(QStringLiteral("history")).toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).toObject().value(QStringLiteral("body")).toString(),
                 QStringLiteral("Is it open?"));
        const QJsonObject reply = history.at(1).toObject();
        QCOMPARE(reply.value(QStringLiteral("id")).toInteger(), replyId);
        QVERIFY(reply.value(QStringLiteral("status")).toString() != QStringLiteral("delivered"));

        again.acknowledge(replyId);
        QVERIFY(agent->waitForEvent(protocol::type::messageStatus, [&](const protocol::Envelope &e) {
            return e.data.value(QStringLiteral("message_id")).toInteger() == replyId &&
                   e.data.value(QStringLiteral("status")).toString() == QStringLiteral("delivered");
        }));
        // The same message id again is stored once.
        const QJsonObject repeated = again.write(QStringLiteral("c1"), QStringLiteral("Is it open?"));
        QCOMPARE(repeated.value(QStringLiteral("id")).toInteger(),
                 history.at(0).toObject().value(QStringLiteral("id")).toInteger());
    }

    void badFramesAreAnsweredWithStableCodes()
    {
        Visitor visitor(m_hub);
        QVERIFY(visitor.isConnected());
        auto frame = [](const char *type, QJsonObject o = {}) {
            o.insert(QStringLiteral("type"), QLatin1String(type));
            return o;
        };
        visitor.sendText(QStringLiteral("{not json"));
        QCOMPARE(visitor.next(QStringLiteral("error")).value(QStringLiteral("code")).toString(),
                 QStringLiteral("bad_frame"));
        visitor.sendBinary(QByteArrayLiteral("\x01\x02"));
        QCOMPARE(visitor.next(QStringLiteral("error")).value(QStringLiteral("code")).toString(),
                 QStringLiteral("bad_frame"));
        QCOMPARE(visitor.refusal(frame("hello")), QStringLiteral("unknown_type"));
        QCOMPARE(visitor.refusal(frame("message", {{QStringLiteral("id"), QStringLiteral("x")},
                                                   {QStringLiteral("body"), QStringLiteral("hi")}})),
                 QStringLiteral("not_started"));
        QCOMPARE(visitor.refusal(frame("resume", {{QStringLiteral("token"), QStringLiteral("nope")}})),
                 QStringLiteral("unknown_visitor"));
        QCOMPARE(visitor.refusal(frame("start", {{QStringLiteral("name"), QStringLiteral("  ")},
                                                 {QStringLiteral("phone"), QStringLiteral("0912 345 6789")}})),
                 QStringLiteral("name_required"));
        QCOMPARE(visitor.refusal(frame("start", {{QStringLiteral("name"), QString(101, QLatin1Char('n'))},
                                                 {QStringLiteral("phone"), QStringLiteral("0912 345 6789")}})),
                 QStringLiteral("name_too_long"));
        QCOMPARE(visitor.refusal(frame("start", {{QStringLiteral("name"), QStringLiteral("Ali")}})),
                 QStringLiteral("contact_required"));
        QCOMPARE(visitor.refusal(frame("start", {{QStringLiteral("name"), QStringLiteral("Ali")},
                                                 {QStringLiteral("phone"), QStringLiteral("12")}})),
                 QStringLiteral("bad_phone"));
        QCOMPARE(visitor.refusal(frame("start", {{QStringLiteral("name"), QStringLiteral("Ali")},
                                                 {QStringLiteral("email"), QStringLiteral("ali@")}})),
                 QStringLiteral("bad_email"));
        QCOMPARE(visitor.refusal(frame("start", {{QStringLiteral("name"), 7}})),
                 QStringLiteral("bad_frame"));

        QVERIFY(!visitor.start(QStringLiteral("Ali"), QStringLiteral("09121112233")).isEmpty());
        QCOMPARE(visitor.refusal(frame("start", {{QStringLiteral("name"), QStringLiteral("Ali")},
                                                 {QStringLiteral("phone"), QStringLiteral("09121112233")}})),
                 QStringLiteral("already_started"));
        visitor.send(frame("message", {{QStringLiteral("id"), QStringLiteral("e1")},
                                       {QStringLiteral("body"), QStringLiteral(" \n ")}}));
        QJsonObject error = visitor.next(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("empty_message"));
        QCOMPARE(error.value(QStringLiteral("id")).toString(), QStringLiteral("e1"));
        QCOMPARE(visitor.refusal(frame("message", {{QStringLiteral("id"), QStringLiteral("e2")},
                                                   {QStringLiteral("body"), QString(4001, QLatin1Char('a'))}})),
                 QStringLiteral("too_large"));
        QCOMPARE(visitor.refusal(frame("message", {{QStringLiteral("body"), QStringLiteral("no id")}})),
                 QStringLiteral("bad_frame"));
        QCOMPARE(visitor.refusal(frame("received", {{QStringLiteral("ids"), QStringLiteral("1")}})),
                 QStringLiteral("bad_frame"));
    }

    void bidiControlsAreTakenOutOfWhatAVisitorWritesButLineBreaksStay()
    {
        Visitor visitor(m_hub);
        QVERIFY(visitor.isConnected());
        QVERIFY(!visitor.start(QStringLiteral("Nima\u202E"), QStringLiteral("09121114455")).isEmpty());
        const QJsonObject m = visitor.write(
            QStringLiteral("b1"), QStringLiteral("invoice\u202Efdp.exe\nsecond line\u2066x\u2069"));
        QCOMPARE(m.value(QStringLiteral("body")).toString(),
                 QStringLiteral("invoicefdp.exe\nsecond linex"));
    }

    void aVisitorWritingFasterThanTheAllowanceIsAskedToWait()
    {
        Visitor visitor(m_hub);
        QVERIFY(visitor.isConnected());
        QVERIFY(!visitor.start(QStringLiteral("Fast"), QStringLiteral("09121116677")).isEmpty());
        for (int i = 0; i < 12; ++i)
            visitor.send({{QStringLiteral("type"), QStringLiteral("message")},
                          {QStringLiteral("id"), QStringLiteral("r%1").arg(i)},
                          {QStringLiteral("body"), QStringLiteral("spam %1").arg(i)}});
        const QJsonObject error = visitor.next(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("rate_limited"));
        // The first messages of the burst were stored.
        QVERIFY(!visitor.next(QStringLiteral("ack")).isEmpty());
    }
};

QTEST_MAIN(TestWebChat)
#include "tst_webchat.moc"
