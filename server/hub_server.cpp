// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_server.h"

#include "server/client_session.h"
#include "server/event_frames.h"
#include "server/upgrade_listener.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QWebSocket>

namespace threadline::server {

HubServer::HubServer(HubStore &store, HubCommands &commands, AgentFloor &floor,
                     QueueMonitor &monitor, QObject *parent)
    : QObject(parent), m_store(store), m_commands(commands), m_floor(floor), m_monitor(monitor)
{
    qRegisterMetaType<QList<threadline::server::StoredEvent>>();
    m_http.route(QStringLiteral("/health"), [] {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    // Upgrades of /ws never reach QHttpServer (UpgradeListener takes them so the
    // subprotocol can be negotiated); this route answers plain requests to /ws.
    m_http.route(QStringLiteral("/ws"), [] {
        return QHttpServerResponse(QHttpServerResponder::StatusCode::UpgradeRequired);
    });
    m_listener = new UpgradeListener(QStringLiteral("/ws"), {protocol::kSubprotocol}, &m_http);
    connect(&m_listener->webSockets(), &QWebSocketServer::newConnection, this,
            &HubServer::acceptWebSockets);
    // broadcast() only collects; the fan-out is queued, so the command's answer leaves
    // before the events it caused.
    connect(&m_store, &HubStore::eventsAppended, this, &HubServer::broadcast);
    m_fanOutTimer.setSingleShot(true);
    m_fanOutTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_fanOutTimer, &QTimer::timeout, this, &HubServer::fanOut);
    // Ephemeral frames go to the one connection they are for, after any answer already sent.
    connect(&m_floor, &AgentFloor::frameFor, this,
            [this](quint64 connection, const protocol::Envelope &frame) {
                if (ClientSession *s = session(connection))
                    s->sendEphemeral(frame);
            });
    connect(&m_floor, &AgentFloor::presenceChanged, &m_monitor, &QueueMonitor::markChanged);
    connect(&m_monitor, &QueueMonitor::statsReady, this, [this](const protocol::Envelope &frame) {
        for (ClientSession *s : std::as_const(m_sessions))
            if (s->isSignedIn() && s->user().role == role::supervisor)
                s->sendEphemeral(frame);
    });
}

ClientSession *HubServer::session(quint64 connection) const
{
    for (ClientSession *s : m_sessions)
        if (s->connection() == connection)
            return s;
    return nullptr;
}

void HubServer::onSignedIn(ClientSession *session)
{
    m_floor.signIn(session->connection(), session->user().name, session->user().role);
    if (session->user().role == role::supervisor) {
        protocol::Envelope frame;
        frame.type = protocol::type::queueStats;
        frame.data = m_monitor.snapshot(QDateTime::currentMSecsSinceEpoch());
        session->sendEphemeral(frame);
    }
}

HubServer::~HubServer()
{
    for (ClientSession *s : std::as_const(m_sessions)) {
        s->disconnect(this);
        delete s;
    }
}

QString HubServer::useTls(const QString &certificateFile, const QString &keyFile)
{
    if (!QSslSocket::supportsSsl())
        return QStringLiteral("TLS is not available (Qt found no OpenSSL backend)");
    QFile certFile(certificateFile);
    if (!certFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the TLS certificate %1").arg(certificateFile);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return QStringLiteral("%1 holds no PEM certificate").arg(certificateFile);
    QFile key(keyFile);
    if (!key.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the TLS private key %1").arg(keyFile);
    const QByteArray pem = key.readAll();
    QSslKey privateKey;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        privateKey = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!privateKey.isNull())
            break;
    }
    if (privateKey.isNull())
        return QStringLiteral("%1 holds no unencrypted PEM private key (RSA, EC or DSA)")
            .arg(keyFile);
    if (chain.constFirst().expiryDate() < QDateTime::currentDateTimeUtc())
        TL_LOG("hub", warning) << "the TLS certificate in " << certificateFile << " has expired";

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(privateKey);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_listener->setTlsConfiguration(configuration);
    return {};
}

bool HubServer::isTls() const
{
    return m_listener->isTls();
}

quint16 HubServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_listener->listen(address, port))
        return 0;
    m_http.bind(m_listener);
    return m_listener->serverPort();
}

void HubServer::acceptWebSockets()
{
    QWebSocketServer &server = m_listener->webSockets();
    while (server.hasPendingConnections()) {
        std::unique_ptr<QWebSocket> socket(server.nextPendingConnection());
        if (!socket)
            continue;
        socket->setParent(nullptr);
        QTcpSocket *wire = m_listener->takeSocketUnder(*socket);
        if (!wire)
            TL_LOG("hub", warning) << "no socket found under a WebSocket connection; its events"
                                      " go through QWebSocket";
        auto *session = new ClientSession(std::move(socket), wire, m_commands, m_store,
                                          m_nextConnection++, this);
        session->setPingInterval(m_pingIntervalMs);
        m_sessions.append(session);
        connect(session, &ClientSession::signedIn, this, &HubServer::onSignedIn);
        connect(session, &ClientSession::finished, this, [this](ClientSession *s) {
            m_sessions.removeOne(s);
            m_floor.signOut(s->connection());
            s->deleteLater();
        });
    }
}

void HubServer::broadcast(const QList<StoredEvent> &events)
{
    // Commits announced later in this turn (or before the timer fires) join the same fan-out.
    if (m_due.isEmpty()) {
        const qint64 wait = m_sinceFanOut.isValid()
                                ? kFanOutIntervalMs - m_sinceFanOut.elapsed()
                                : 0;
        if (wait > 0)
            m_fanOutTimer.start(int(wait));
        else
            QMetaObject::invokeMethod(this, &HubServer::fanOut, Qt::QueuedConnection);
    }
    m_due.append(events);
}

void HubServer::fanOut()
{
    m_fanOutTimer.stop();
    EventFrames frames(std::exchange(m_due, {}));
    if (frames.events().isEmpty())
        return;
    m_sinceFanOut.start();
    const QList<ClientSession *> sessions = m_sessions;
    for (ClientSession *s : sessions)
        s->deliver(frames);
    m_monitor.markChanged();
}

} // namespace threadline::server
