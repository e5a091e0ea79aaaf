// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/client_session.h"

#include "server/event_frames.h"
#include "server/websocket_text_frame.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QJsonArray>

#include <sys/socket.h>

namespace threadline::server {
namespace {

using protocol::Envelope;
using protocol::ErrorCode;

bool offersOurSubprotocol(const QWebSocket &socket)
{
    if (socket.subprotocol() == protocol::kSubprotocol)
        return true;
    const QByteArray offered = socket.request().rawHeader("Sec-WebSocket-Protocol");
    for (const QByteArray &p : offered.split(','))
        if (QString::fromLatin1(p.trimmed()) == protocol::kSubprotocol)
            return true;
    return false;
}

// `accepts` is optional; when given it lists frame kinds by name (unknown ones are ignored).
bool readAccepts(const QJsonValue &value, bool &batches)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            return false;
        batches = batches || v.toString() == protocol::accepts::batch;
    }
    return true;
}

} // namespace

ClientSession::ClientSession(std::unique_ptr<QWebSocket> socket, QTcpSocket *wire,
                             HubCommands &commands, HubStore &store, quint64 connection,
                             QObject *parent)
    : QObject(parent), m_socket(std::move(socket)), m_wire(wire), m_commands(commands),
      m_store(store)
{
    m_state.connection = connection;
    m_socket->setMaxAllowedIncomingMessageSize(quint64(protocol::kMaxFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(protocol::kMaxFrameBytes));
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &ClientSession::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &ClientSession::onBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] { Q_EMIT finished(this); });
    connect(m_socket.get(), &QWebSocket::pong, this, [this] { m_heardSincePing = true; });
    connect(&m_pingTimer, &QTimer::timeout, this, &ClientSession::onPingDue);
    // Bytes the desktop has taken: the replay can go on (QWebSocket passes the socket's on).
    connect(m_socket.get(), &QWebSocket::bytesWritten, this, [this] {
        if (m_replaying)
            replayMore();
    });

    if (!offersOurSubprotocol(*m_socket)) {
        TL_LOG("hub", warning) << "refused a connection without subprotocol "
                               << protocol::kSubprotocol;
        send(protocol::makeError({}, ErrorCode::UnsupportedVersion,
                                 QStringLiteral("offer the WebSocket subprotocol threadline.v1")));
        closeWith(QWebSocketProtocol::CloseCodeProtocolError,
                  QStringLiteral("threadline.v1 required"));
        return;
    }
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, [this] {
        closeWith(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no hello"));
    });
    m_helloTimer.start(kHelloTimeoutMs);
}

ClientSession::~ClientSession() = default;

void ClientSession::send(const Envelope &envelope)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(QString::fromUtf8(protocol::encode(envelope)));
}

void ClientSession::closeWith(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_live = false;
    m_socket->close(code, reason);
}

void ClientSession::setPingInterval(int ms)
{
    m_heardSincePing = true;
    if (ms <= 0)
        return m_pingTimer.stop();
    m_pingTimer.start(ms);
}

void ClientSession::onPingDue()
{
    if (m_closing)
        return m_pingTimer.stop();
    if (!m_heardSincePing) {
        TL_LOG("hub", info) << "connection " << m_state.connection << " did not answer a ping in "
                            << m_pingTimer.interval() << " ms; dropped";
        dropConnection(); // no closing handshake: nothing gets through
        return;
    }
    m_heardSincePing = false;
    m_socket->ping();
}

void ClientSession::dropConnection()
{
    m_closing = true;
    m_live = false;
    m_pingTimer.stop();
    if (m_wire && m_wire->socketDescriptor() >= 0) {
        // Reset, not close: a plain close would leave what it holds queued in the kernel
        // (a desktop that reads nothing never takes it), with no end seen.
        const linger reset{1, 0};
        ::setsockopt(int(m_wire->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    }
    m_socket->abort(); // disconnected → finished, now
}

void ClientSession::malformed(const QString &id, const QString &why)
{
    send(protocol::makeError(id, ErrorCode::BadRequest, why));
    if (++m_malformedInARow >= kMaxMalformedInARow) {
        TL_LOG("hub", warning) << "closing a connection after " << m_malformedInARow
                               << " malformed frames";
        closeWith(QWebSocketProtocol::CloseCodePolicyViolated,
                  QStringLiteral("too many malformed frames"));
    }
}

void ClientSession::onBinary(const QByteArray &data)
{
    if (m_closing)
        return;
    if (data.size() > protocol::kMaxFrameBytes) {
        closeWith(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("frame exceeds 1 MiB"));
        return;
    }
    malformed({}, QStringLiteral("binary frames are not part of threadline.v1; send JSON text"));
}

void ClientSession::onText(const QString &text)
{
    m_heardSincePing = true;
    if (m_closing)
        return;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() > protocol::kMaxFrameBytes) {
        closeWith(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("frame exceeds 1 MiB"));
        return;
    }
    const auto decoded = protocol::decode(utf8);
    if (const auto *error = std::get_if<protocol::Error>(&decoded)) {
        malformed({}, error->message);
        return;
    }
    const Envelope &e = std::get<Envelope>(decoded);
    if (e.type == protocol::type::hello) {
        if (m_signedIn)
            send(protocol::makeError(e.id, ErrorCode::Conflict,
                                     QStringLiteral("already signed in")));
        else
            onHello(e);
        return;
    }
    if (!m_signedIn) {
        send(protocol::makeError(e.id, ErrorCode::Unauthenticated,
                                 QStringLiteral("send hello first")));
        return;
    }
    const Envelope answer = m_commands.handle(e, m_state);
    if (answer.error && answer.error->code == ErrorCode::BadRequest) {
        malformed(answer.id, answer.error->message);
        return;
    }
    m_malformedInARow = 0;
    send(answer);
}

void ClientSession::onHello(const Envelope &hello)
{
    bool batches = false;
    if (!readAccepts(hello.data.value(QLatin1String("accepts")), batches)) {
        send(protocol::makeError(hello.id, ErrorCode::BadRequest,
                                 QStringLiteral("\"accepts\" must be a list of strings")));
        ++m_malformedInARow;
        return;
    }
    HelloOutcome outcome = m_commands.hello(hello);
    if (!outcome.user) {
        send(outcome.answer);
        if (outcome.answer.error && outcome.answer.error->code == ErrorCode::Unauthenticated)
            closeWith(QWebSocketProtocol::CloseCodePolicyViolated,
                      QStringLiteral("unauthenticated"));
        else if (outcome.answer.error && outcome.answer.error->code == ErrorCode::BadRequest)
            ++m_malformedInARow;
        return;
    }
    m_helloTimer.stop();
    m_malformedInARow = 0;
    m_state.user = *outcome.user;
    m_signedIn = true;
    m_batches = batches;
    m_lastSeq = outcome.since;
    m_prevSent = outcome.since;
    send(outcome.answer);
    m_replaying = outcome.replay;
    replayMore();
}

qint64 ClientSession::unsentBytes() const
{
    return m_wire ? m_wire->bytesToWrite() : m_socket->bytesToWrite();
}

void ClientSession::replayMore()
{
    // Everything after `since`, in order, a page at a time as the desktop reads it, so the
    // hub holds at most a page or two for it however far behind it starts.
    while (m_replaying && !m_closing) {
        if (unsentBytes() >= kReplayLowWaterBytes)
            return; // bytesWritten calls again
        EventFrames page(m_store.eventsAfter(m_lastSeq, 1000));
        if (page.events().isEmpty())
            m_replaying = false;
        else
            sendEvents(page);
    }
    if (m_closing || m_live)
        return;
    Envelope live;
    live.type = protocol::type::live;
    live.data = QJsonObject{{QLatin1String("seq"), m_lastSeq}};
    send(live);
    m_live = true;
    Q_EMIT signedIn(this);
}

void ClientSession::sendEphemeral(const Envelope &frame)
{
    if (m_live && !m_closing)
        send(frame);
}

void ClientSession::sendEvents(EventFrames &events)
{
    QList<qsizetype> picked;
    for (qsizetype i = 0; i < events.events().size(); ++i) {
        const StoredEvent &event = events.events().at(i);
        if (event.seq <= m_lastSeq)
            continue;
        if (HubCommands::visibleTo(m_state, event))
            picked.append(i);
        m_lastSeq = event.seq;
    }
    if (picked.isEmpty())
        return;
    const QList<QByteArray> frames = events.frames(picked, m_prevSent, m_batches);
    m_prevSent = events.events().at(picked.constLast()).seq;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_live) {
        qint64 due = unsentBytes();
        for (const QByteArray &frame : frames)
            due += frame.size();
        if (due > kMaxBacklogBytes) {
            // Dropped rather than buffered: nothing is lost, the events are in the log and
            // the desktop's reconnect resumes from the last one it applied.
            TL_LOG("hub", warning) << "connection " << m_state.connection << " is " << due
                                   << " bytes behind; disconnecting it so it resumes by replay";
            dropConnection();
            return;
        }
    }
    for (const QByteArray &frame : frames) {
        if (m_wire) {
            m_wire->write(frame); // shared, not copied, by the socket's buffer
        } else if (const auto payload = websocketTextPayload(frame)) {
            m_socket->sendTextMessage(QString::fromUtf8(*payload));
        }
    }
}

void ClientSession::deliver(EventFrames &events)
{
    if (!m_live || m_closing)
        return;
    sendEvents(events);
}

} // namespace threadline::server
