// SPDX-License-Identifier: GPL-3.0-or-later
// Signing in to a real hub, /health, and what the hub refuses at the door.
#include "services/protocol/frame_types.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

class TestHubSession : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
        QVERIFY(m_hub.addUser(QStringLiteral("dana"), QStringLiteral("agent"),
                              QStringLiteral("s3cret pass")));
    }

    void aUserAddedOnTheCommandLineCanSignIn()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        QCOMPARE(client.socket().subprotocol(), protocol::kSubprotocol);
        const auto welcome = client.hello(QStringLiteral("dana"), QStringLiteral("s3cret pass"));
        QCOMPARE(welcome.type, protocol::type::welcome);
        QCOMPARE(welcome.data.value(QStringLiteral("user")).toString(), QStringLiteral("dana"));
        QCOMPARE(welcome.data.value(QStringLiteral("role")).toString(), QStringLiteral("agent"));
        QVERIFY(welcome.data.value(QStringLiteral("token"))
                    .toString()
                    .startsWith(QStringLiteral("tl1.")));
        QCOMPARE(welcome.data.value(QStringLiteral("resume")).toString(), QStringLiteral("resync"));
        const auto live = client.waitForEvent(protocol::type::live);
        QVERIFY(live);
        QCOMPARE(live->data.value(QStringLiteral("seq")).toInteger(),
                 welcome.data.value(QStringLiteral("seq")).toInteger());
    }

    void theTokenFromAWelcomeSignsInAgain()
    {
        TestClient first;
        QVERIFY(first.connectTo(m_hub.url()));
        const QString token = first.hello(QStringLiteral("agent"), QStringLiteral("demo"))
                                  .data.value(QStringLiteral("token"))
                                  .toString();
        TestClient second;
        QVERIFY(second.connectTo(m_hub.url()));
        const auto welcome = second.helloWithToken(token);
        QCOMPARE(welcome.type, protocol::type::welcome);
        QCOMPARE(welcome.data.value(QStringLiteral("user")).toString(), QStringLiteral("agent"));
    }

    void aWrongPasswordIsRefusedAndTheConnectionClosed()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        const auto answer = client.hello(QStringLiteral("dana"), QStringLiteral("wrong"));
        QCOMPARE(answer.type, protocol::type::error);
        QCOMPARE(answer.error->code, protocol::ErrorCode::Unauthenticated);
        QVERIFY(client.waitForClose() != -1);
    }

    void anUnknownTokenIsRefused()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        const auto answer =
            client.helloWithToken(QStringLiteral("tl1.00000000000000000000000000000000"));
        QCOMPARE(answer.error->code, protocol::ErrorCode::Unauthenticated);
    }

    void commandsBeforeHelloAreUnauthenticated()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        const auto answer = client.command(protocol::type::customersPage, {});
        QCOMPARE(answer.type, protocol::type::error);
        QCOMPARE(answer.error->code, protocol::ErrorCode::Unauthenticated);
        QVERIFY(client.isConnected());
    }

    void aPlainRequestToTheWebSocketPathIsToldToUpgrade()
    {
        QNetworkAccessManager net;
        QNetworkReply *reply = net.get(
            QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/ws").arg(m_hub.port()))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 426);
        reply->deleteLater();
    }

    void healthAnswersOk()
    {
        QNetworkAccessManager net;
        QNetworkReply *reply = net.get(
            QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(m_hub.port()))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(reply->readAll())
                     .object()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("ok"));
        reply->deleteLater();
    }

    void aClientWithoutTheSubprotocolIsRefused()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url(), QStringList{}));
        const auto answer = client.waitForAnonymousError();
        QCOMPARE(answer.error->code, protocol::ErrorCode::UnsupportedVersion);
        QCOMPARE(client.waitForClose(), int(QWebSocketProtocol::CloseCodeProtocolError));
    }

    void storeStaffAreForbiddenFromThreadCommands()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        QCOMPARE(client.hello(QStringLiteral("store"), QStringLiteral("demo")).type,
                 protocol::type::welcome);
        const QJsonObject send{{QStringLiteral("customer_id"), 5},
                               {QStringLiteral("channel"), QStringLiteral("sms")},
                               {QStringLiteral("body"), QStringLiteral("hello")}};
        QCOMPARE(client.command(protocol::type::sendMessage, send).error->code,
                 protocol::ErrorCode::Forbidden);
        QCOMPARE(client.command(protocol::type::addNote, send).error->code,
                 protocol::ErrorCode::Forbidden);
        QCOMPARE(client.command(protocol::type::customersPage, {}).error->code,
                 protocol::ErrorCode::Forbidden);
        QCOMPARE(client.command(protocol::type::historyPage, send).error->code,
                 protocol::ErrorCode::Forbidden);
        QVERIFY(client.isConnected());
    }
};

QTEST_GUILESS_MAIN(TestHubSession)
#include "tst_hub_session.moc"
