// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_server.h"

#include "server/client_session.h"
#include "server/upgrade_listener.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QWebSocket>

namespace threadline::server {

HubServer::HubServer(HubStore &store, HubCommands &commands, QObject *parent)
    : QObject(parent), m_store(store), m_commands(commands)
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
    // Queued: the command's answer leaves before the events it caused.
    connect(&m_store, &HubStore::eventsAppended, this, &HubServer::broadcast, Qt::QueuedConnection);
}

HubServer::~HubServer()
{
    for (ClientSession *s : std::as_const(m_sessions)) {
        s->disconnect(this);
        delete s;
    }
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
        auto *session = new ClientSession(std::move(socket), m_commands, m_store, this);
        m_sessions.append(session);
        connect(session, &ClientSession::finished, this, [this](ClientSession *s) {
            m_sessions.removeOne(s);
            s->deleteLater();
        });
    }
}

void HubServer::broadcast(const QList<StoredEvent> &events)
{
    const QList<ClientSession *> sessions = m_sessions;
    for (ClientSession *s : sessions)
        s->deliver(events);
}

} // namespace threadline::server
