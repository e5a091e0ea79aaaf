// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_commands.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <memory>

namespace threadline::server {

class EventFrames;

/// One desktop connection: frames in, answers and events out. Enforces the frame
/// rules (text only, 1 MiB, 20 malformed in a row), the hello, and `prev` per connection.
/// Durable events are written as prepared frames straight onto `wire`, the TCP (or TLS)
/// socket under the WebSocket (websocket_text_frame.h); the replay after a hello is paced
/// by what the desktop has read, and a desktop that falls too far behind live traffic is
/// cut off, to resume by replay, instead of the hub buffering for it without end.
class ClientSession : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxMalformedInARow = 20;
    static constexpr int kHelloTimeoutMs = 30000;
    /// Unsent bytes past which a live desktop is disconnected (about 5 s of 1,000 messages
    /// a second); it reconnects and resumes from its last seq.
    static constexpr qint64 kMaxBacklogBytes = 4 * 1024 * 1024;
    /// The replay sends its next page once fewer unsent bytes than this are waiting.
    static constexpr qint64 kReplayLowWaterBytes = 512 * 1024;

    /// `wire` is the socket `socket` runs on; without it events go through QWebSocket.
    ClientSession(std::unique_ptr<QWebSocket> socket, QTcpSocket *wire, HubCommands &commands,
                  HubStore &store, quint64 connection, QObject *parent = nullptr);
    ~ClientSession() override;

    /// Pings every @p ms (0: never); a connection that has sent nothing, not even the pong,
    /// by the next ping is dropped: its network died without a word (a laptop closed, a
    /// cable pulled), and its agent should not look online on the floor for hours.
    void setPingInterval(int ms);

    /// Live events, in seq order; ones this connection already sent (replay) are skipped.
    void deliver(EventFrames &events);
    /// An ephemeral frame (presence, typing, viewing, queue.stats), once signed in and live.
    void sendEphemeral(const protocol::Envelope &frame);

    quint64 connection() const { return m_state.connection; }
    bool isSignedIn() const { return m_signedIn; }
    const SessionUser &user() const { return m_state.user; }

Q_SIGNALS:
    void finished(threadline::server::ClientSession *session);
    /// After the welcome and the replay, once the connection is live.
    void signedIn(threadline::server::ClientSession *session);

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void malformed(const QString &id, const QString &why);
    void onHello(const protocol::Envelope &hello);
    void send(const protocol::Envelope &envelope);
    /// The events after m_lastSeq this connection may see, in as few frames as it accepts.
    void sendEvents(EventFrames &events);
    /// Replay pages until the desktop has unread bytes waiting or the log is exhausted;
    /// then `live`. Called again as the socket drains.
    void replayMore();
    qint64 unsentBytes() const;
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);
    void onPingDue();
    /// Resets the connection at once, without a closing handshake (a dead or stalled peer).
    void dropConnection();

    std::unique_ptr<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_wire;
    HubCommands &m_commands;
    HubStore &m_store;
    SessionState m_state;
    bool m_signedIn = false;
    bool m_live = false;
    bool m_closing = false;
    bool m_replaying = false;
    bool m_batches = false; ///< its hello accepts `batch` frames
    qint64 m_lastSeq = 0;   ///< the last durable event this connection sent (or resumed from)
    qint64 m_prevSent = 0;  ///< `prev` of the next event: the last one sent, or the resume point
    int m_malformedInARow = 0;
    QTimer m_helloTimer;
    QTimer m_pingTimer;
    bool m_heardSincePing = true; ///< a pong or a frame since the last ping
};

} // namespace threadline::server
