// SPDX-License-Identifier: GPL-3.0-or-later
// Replies by SMS leave the hub for a Twilio-compatible API: a receiver on loopback (a
// QHttpServer in this test) gets the POST with the right fields and basic auth, its sid
// lets Twilio's status callbacks move the reply to sent and delivered on the desktops'
// event stream; a 400 fails the reply with the API's reason, a 503 is tried again.
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QFile>
#include <QJsonArray>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace threadline;
using namespace threadline::testing;

namespace {
const QString kSid = QStringLiteral("ACa0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5");
const QByteArray kToken = QByteArrayLiteral("outbound-test-token-0123456789");
const QString kFrom = QStringLiteral("+982191000000");
const QByteArray kForm = QByteArrayLiteral("application/x-www-form-urlencoded");

QString k(const char *s)
{
    return QString::fromLatin1(s);
}

/// What the fake Twilio API saw of one request.
struct ApiRequest {
    QString accountSid;
    QByteArray authorization;
    QUrlQuery form;
};

/// A Twilio-compatible Messages endpoint: records requests, answers from a script.
class SmsApiReceiver {
public:
    struct Answer {
        int status;
        QByteArray body;
    };
    QList<ApiRequest> requests;
    QList<Answer> script; ///< taken front first; when empty: 201 queued
    int accepted = 0;     ///< sids handed out so far (SM…1, SM…2, …), never reset

    quint16 listen()
    {
        m_http.route(QStringLiteral("/2010-04-01/Accounts/<arg>/Messages.json"),
                     [this](const QString &account, const QHttpServerRequest &request) {
                         ApiRequest r;
                         r.accountSid = account;
                         for (const auto &h : request.headers())
                             if (h.first.compare("authorization", Qt::CaseInsensitive) == 0)
                                 r.authorization = h.second;
                         r.form = QUrlQuery(QString::fromUtf8(request.body()).replace(
                             QLatin1Char('+'), QLatin1Char(' ')));
                         requests.append(r);
                         const Answer a = script.isEmpty()
                                              ? Answer{201, QJsonDocument(QJsonObject{
                                                                {k("sid"), sidFor(++accepted)},
                                                                {k("status"), k("queued")}})
                                                                .toJson()}
                                              : script.takeFirst();
                         return QHttpServerResponse(
                             QByteArrayLiteral("application/json"), a.body,
                             QHttpServerResponder::StatusCode(a.status));
                     });
        return m_http.listen(QHostAddress::LocalHost, 0);
    }

    static QString sidFor(int n)
    {
        return QStringLiteral("SM%1").arg(n, 32, 10, QLatin1Char('0'));
    }

private:
    QHttpServer m_http;
};

QByteArray encode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return out;
}

QString formValue(const QUrlQuery &form, const char *name)
{
    return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}
} // namespace

class TestOutboundSms : public QObject {
    Q_OBJECT
    SmsApiReceiver m_api;
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    std::unique_ptr<TestClient> m_agent;

    qint64 reply(qint64 customerId, const QString &body, QJsonObject *message = nullptr)
    {
        const auto ack = m_agent->command(protocol::type::sendMessage,
                                          {{k("customer_id"), customerId},
                                           {k("channel"), k("sms")},
                                           {k("body"), body}});
        if (ack.type != protocol::type::ack)
            return 0;
        const QJsonObject m = ack.data.value(k("message")).toObject();
        if (message)
            *message = m;
        return m.value(k("id")).toInteger();
    }

    std::optional<protocol::Envelope> statusOf(qint64 id)
    {
        return m_agent->waitForEvent(protocol::type::messageStatus,
                                     [id](const protocol::Envelope &e) {
                                         return e.data.value(k("message_id")).toInteger() == id;
                                     });
    }

    HttpReply callback(const QString &sid, const QString &status,
                       const QList<std::pair<QString, QString>> &extra = {})
    {
        QList<std::pair<QString, QString>> f{{k("MessageSid"), sid},
                                             {k("SmsSid"), sid},
                                             {k("MessageStatus"), status},
                                             {k("AccountSid"), kSid},
                                             {k("From"), kFrom}};
        f += extra;
        return httpPost(hubHttpUrl(m_hub, k("/ingress/sms/twilio")), encode(f), kForm);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const quint16 apiPort = m_api.listen();
        QVERIFY(apiPort != 0);
        QFile token(m_hub.folder() + QStringLiteral("/sms-token"));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(kToken + '\n');
        token.close();
        QVERIFY2(m_hub.start(true, {k("--sms-api-url"),
                                    QStringLiteral("http://127.0.0.1:%1/").arg(apiPort),
                                    k("--sms-account-sid"), kSid, k("--sms-auth-token-file"),
                                    token.fileName(), k("--sms-from"), kFrom,
                                    k("--outbound-attempts"), k("3"),
                                    k("--outbound-retry-seconds"), k("0.2")}),
                 m_hub.stderrText().constData());
        m_agent = TestClient::signedIn(m_hub.url(), k("agent"));
        QVERIFY(m_agent);
    }

    void init() { m_api.requests.clear(); }

    void aReplyIsPostedToTheApiWithItsFieldsAndBasicAuth()
    {
        const QString body = QStringLiteral("سلام! سفارش شما آماده است. Code 4821 & more");
        QJsonObject message;
        const qint64 id = reply(3, body, &message);
        QVERIFY(id > 0);
        QCOMPARE(message.value(k("status")).toString(), k("queued"));
        QTRY_COMPARE_WITH_TIMEOUT(m_api.requests.size(), 1, 15000);
        const ApiRequest &r = m_api.requests.constFirst();
        QCOMPARE(r.accountSid, kSid);
        QCOMPARE(r.authorization, "Basic " + QByteArray(kSid.toUtf8() + ':' + kToken).toBase64());
        QCOMPARE(formValue(r.form, "To"), message.value(k("identity")).toString());
        QCOMPARE(formValue(r.form, "From"), kFrom);
        QCOMPARE(formValue(r.form, "Body"), body);
        QCOMPARE(formValue(r.form, "StatusCallback"),
                 QStringLiteral("http://127.0.0.1:%1/ingress/sms/twilio?message_id=%2")
                     .arg(m_hub.port())
                     .arg(id));
    }

    void theApisSidLetsStatusCallbacksMoveTheReplyToDelivered()
    {
        const qint64 id = reply(5, QStringLiteral("Your parcel left the warehouse"));
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_api.requests.size(), 1, 15000);
        const QString sid = SmsApiReceiver::sidFor(m_api.accepted);
        // Found by the sid the API answered alone: the hub remembered it.
        QTRY_COMPARE_WITH_TIMEOUT(callback(sid, k("sent")).status, 200, 15000);
        const auto sent = statusOf(id);
        QVERIFY(sent);
        QCOMPARE(sent->data.value(k("status")).toString(), k("sent"));
        QCOMPARE(callback(sid, k("delivered")).status, 200);
        const auto delivered = statusOf(id);
        QVERIFY(delivered);
        QCOMPARE(delivered->data.value(k("status")).toString(), k("delivered"));

        const auto page = m_agent->command(protocol::type::historyPage,
                                           {{k("customer_id"), 5}, {k("limit"), 1}});
        const QJsonObject delivered0 = page.data.value(k("messages")).toArray().at(0).toObject();
        QCOMPARE(delivered0.value(k("status")), k("delivered"));
        QVERIFY(!delivered0.contains(k("status_reason"))); // no reason when nothing failed
    }

    void anUndeliveredCallbackFailsTheReplyWithTheCarriersReason()
    {
        const qint64 id = reply(6, QStringLiteral("Are you there?"));
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_api.requests.size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(callback(SmsApiReceiver::sidFor(m_api.accepted), k("undelivered"),
                                           {{k("ErrorCode"), k("30003")}})
                                      .status,
                                  200, 15000);
        const auto failed = statusOf(id);
        QVERIFY(failed);
        QCOMPARE(failed->data.value(k("status")).toString(), k("failed"));
        QCOMPARE(failed->data.value(k("reason")).toString(), k("unreachable destination handset"));

        // The reason stays with the message: a desktop that missed the event (it resynced,
        // or opens the thread later) reads it from history.
        const auto page = m_agent->command(protocol::type::historyPage,
                                           {{k("customer_id"), 6}, {k("limit"), 5}});
        QCOMPARE(page.type, protocol::type::ack);
        QJsonObject stored;
        for (const QJsonValue &v : page.data.value(k("messages")).toArray())
            if (v.toObject().value(k("id")).toInteger() == id)
                stored = v.toObject();
        QCOMPARE(stored.value(k("status")).toString(), k("failed"));
        QCOMPARE(stored.value(k("status_reason")).toString(),
                 k("unreachable destination handset"));
    }

    void aRefusalFromTheApiFailsTheReplyWithItsReasonAndIsNotRetried()
    {
        m_api.script.append(
            {400, QByteArrayLiteral(R"({"code": 21211, "message": "The 'To' number is not a )"
                                    R"(valid phone number.", "status": 400})")});
        const qint64 id = reply(4, QStringLiteral("This one will bounce"));
        QVERIFY(id > 0);
        const auto failed = statusOf(id);
        QVERIFY(failed);
        QCOMPARE(failed->data.value(k("status")).toString(), k("failed"));
        const QString reason = failed->data.value(k("reason")).toString();
        QVERIFY2(reason.contains(k("21211")) && reason.contains(k("not a valid phone number")),
                 qUtf8Printable(reason));
        QCOMPARE(m_api.requests.size(), 1);
    }

    void aServerErrorIsTriedAgainUntilTheApiTakesIt()
    {
        m_api.script.append({503, QByteArrayLiteral(R"({"code": 20500, "message": "busy"})")});
        m_api.script.append({201, QByteArrayLiteral(R"({"sid": "SMretried", "status": "sent"})")});
        const qint64 id = reply(8, QStringLiteral("Second time lucky"));
        QVERIFY(id > 0);
        const auto sent = statusOf(id);
        QVERIFY(sent);
        QCOMPARE(sent->data.value(k("status")).toString(), k("sent"));
        QCOMPARE(m_api.requests.size(), 2);
    }

    void anApiThatStaysDownFailsTheReplyAfterTheLastAttempt()
    {
        for (int i = 0; i < 3; ++i)
            m_api.script.append({500, QByteArrayLiteral("{}")});
        const qint64 id = reply(9, QStringLiteral("Nobody home"));
        QVERIFY(id > 0);
        const auto failed = statusOf(id);
        QVERIFY(failed);
        QCOMPARE(failed->data.value(k("status")).toString(), k("failed"));
        QVERIFY2(failed->data.value(k("reason")).toString().contains(k("after 3 attempts")),
                 qUtf8Printable(failed->data.value(k("reason")).toString()));
        QCOMPARE(m_api.requests.size(), 3);
    }

    void aSchema7DatabaseGainsFailureReasonsAndKeepsItsFailedReplies()
    {
        HubProcess old{QStringLiteral(THREADLINE_HUB_BINARY)};
        QVERIFY2(old.start(true), old.stderrText().constData());
        if (old.dbPath().contains(k("://")))
            QSKIP("the upgrade is checked on SQLite; PostgreSQL runs the same ALTER TABLE");
        old.kill();
        qint64 failedId = 0;
        {
            // The database as a schema-7 hub left it: no status_reason column, one failed reply.
            auto db = QSqlDatabase::addDatabase(k("QSQLITE"), k("schema7"));
            db.setDatabaseName(old.dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(k("ALTER TABLE messages DROP COLUMN status_reason")));
            QVERIFY(q.exec(k("DELETE FROM schema_version WHERE version = 8")));
            QVERIFY(q.exec(k("SELECT MAX(id) FROM messages WHERE customer_id = 1")) && q.next());
            failedId = q.value(0).toLongLong();
            QVERIFY(q.exec(k("UPDATE messages SET status = 'failed' WHERE id = %1").arg(failedId)));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(k("schema7"));
        QVERIFY2(old.restart(), old.stderrText().constData());
        auto agent = TestClient::signedIn(old.url(), k("agent"));
        QVERIFY(agent);
        const auto page =
            agent->command(protocol::type::historyPage, {{k("customer_id"), 1}, {k("limit"), 1}});
        QCOMPARE(page.type, protocol::type::ack);
        const QJsonObject m = page.data.value(k("messages")).toArray().at(0).toObject();
        QCOMPARE(m.value(k("id")).toInteger(), failedId);
        QCOMPARE(m.value(k("status")).toString(), k("failed")); // kept, with no reason to give
        QVERIFY(!m.contains(k("status_reason")));
    }
};

QTEST_GUILESS_MAIN(TestOutboundSms)
#include "tst_outbound_sms.moc"
