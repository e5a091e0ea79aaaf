// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_commands.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>
#include <memory>

namespace threadline::server {

/// One desktop connection: frames in, answers and events out. Enforces the frame
/// rules (text only, 1 MiB, 20 malformed in a row), the hello, and `prev` per connection.
class EventFrames;

class ClientSession : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxMalformedInARow = 20;
    static constexpr int kHelloTimeoutMs = 30000;

    ClientSession(std::unique_ptr<QWebSocket> socket, HubCommands &commands, HubStore &store,
                  quint64 connection, QObject *parent = nullptr);
    ~ClientSession() override;

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
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);

    std::unique_ptr<QWebSocket> m_socket;
    HubCommands &m_commands;
    HubStore &m_store;
    SessionState m_state;
    bool m_signedIn = false;
    bool m_live = false;
    bool m_closing = false;
    bool m_batches = false; ///< its hello accepts `batch` frames
    qint64 m_lastSeq = 0;  ///< the last durable event this connection sent (or resumed from)
    qint64 m_prevSent = 0; ///< `prev` of the next event: the last one sent, or the resume point
    int m_malformedInARow = 0;
    QTimer m_helloTimer;
};

} // namespace threadline::server
