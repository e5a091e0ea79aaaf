// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/agent_floor.h"
#include "server/hub_commands.h"
#include "server/queue_monitor.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace threadline::server {

class ClientSession;
class UpgradeListener;

/// HTTP and WebSocket on one address: GET /health, and the threadline.v1 API at /ws.
/// Fans every stored event out to the signed-in connections: what was committed in one turn
/// of the event loop leaves together (one `batch` frame to a desktop that accepts it), and
/// under heavy traffic fan-outs are at least kFanOutIntervalMs apart, so that each desktop
/// gets fewer, fuller frames; a quiet hub sends at once.
class HubServer : public QObject {
    Q_OBJECT
public:
    static constexpr int kFanOutIntervalMs = 20;

    HubServer(HubStore &store, HubCommands &commands, AgentFloor &floor, QueueMonitor &monitor,
              QObject *parent = nullptr);
    ~HubServer() override;

    /// Serve https:// and wss:// with a PEM certificate (chain, server certificate first)
    /// and its PEM private key; call before listen(). Returns a sentence when they cannot be
    /// used, else an empty string.
    QString useTls(const QString &certificateFile, const QString &keyFile);
    bool isTls() const;
    /// Returns the port listened on (useful with port 0), or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);
    /// How often each connection is pinged (ClientSession::setPingInterval); 0: never.
    void setPingInterval(int ms) { m_pingIntervalMs = ms; }
    int connectionCount() const { return int(m_sessions.size()); }
    /// For more routes (channel ingress) on the same address.
    QHttpServer &http() { return m_http; }

private:
    void acceptWebSockets();
    void broadcast(const QList<threadline::server::StoredEvent> &events);
    void fanOut();
    void onSignedIn(ClientSession *session);
    ClientSession *session(quint64 connection) const;

    HubStore &m_store;
    HubCommands &m_commands;
    AgentFloor &m_floor;
    QueueMonitor &m_monitor;
    quint64 m_nextConnection = 1;
    int m_pingIntervalMs = 30000;
    QHttpServer m_http;
    UpgradeListener *m_listener = nullptr; ///< owned by m_http
    QList<ClientSession *> m_sessions;
    /// Events committed and not yet fanned out: at the end of this turn of the event loop,
    /// or when m_fanOutTimer fires.
    QList<StoredEvent> m_due;
    QElapsedTimer m_sinceFanOut;
    QTimer m_fanOutTimer;
};

} // namespace threadline::server
