// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_client.h"

#include "services/protocol/frame_types.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QUuid>
#include <QWebSocketHandshakeOptions>

namespace threadline::testing {

using protocol::Envelope;

TestClient::TestClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
}

QString TestClient::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool TestClient::connectTo(const QUrl &url, const std::optional<QStringList> &subprotocols)
{
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(subprotocols.value_or(QStringList{protocol::kSubprotocol}));
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(url, options);
    return connected.wait(kTimeoutMs);
}

bool TestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void TestClient::onText(const QString &text)
{
    // A batch (sent only to a hello that accepts it) queues its events one by one.
    const auto decoded = protocol::decodeFrames(text.toUtf8());
    if (const auto *frames = std::get_if<QList<Envelope>>(&decoded)) {
        for (const Envelope &e : *frames) {
            const bool answer = e.type == protocol::type::ack || e.type == protocol::type::error ||
                                e.type == protocol::type::welcome;
            (answer ? m_answers : m_events).append(e);
        }
    }
    Q_EMIT frameArrived();
}

std::optional<Envelope> TestClient::takeAnswer(const QString &id)
{
    for (qsizetype i = 0; i < m_answers.size(); ++i)
        if (m_answers.at(i).id == id)
            return m_answers.takeAt(i);
    return std::nullopt;
}

Envelope TestClient::waitForAnswer(const QString &id)
{
    QSignalSpy spy(this, &TestClient::frameArrived);
    const QDeadlineTimer deadline(kTimeoutMs);
    for (;;) {
        if (auto answer = takeAnswer(id))
            return *answer;
        if (deadline.hasExpired() || !spy.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            return takeAnswer(id).value_or(Envelope{});
    }
}

Envelope TestClient::waitForAnonymousError()
{
    return waitForAnswer(QString());
}

Envelope TestClient::hello(const QString &user, const QString &password, qint64 since)
{
    const QString id = newId();
    sendText(QString::fromUtf8(protocol::encode(
        protocol::makeCommand(protocol::type::hello, id,
                              QJsonObject{{QStringLiteral("user"), user},
                                          {QStringLiteral("password"), password},
                                          {QStringLiteral("since"), since},
                                          {QStringLiteral("client"), QStringLiteral("tests")}}))));
    return waitForAnswer(id);
}

Envelope TestClient::helloWithToken(const QString &token, qint64 since)
{
    const QString id = newId();
    sendText(QString::fromUtf8(protocol::encode(protocol::makeCommand(
        protocol::type::hello, id,
        QJsonObject{{QStringLiteral("token"), token}, {QStringLiteral("since"), since}}))));
    return waitForAnswer(id);
}

qint64 TestClient::addNote(qint64 customerId, const QString &body)
{
    return command(protocol::type::addNote,
                   {{QStringLiteral("customer_id"), customerId}, {QStringLiteral("body"), body}})
        .seq;
}

Envelope TestClient::command(const QString &type, const QJsonObject &data, const QString &id)
{
    sendText(QString::fromUtf8(protocol::encode(protocol::makeCommand(type, id, data))));
    return waitForAnswer(id);
}

void TestClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void TestClient::sendBinary(const QByteArray &data)
{
    m_socket.sendBinaryMessage(data);
}

std::unique_ptr<TestClient> TestClient::signedIn(const QUrl &url, const QString &user,
                                                 const QString &password)
{
    auto client = std::make_unique<TestClient>();
    if (!client->connectTo(url) || client->hello(user, password).type != protocol::type::welcome)
        return nullptr;
    if (!client->waitForEvent(protocol::type::live))
        return nullptr;
    return client;
}

std::optional<Envelope> TestClient::waitForEvent(const QString &type,
                                                 const std::function<bool(const Envelope &)> &match,
                                                 int timeoutMs)
{
    auto take = [&]() -> std::optional<Envelope> {
        for (qsizetype i = 0; i < m_events.size(); ++i)
            if (m_events.at(i).type == type && match(m_events.at(i)))
                return m_events.takeAt(i);
        return std::nullopt;
    };
    QSignalSpy spy(this, &TestClient::frameArrived);
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (auto e = take())
            return e;
        if (deadline.hasExpired() || !spy.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            return take();
    }
}

std::optional<Envelope> TestClient::waitForEvent(const QString &type, int timeoutMs)
{
    auto take = [&]() -> std::optional<Envelope> {
        for (qsizetype i = 0; i < m_events.size(); ++i)
            if (m_events.at(i).type == type)
                return m_events.takeAt(i);
        return std::nullopt;
    };
    QSignalSpy spy(this, &TestClient::frameArrived);
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (auto e = take())
            return e;
        if (deadline.hasExpired() || !spy.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            return take();
    }
}

int TestClient::waitForClose(int timeoutMs)
{
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        QSignalSpy spy(&m_socket, &QWebSocket::disconnected);
        if (!spy.wait(timeoutMs))
            return -1;
    }
    return int(m_socket.closeCode());
}

} // namespace threadline::testing
