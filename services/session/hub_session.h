// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/envelope.h"
#include "services/session/backoff.h"
#include "services/session/session_failure.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <optional>

namespace threadline::services {

/// The connection to one hub. Lives on the service thread: it decodes frames
/// there, answers heartbeats, and reconnects with jittered backoff until
/// stopped or refused for bad credentials.
class HubSession : public QObject {
    Q_OBJECT
public:
    enum class State { Offline, Connecting, SigningIn, Online };
    Q_ENUM(State)

    struct Credentials {
        QString user;
        QString password; ///< used once; replaced by the session token after welcome
        QString token;
    };

    /// `since` is asked for on every (re)connect: the last applied seq.
    HubSession(QUrl url, std::function<qint64()> since, QObject *parent = nullptr);
    ~HubSession() override;

    void start(const Credentials &credentials);
    void stop();
    State state() const { return m_state; }
    QString token() const { return m_credentials.token; }

    /// Sends a command; false when not online (the caller keeps it for later).
    bool send(const QString &type, const QString &id, const QJsonObject &data);
    /// Drops the connection and reconnects (used when a gap in `prev` is seen).
    void reconnect();

    /// Heartbeat interval; tests shorten it.
    void setHeartbeatInterval(int ms) { m_heartbeat.setInterval(ms); }
    /// How long one connection attempt may take before it counts as a timeout.
    void setConnectTimeout(int ms) { m_connectTimeout.setInterval(ms); }
    /// The hub to use from the next connection on (the agent may correct it).
    void setUrl(const QUrl &url) { m_url = url; }
    QUrl url() const { return m_url; }
    /// Authorities trusted for wss:// in addition to the system's (the agent's
    /// custom CA). Verification always stays on.
    void setTrustedAuthorities(const QList<QSslCertificate> &authorities);

Q_SIGNALS:
    void stateChanged(threadline::services::HubSession::State state);
    void welcomed(const threadline::protocol::Envelope &welcome);
    /// Any frame after welcome: events, acks, errors, live.
    void received(const threadline::protocol::Envelope &envelope);
    /// The hub refused the credentials; the session stops trying.
    void refused(const threadline::protocol::Error &error);
    /// The hub could not be reached or dropped us; a retry is scheduled.
    void connectionLost(const QString &why, int retryInMs);
    /// Why signing in did not work, classified for the sign-in screen. After
    /// Unreachable a retry is scheduled; after every other kind the session has
    /// stopped (retrying cannot help until the agent changes something).
    void failed(const threadline::services::SessionFailure &failure);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onHeartbeat();
    void setState(State s);
    void giveUp(SessionFailure failure);

    QUrl m_url;
    std::function<qint64()> m_since;
    Credentials m_credentials;
    QWebSocket m_socket;
    QTimer m_heartbeat;
    QTimer m_retry;
    QTimer m_connectTimeout;
    Backoff m_backoff;
    State m_state = State::Offline;
    QString m_helloId;
    int m_missedPongs = 0;
    bool m_running = false;
    /// What went wrong with the current attempt, read when it ends.
    std::optional<CertificateFacts> m_untrusted;
    bool m_timedOut = false;
};

} // namespace threadline::services
