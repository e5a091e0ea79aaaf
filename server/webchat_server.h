// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"
#include "server/webchat_allowance.h"
#include "server/webchat_store.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

class QHttpServer;
class QWebSocket;

namespace threadline::server {

class VisitorConnection;

/// The customer-facing web chat on the hub's address: the page at GET /chat (compiled in
/// as Qt resources) and its WebSocket at /chat/ws. Watches the hub's stored events and
/// hands agents' chat replies to the visitor's open pages; a page that shows a reply says
/// so and the reply becomes `delivered`. A visitor who is away gets the reply with the
/// history when they come back.
class WebChat : public QObject {
    Q_OBJECT
public:
    static constexpr int kMessageBurst = 8;
    static constexpr qint64 kMessageRefillMs = 1000;
    // Per address: behind a reverse proxy every visitor shares the proxy's address, so this
    // only stops one machine from creating customers in bulk.
    static constexpr int kStartBurst = 20;
    static constexpr qint64 kStartRefillMs = 3000;

    WebChat(HubStore &store, IdentityResolver &resolver, QObject *parent = nullptr);
    ~WebChat() override;

    void install(QHttpServer &http);
    int visitorCount() const { return int(m_connections.size()); }

private:
    void accept(QHttpServer &http);
    void onEvents(const QList<threadline::server::StoredEvent> &events);
    VisitorConnection *adopt(std::unique_ptr<QWebSocket> socket);
    void forgetFullAllowances();

    HubStore &m_store;
    WebChatStore m_chats;
    QList<VisitorConnection *> m_connections;
    QHash<QString, MessageAllowance> m_messageAllowances; ///< by chat id
    QHash<QString, MessageAllowance> m_startAllowances;   ///< by remote address
    QTimer m_forget;
};

} // namespace threadline::server
