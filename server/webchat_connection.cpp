// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/webchat_connection.h"

#include "server/webchat_allowance.h"
#include "server/webchat_frames.h"
#include "services/logging/log.h"

#include <QDateTime>
#include <QJsonDocument>

namespace threadline::server {

namespace wc = webchat;

VisitorConnection::VisitorConnection(std::unique_ptr<QWebSocket> socket, WebChatStore &store,
                                     Limits limits, QObject *parent)
    : QObject(parent), m_socket(std::move(socket)), m_store(store), m_limits(std::move(limits))
{
    m_socket->setMaxAllowedIncomingMessageSize(quint64(wc::kMaxFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(wc::kMaxFrameBytes));
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &VisitorConnection::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this] {
        send(wc::error(wc::code::badFrame, QStringLiteral("frames are JSON text")));
    });
    connect(m_socket.get(), &QWebSocket::disconnected, this,
            [this] { Q_EMIT finished(this); });
    connect(m_socket.get(), &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_awaitingPong) {
            m_socket->abort();
            return;
        }
        m_awaitingPong = true;
        m_socket->ping();
    });
    m_heartbeat.start(kPingIntervalMs);
}

VisitorConnection::~VisitorConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void VisitorConnection::send(const QJsonObject &frame)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void VisitorConnection::onText(const QString &text)
{
    const QJsonObject reply = answer(text);
    if (!reply.isEmpty())
        send(reply);
}

QJsonObject VisitorConnection::answer(const QString &text)
{
    const wc::VisitorFrame frame = wc::parse(text);
    if (const auto *refused = std::get_if<wc::Refusal>(&frame))
        return wc::error(refused->code, refused->message, refused->clientId);

    if (const auto *start = std::get_if<wc::Start>(&frame)) {
        if (m_visitor)
            return wc::error(wc::code::alreadyStarted, QStringLiteral("this chat has started"));
        if (!m_limits.mayStart())
            return wc::error(wc::code::rateLimited,
                             QStringLiteral("too many new chats; try again in a minute"));
        const auto result = m_store.start(start->name, start->phone, start->email);
        if (const auto *no = std::get_if<WebChatStore::Refused>(&result)) {
            if (no->code == wc::code::internal)
                TL_LOG("hub", error) << "web chat: start failed: " << m_store.lastError();
            return wc::error(no->code, no->message);
        }
        const auto &started = std::get<WebChatStore::Started>(result);
        m_visitor = started.visitor;
        return wc::started(started.token, m_visitor->name, {});
    }

    if (const auto *resume = std::get_if<wc::Resume>(&frame)) {
        if (m_visitor)
            return wc::error(wc::code::alreadyStarted, QStringLiteral("this chat has started"));
        m_visitor = m_store.visitor(resume->token);
        if (!m_visitor)
            return wc::error(wc::code::unknownVisitor,
                             QStringLiteral("this chat is unknown; start a new one"));
        return wc::started(resume->token, m_visitor->name, m_store.history(*m_visitor));
    }

    if (!m_visitor) {
        const auto *write = std::get_if<wc::Write>(&frame);
        return wc::error(wc::code::notStarted, QStringLiteral("start or resume the chat first"),
                         write ? write->clientId : QString());
    }

    if (const auto *write = std::get_if<wc::Write>(&frame)) {
        if (!m_limits.messages(m_visitor->chatId).spend(QDateTime::currentMSecsSinceEpoch()))
            return wc::error(wc::code::rateLimited,
                             QStringLiteral("too many messages; wait a moment"), write->clientId);
        const auto stored = m_store.write(*m_visitor, write->clientId, write->body);
        if (!stored) {
            TL_LOG("hub", error) << "web chat: could not store a message: "
                                 << m_store.lastError();
            return wc::error(wc::code::internal, QStringLiteral("the message was not stored"),
                             write->clientId);
        }
        return wc::ack(write->clientId, *stored);
    }

    const auto &received = std::get<wc::Received>(frame);
    if (!m_store.markDelivered(*m_visitor, received.messageIds))
        TL_LOG("hub", error) << "web chat: could not mark replies delivered: "
                             << m_store.lastError();
    return {};
}

} // namespace threadline::server
