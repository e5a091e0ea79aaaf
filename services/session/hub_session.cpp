// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/session/hub_session.h"

#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QJsonArray>
#include <QLocale>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUuid>
#include <QWebSocketHandshakeOptions>

namespace threadline::services {

using namespace threadline::protocol;

namespace {
constexpr int kHeartbeatMs = 15000;
constexpr int kMaxMissedPongs = 2;
constexpr int kConnectTimeoutMs = 15000;
constexpr quint16 kCloseProtocolError = 1002; // how the hub refuses a client it cannot speak to
const QString kClient = QStringLiteral("threadline/0.1.0");

/// What a refused hello means to the agent. Our hello is always well formed
/// for v1, so a hub that calls it a bad request does not know v1's hello: it
/// is older (or another program altogether).
SessionFailure classifyRefusal(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Unauthenticated:
        return makeFailure(SessionFailure::Kind::WrongCredentials, errorCodeName(error.code), error.message);
    case ErrorCode::UnsupportedVersion:
    case ErrorCode::BadRequest:
        return makeFailure(SessionFailure::Kind::ServerTooOld, errorCodeName(error.code), error.message);
    default:
        return makeFailure(SessionFailure::Kind::Refused, errorCodeName(error.code), error.message);
    }
}
} // namespace

HubSession::HubSession(QUrl url, std::function<qint64()> since, QObject *parent)
    : QObject(parent), m_url(std::move(url)), m_since(std::move(since)), m_heartbeat(this),
      m_retry(this), m_connectTimeout(this)
{
    qRegisterMetaType<SessionFailure>();
    m_socket.setParent(this);
    m_socket.setMaxAllowedIncomingMessageSize(kMaxFrameBytes);
    m_heartbeat.setInterval(kHeartbeatMs);
    m_retry.setSingleShot(true);
    m_connectTimeout.setSingleShot(true);
    m_connectTimeout.setInterval(kConnectTimeoutMs);
    connect(&m_socket, &QWebSocket::connected, this, &HubSession::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &HubSession::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &HubSession::onText);
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_missedPongs = 0; });
    connect(&m_heartbeat, &QTimer::timeout, this, &HubSession::onHeartbeat);
    connect(&m_retry, &QTimer::timeout, this, &HubSession::connectNow);
    // Qt refuses the handshake after this signal unless told to ignore the
    // errors, which this class never does: the agent trusts a CA instead.
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_untrusted = describeCertificate(errors, m_socket.sslConfiguration().peerCertificate());
    });
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        if (m_state != State::Connecting)
            return;
        m_timedOut = true;
        m_socket.abort();
    });
}

HubSession::~HubSession()
{
    m_running = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void HubSession::start(const Credentials &credentials)
{
    m_credentials = credentials;
    m_running = true;
    m_backoff.reset();
    connectNow();
}

void HubSession::setTrustedAuthorities(const QList<QSslCertificate> &authorities)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslConfiguration::systemCaCertificates() + authorities);
    m_socket.setSslConfiguration(configuration);
}

void HubSession::stop()
{
    m_running = false;
    m_retry.stop();
    m_connectTimeout.stop();
    m_heartbeat.stop();
    m_socket.close();
    setState(State::Offline);
}

bool HubSession::send(const QString &type, const QString &id, const QJsonObject &data)
{
    if (m_state != State::Online)
        return false;
    m_socket.sendTextMessage(QString::fromUtf8(encode(makeCommand(type, id, data))));
    return true;
}

void HubSession::reconnect()
{
    TL_LOG("net", warning) << "reconnecting to resume the event stream";
    m_socket.abort(); // onDisconnected schedules the retry
}

void HubSession::connectNow()
{
    if (!m_running)
        return;
    setState(State::Connecting);
    m_untrusted.reset();
    m_timedOut = false;
    m_connectTimeout.start();
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({kSubprotocol});
    m_socket.open(QNetworkRequest(m_url), options);
}

void HubSession::onConnected()
{
    // Qt HttpServer 6.4 cannot name the chosen subprotocol in its answer, so an
    // empty one is accepted (the hub refuses clients that do not offer ours);
    // a different one means another protocol.
    m_connectTimeout.stop();
    if (!m_socket.subprotocol().isEmpty() && m_socket.subprotocol() != kSubprotocol) {
        TL_LOG("net", error) << "the hub did not accept subprotocol threadline.v1";
        const QString why = QStringLiteral("the server does not speak threadline.v1");
        Q_EMIT refused({ErrorCode::UnsupportedVersion, why});
        giveUp(makeFailure(SessionFailure::Kind::ServerTooOld, errorCodeName(ErrorCode::UnsupportedVersion),
                               why));
        return;
    }
    setState(State::SigningIn);
    m_missedPongs = 0;
    m_heartbeat.start();
    QJsonObject hello{{QStringLiteral("since"), m_since ? m_since() : 0},
                      {QStringLiteral("client"), kClient},
                      {QStringLiteral("locale"), QLocale().name()},
                      // Live events committed together may then come in one frame.
                      {QStringLiteral("accepts"), QJsonArray{accepts::batch}}};
    if (!m_credentials.token.isEmpty()) {
        hello.insert(QStringLiteral("token"), m_credentials.token);
    } else {
        hello.insert(QStringLiteral("user"), m_credentials.user);
        hello.insert(QStringLiteral("password"), m_credentials.password);
    }
    m_helloId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_socket.sendTextMessage(QString::fromUtf8(encode(makeCommand(type::hello, m_helloId, hello))));
}

void HubSession::onDisconnected()
{
    m_heartbeat.stop();
    m_connectTimeout.stop();
    const QString why = m_timedOut ? QStringLiteral("no answer from the server") : m_socket.errorString();
    if (!m_running) {
        setState(State::Offline);
        return;
    }
    if (m_untrusted) {
        TL_LOG("net", warning) << "the server's certificate is not trusted ("
                               << m_untrusted->reasons.join(QLatin1Char(',')) << ")";
        giveUp(makeFailure(SessionFailure::Kind::CertificateUntrusted, m_untrusted->reasons.value(0),
                QStringLiteral("the server's certificate is not trusted"), *m_untrusted));
        return;
    }
    if (m_state == State::SigningIn && m_socket.closeCode() == kCloseProtocolError) {
        TL_LOG("net", warning) << "the hub closed the connection as a protocol error";
        giveUp(makeFailure(SessionFailure::Kind::ServerTooOld, errorCodeName(ErrorCode::UnsupportedVersion),
                               QStringLiteral("the server closed the connection as a protocol error")));
        return;
    }
    const bool neverConnected = m_state == State::Connecting;
    const int delay = m_backoff.nextDelayMs();
    TL_LOG("net", info) << "connection lost (" << why << "), retrying in " << delay << " ms";
    setState(State::Offline);
    Q_EMIT connectionLost(why, delay);
    if (neverConnected)
        Q_EMIT failed(makeFailure(SessionFailure::Kind::Unreachable,
                       m_timedOut ? QStringLiteral("timeout") : unreachableDetail(m_socket.error()),
                                  why));
    m_retry.start(delay);
}

void HubSession::giveUp(SessionFailure failure)
{
    stop();
    Q_EMIT failed(failure);
}

void HubSession::onText(const QString &text)
{
    // Decoding happens here, on the service thread, never on the GUI thread.
    auto decoded = decodeFrames(text.toUtf8());
    if (auto *error = std::get_if<Error>(&decoded)) {
        TL_LOG("net", warning) << "dropped a malformed frame from the hub: " << error->message;
        return;
    }
    auto &envelopes = std::get<QList<Envelope>>(decoded);
    if (envelopes.size() > 1) {
        // A batch: durable events only, in order, each as if it had come on its own.
        for (const Envelope &event : std::as_const(envelopes))
            Q_EMIT received(event);
        return;
    }
    auto &envelope = envelopes.first();
    if (m_state == State::SigningIn && envelope.type == type::error && envelope.id.isEmpty()
        && envelope.error && envelope.error->code == ErrorCode::UnsupportedVersion) {
        // The hub refuses this client as a whole, before any hello is read.
        Q_EMIT refused(*envelope.error);
        giveUp(makeFailure(SessionFailure::Kind::ServerTooOld, errorCodeName(ErrorCode::UnsupportedVersion),
                               envelope.error->message));
        return;
    }
    if (m_state == State::SigningIn && envelope.id == m_helloId) {
        if (envelope.type == type::welcome) {
            const QString token = envelope.data.value(QStringLiteral("token")).toString();
            if (!token.isEmpty())
                m_credentials.token = token;
            m_credentials.password.clear(); // reconnects use the token
            m_backoff.reset();
            setState(State::Online);
            Q_EMIT welcomed(envelope);
            return;
        }
        const Error error = envelope.error.value_or(
            Error{ErrorCode::BadRequest, QStringLiteral("unexpected answer to hello")});
        TL_LOG("net", warning) << "sign-in refused: " << errorCodeName(error.code);
        if (error.code == ErrorCode::Unauthenticated && !m_credentials.token.isEmpty()
            && !m_credentials.password.isEmpty()) {
            m_credentials.token.clear(); // an expired token: try the password once more
            m_socket.abort();
            return;
        }
        Q_EMIT refused(error);
        giveUp(classifyRefusal(error));
        return;
    }
    Q_EMIT received(envelope);
}

void HubSession::onHeartbeat()
{
    if (++m_missedPongs > kMaxMissedPongs) {
        TL_LOG("net", warning) << "two heartbeats unanswered; the connection is dead";
        m_socket.abort();
        return;
    }
    m_socket.ping();
}

void HubSession::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

} // namespace threadline::services
