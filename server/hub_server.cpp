// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_server.h"

#include "server/client_session.h"
#include "services/logging/log.h"

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
    // QHttpServer 6.4 hands an upgrade to its WebSocket server only when a route
    // matches; this one answers plain requests and leaves upgrades alone.
    m_http.route(QStringLiteral("/ws"), [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (request.value(QByteArrayLiteral("upgrade")).compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) != 0)
            responder.write(QHttpServerResponder::StatusCode::UpgradeRequired);
    });
    connect(&m_http, &QAbstractHttpServer::newWebSocketConnection, this, &HubServer::acceptWebSockets);
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
    return m_http.listen(address, port);
}

void HubServer::acceptWebSockets()
{
    while (m_http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection();
        if (!socket)
            continue;
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
