// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/webchat_server.h"

#include "server/webchat_connection.h"
#include "server/webchat_frames.h"
#include "server/webchat_page.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QWebSocket>

namespace threadline::server {
namespace {

const QString kSocketPath = QStringLiteral("/chat/ws");

bool isUpgrade(const QHttpServerRequest &request)
{
    for (const auto &h : request.headers())
        if (h.first.compare("upgrade", Qt::CaseInsensitive) == 0)
            return h.second.trimmed().compare("websocket", Qt::CaseInsensitive) == 0;
    return false;
}

} // namespace

WebChat::WebChat(HubStore &store, IdentityResolver &resolver, QObject *parent)
    : QObject(parent), m_store(store), m_chats(store, resolver)
{
    qRegisterMetaType<QList<threadline::server::StoredEvent>>();
    // Queued like the agents' fan-out: the answer to the visitor's own frame leaves first.
    connect(&m_store, &HubStore::eventsAppended, this, &WebChat::onEvents, Qt::QueuedConnection);
    connect(&m_forget, &QTimer::timeout, this, &WebChat::forgetFullAllowances);
    m_forget.start(60 * 1000);
}

void WebChat::forgetFullAllowances()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto *allowances : {&m_messageAllowances, &m_startAllowances})
        allowances->removeIf([now](const QHash<QString, MessageAllowance>::iterator &it) {
            return it.value().isFull(now);
        });
}

WebChat::~WebChat()
{
    for (VisitorConnection *c : std::as_const(m_connections)) {
        c->disconnect(this);
        delete c;
    }
}

void WebChat::install(QHttpServer &http)
{
    webchat_page::install(http);
    // QHttpServer 6.4 hands a WebSocket upgrade on only when a route matches its path and
    // writes nothing; a plain GET is told to upgrade.
    http.route(kSocketPath, [](const QHttpServerRequest &request, QHttpServerResponder &&r) {
        if (!isUpgrade(request))
            r.write(QHttpServerResponder::StatusCode::UpgradeRequired);
    });
    connect(&http, &QHttpServer::newWebSocketConnection, this, [this, &http] { accept(http); });
}

void WebChat::accept(QHttpServer &http)
{
    while (http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = http.nextPendingWebSocketConnection();
        if (!socket)
            continue;
        // Every upgrade QHttpServer sees comes here (the agents' /ws never reaches it).
        if (socket->requestUrl().path() != kSocketPath) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
            socket.release()->deleteLater();
            continue;
        }
        adopt(std::move(socket));
    }
}

VisitorConnection *WebChat::adopt(std::unique_ptr<QWebSocket> socket)
{
    socket->setParent(nullptr);
    const QString address = socket->peerAddress().toString();
    VisitorConnection::Limits limits;
    limits.messages = [this](const QString &chatId) -> MessageAllowance & {
        auto it = m_messageAllowances.find(chatId);
        if (it == m_messageAllowances.end())
            it = m_messageAllowances.insert(chatId,
                                            MessageAllowance(kMessageBurst, kMessageRefillMs));
        return *it;
    };
    limits.mayStart = [this, address] {
        auto it = m_startAllowances.find(address);
        if (it == m_startAllowances.end())
            it = m_startAllowances.insert(address, MessageAllowance(kStartBurst, kStartRefillMs));
        return it->spend(QDateTime::currentMSecsSinceEpoch());
    };
    auto *connection = new VisitorConnection(std::move(socket), m_chats, std::move(limits), this);
    m_connections.append(connection);
    connect(connection, &VisitorConnection::finished, this, [this](VisitorConnection *c) {
        m_connections.removeOne(c);
        c->deleteLater();
    });
    return connection;
}

void WebChat::onEvents(const QList<StoredEvent> &events)
{
    if (m_connections.isEmpty())
        return;
    for (const StoredEvent &event : events) {
        if (event.type != protocol::type::messageCreated)
            continue;
        const auto m = protocol::MessagePayload::fromJson(
            event.payload.value(QLatin1String("message")).toObject());
        if (!m || m->channel != protocol::channel::chat || m->identity.isEmpty())
            continue;
        // Replies to this visitor, and what they wrote in another tab.
        const QJsonObject frame = webchat::message(*m);
        for (VisitorConnection *c : std::as_const(m_connections))
            if (c->visitor() && c->visitor()->chatId == m->identity)
                c->send(frame);
    }
}

} // namespace threadline::server
