// SPDX-License-Identifier: GPL-3.0-or-later
// Signing in explains itself: each way of failing comes back as its own stable
// kind, against a real hub on loopback (ws:// and wss://) and fake servers.

#include "services/protocol/envelope.h"
#include "services/protocol/frame_types.h"
#include "services/session/hub_session.h"
#include "services/session/trusted_authorities.h"
#include "tests/services/session/test_certificates.h"
#include "tests/support/hub_process.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace threadline;
using namespace threadline::services;
using threadline::testing::HubProcess;
using threadline::testing::TestCertificates;

namespace {

/// threadline-hub serving wss:// with a given certificate, on the database of
/// a HubProcess that holds the users.
class TlsHub {
public:
    explicit TlsHub(const HubProcess &users) : m_users(users) {}
    ~TlsHub()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool start(const QString &certificate, const QString &key)
    {
        m_process.start(QStringLiteral(THREADLINE_HUB_BINARY),
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--db"), m_users.dbPath(), QStringLiteral("--tls-cert"),
                         certificate, QStringLiteral("--tls-key"), key});
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression shape(
            QStringLiteral("^threadline-hub listening on wss://127\\.0\\.0\\.1:(\\d+)/ws$"));
        while (m_process.state() == QProcess::Running) {
            if (!m_process.canReadLine() && !m_process.waitForReadyRead(30000))
                break;
            const auto m = shape.match(QString::fromUtf8(m_process.readLine()).trimmed());
            if (m.hasMatch()) {
                m_port = quint16(m.captured(1).toUInt());
                return true;
            }
        }
        qWarning("the TLS hub did not start: %s", m_process.readAllStandardError().constData());
        return false;
    }

    QUrl url(const QString &host = QStringLiteral("127.0.0.1")) const
    {
        return QUrl(QStringLiteral("wss://%1:%2/ws").arg(host).arg(m_port));
    }

private:
    const HubProcess &m_users;
    QProcess m_process;
    quint16 m_port = 0;
};

/// A WebSocket server from before threadline.v1: it answers hello the way an
/// older hub (or another program) would.
class OldServer : public QObject {
public:
    enum class Answer { UnknownCommand, UnsupportedVersionAndClose };

    explicit OldServer(Answer answer)
        : m_server(QStringLiteral("old hub"), QWebSocketServer::NonSecureMode), m_answer(answer)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_server.nextPendingConnection();
            socket->setParent(this);
            if (m_answer == Answer::UnsupportedVersionAndClose) {
                socket->sendTextMessage(QStringLiteral(
                    R"({"type":"error","error":{"code":"unsupported_version","message":"v0 only"}})"));
                socket->close(QWebSocketProtocol::CloseCodeProtocolError);
                return;
            }
            connect(socket, &QWebSocket::textMessageReceived, socket,
                    [socket](const QString &text) {
                        const auto decoded = protocol::decode(text.toUtf8());
                        const auto *hello = std::get_if<protocol::Envelope>(&decoded);
                        socket->sendTextMessage(
                            QStringLiteral(R"({"type":"error","id":"%1","error":{"code":)"
                                           R"("bad_request","message":"unknown type"}})")
                                .arg(hello ? hello->id : QString()));
                    });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort())); }

private:
    QWebSocketServer m_server;
    Answer m_answer;
};

SessionFailure failureOf(const QSignalSpy &spy)
{
    return spy.isEmpty() ? SessionFailure() : spy.first().first().value<SessionFailure>();
}

} // namespace

class TestHubSessionFailures : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certificates;
    std::unique_ptr<HubProcess> m_users; ///< the plain ws:// hub and the users' database

    QList<QSslCertificate> testCa() const
    {
        auto read = trust::readPemFile(m_certificates->caFile());
        return std::get<QList<QSslCertificate>>(read);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certificates = std::make_unique<TestCertificates>(m_dir.filePath(QStringLiteral("tls")));
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is missing (Debian package openssl): no test certificates");
        QVERIFY(m_certificates->make());
        m_users = std::make_unique<HubProcess>(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY(m_users->start());
        QVERIFY(m_users->addUser(QStringLiteral("dana"), QStringLiteral("agent"),
                                 QStringLiteral("correct horse")));
    }

    void aHubWhoseCertificateIsNotTrustedStopsTheSessionAndNamesTheCertificate()
    {
        TlsHub hub(*m_users);
        QVERIFY(hub.start(m_certificates->path(QStringLiteral("hub.crt")),
                          m_certificates->path(QStringLiteral("hub.key"))));
        HubSession session(hub.url(), {});
        QSignalSpy failed(&session, &HubSession::failed);
        QSignalSpy welcomed(&session, &HubSession::welcomed);
        session.start({QStringLiteral("dana"), QStringLiteral("correct horse"), {}});
        QVERIFY(failed.wait(20000));
        const SessionFailure f = failureOf(failed);
        QCOMPARE(f.kind, SessionFailure::Kind::CertificateUntrusted);
        QCOMPARE(failureKindName(f.kind), QStringLiteral("certificate_untrusted"));
        QVERIFY2(f.certificate.reasons.contains(QStringLiteral("unknown_issuer")),
                 qUtf8Printable(f.certificate.reasons.join(QLatin1Char(','))));
        QCOMPARE(f.certificate.subject, QStringLiteral("127.0.0.1"));
        QCOMPARE(f.certificate.issuer, QStringLiteral("Threadline Test CA"));
        const QSslCertificate served =
            QSslCertificate::fromPath(m_certificates->path(QStringLiteral("hub.crt"))).value(0);
        QCOMPARE(f.certificate.sha256,
                 QString::fromLatin1(served.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
        QCOMPARE(f.certificate.certificate, served);
        // It never "just continues": no retry, no welcome.
        QCOMPARE(session.state(), HubSession::State::Offline);
        QSignalSpy states(&session, &HubSession::stateChanged);
        QVERIFY(!states.wait(2000));
        QVERIFY(welcomed.isEmpty());
    }

    void withTheCustomCaTrustedTheSameHubSignsIn()
    {
        TlsHub hub(*m_users);
        QVERIFY(hub.start(m_certificates->path(QStringLiteral("hub.crt")),
                          m_certificates->path(QStringLiteral("hub.key"))));
        HubSession session(hub.url(), {});
        session.setTrustedAuthorities(testCa());
        QSignalSpy welcomed(&session, &HubSession::welcomed);
        QSignalSpy failed(&session, &HubSession::failed);
        session.start({QStringLiteral("dana"), QStringLiteral("correct horse"), {}});
        QVERIFY(welcomed.wait(20000));
        QCOMPARE(session.state(), HubSession::State::Online);
        QVERIFY(failed.isEmpty());
    }

    void aCaKeptInTheProfileIsTrustedOnTheNextConnection()
    {
        QTemporaryDir profile;
        QVERIFY(trust::stored(profile.path()).isEmpty());
        QVERIFY(!trust::store(profile.path(), testCa()));
        QVERIFY(!trust::store(profile.path(), testCa())); // kept once, not twice
        QCOMPARE(trust::stored(profile.path()), testCa());
        QVERIFY(QFile::exists(profile.filePath(QStringLiteral("trusted-ca.pem"))));

        TlsHub hub(*m_users);
        QVERIFY(hub.start(m_certificates->path(QStringLiteral("hub.crt")),
                          m_certificates->path(QStringLiteral("hub.key"))));
        HubSession session(hub.url(), {});
        session.setTrustedAuthorities(trust::stored(profile.path()));
        QSignalSpy welcomed(&session, &HubSession::welcomed);
        session.start({QStringLiteral("dana"), QStringLiteral("correct horse"), {}});
        QVERIFY(welcomed.wait(20000));
    }

    void aFileThatIsNotAPemCertificateIsRefusedWithAReason()
    {
        QTemporaryDir dir;
        const QString junk = dir.filePath(QStringLiteral("junk.pem"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a certificate\n");
        f.close();
        auto read = trust::readPemFile(junk);
        QVERIFY(std::holds_alternative<trust::Refusal>(read));
        QCOMPARE(std::get<trust::Refusal>(read).code, QStringLiteral("not_pem"));
        read = trust::readPemFile(dir.filePath(QStringLiteral("missing.pem")));
        QCOMPARE(std::get<trust::Refusal>(read).code, QStringLiteral("unreadable"));
        // The CA's private key is PEM too, but not a certificate.
        read = trust::readPemFile(m_certificates->path(QStringLiteral("ca.key")));
        QCOMPARE(std::get<trust::Refusal>(read).code, QStringLiteral("not_pem"));
    }

    void aCertificateForAnotherHostNamesTheHostProblem()
    {
        TlsHub hub(*m_users);
        QVERIFY(hub.start(m_certificates->path(QStringLiteral("elsewhere.crt")),
                          m_certificates->path(QStringLiteral("elsewhere.key"))));
        HubSession session(hub.url(), {});
        session.setTrustedAuthorities(testCa()); // trusted issuer, wrong name
        QSignalSpy failed(&session, &HubSession::failed);
        session.start({QStringLiteral("dana"), QStringLiteral("correct horse"), {}});
        QVERIFY(failed.wait(20000));
        const SessionFailure f = failureOf(failed);
        QCOMPARE(f.kind, SessionFailure::Kind::CertificateUntrusted);
        QCOMPARE(f.certificate.reasons, QStringList{QStringLiteral("host_name_mismatch")});
        QCOMPARE(f.detail, QStringLiteral("host_name_mismatch"));
        QCOMPARE(f.certificate.subject, QStringLiteral("elsewhere.example"));
    }

    void aWrongPasswordIsWrongCredentialsAndStops()
    {
        HubSession session(m_users->url(), {});
        QSignalSpy failed(&session, &HubSession::failed);
        session.start({QStringLiteral("dana"), QStringLiteral("wrong"), {}});
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureOf(failed).kind, SessionFailure::Kind::WrongCredentials);
        QCOMPARE(failureOf(failed).detail, QStringLiteral("unauthenticated"));
        QCOMPARE(session.state(), HubSession::State::Offline);
        QSignalSpy states(&session, &HubSession::stateChanged);
        QVERIFY(!states.wait(1500));
    }

    void aRefusedPortIsUnreachableAndTheSessionKeepsTrying()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        HubSession session(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(closedPort)), {});
        QSignalSpy failed(&session, &HubSession::failed);
        session.start({QStringLiteral("dana"), QStringLiteral("correct horse"), {}});
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureOf(failed).kind, SessionFailure::Kind::Unreachable);
        QCOMPARE(failureOf(failed).detail, QStringLiteral("refused"));
        QVERIFY(failed.wait(20000)); // the retry comes, and fails the same way
        QCOMPARE(failed.last().first().value<SessionFailure>().detail, QStringLiteral("refused"));
        session.stop();
    }

    void aServerThatNeverAnswersTimesOut()
    {
        QTcpServer silent; // accepts the TCP connection, never the WebSocket handshake
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        HubSession session(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(silent.serverPort())), {});
        session.setConnectTimeout(500);
        QSignalSpy failed(&session, &HubSession::failed);
        session.start({QStringLiteral("dana"), QStringLiteral("correct horse"), {}});
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureOf(failed).kind, SessionFailure::Kind::Unreachable);
        QCOMPARE(failureOf(failed).detail, QStringLiteral("timeout"));
        session.stop();
    }

    void aServerThatDoesNotKnowHelloIsTooOld()
    {
        OldServer old(OldServer::Answer::UnknownCommand);
        QVERIFY(old.listen());
        HubSession session(old.url(), {});
        QSignalSpy failed(&session, &HubSession::failed);
        session.start({QStringLiteral("dana"), QStringLiteral("correct horse"), {}});
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureOf(failed).kind, SessionFailure::Kind::ServerTooOld);
        QCOMPARE(failureKindName(failureOf(failed).kind), QStringLiteral("server_too_old"));
        QCOMPARE(session.state(), HubSession::State::Offline);
    }

    void aServerThatRefusesOurVersionIsTooOld()
    {
        OldServer old(OldServer::Answer::UnsupportedVersionAndClose);
        QVERIFY(old.listen());
        HubSession session(old.url(), {});
        QSignalSpy failed(&session, &HubSession::failed);
        session.start({QStringLiteral("dana"), QStringLiteral("correct horse"), {}});
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureOf(failed).kind, SessionFailure::Kind::ServerTooOld);
        QCOMPARE(failureOf(failed).detail, QStringLiteral("unsupported_version"));
        QSignalSpy states(&session, &HubSession::stateChanged);
        QVERIFY(!states.wait(1500)); // not retried: only a newer server helps
    }
};

QTEST_GUILESS_MAIN(TestHubSessionFailures)
#include "tst_hub_session_failures.moc"
