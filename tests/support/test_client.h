// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/envelope.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <memory>
#include <optional>

namespace threadline::testing {

/// A threadline.v1 client for tests: one QWebSocket, answers matched by command id,
/// and a queue of everything else (durable events, live). Waits with QSignalSpy.
class TestClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 15000;

    explicit TestClient(QObject *parent = nullptr);

    /// Opens the socket offering `subprotocols` (threadline.v1 unless told otherwise).
    bool connectTo(const QUrl &url, const std::optional<QStringList> &subprotocols = std::nullopt);
    /// Sends hello and returns the welcome (or error) envelope; empty type on timeout.
    protocol::Envelope hello(const QString &user, const QString &password, qint64 since = 0);
    protocol::Envelope helloWithToken(const QString &token, qint64 since = 0);
    /// Sends a command and returns its ack or error; empty type on timeout.
    protocol::Envelope command(const QString &type, const QJsonObject &data,
                               const QString &id = newId());
    /// Adds an internal note to a customer's thread; the seq of its message.created (the
    /// customer.upserted stored with it is the next one), or 0 when refused.
    qint64 addNote(qint64 customerId, const QString &body);
    /// Waits for the answer to a command id already sent.
    protocol::Envelope waitForAnswer(const QString &id);
    /// Waits for an error frame without an id (the answer to an unreadable frame).
    protocol::Envelope waitForAnonymousError();

    void sendText(const QString &text);
    void sendBinary(const QByteArray &data);

    /// Frames that are not answers, in arrival order.
    QList<protocol::Envelope> &events() { return m_events; }
    /// Takes the first queued event of `type`, waiting for it when none is queued yet.
    std::optional<protocol::Envelope> waitForEvent(const QString &type, int timeoutMs = kTimeoutMs);
    /// Takes the first queued event of `type` that `match` accepts (others stay queued).
    std::optional<protocol::Envelope>
    waitForEvent(const QString &type, const std::function<bool(const protocol::Envelope &)> &match,
                 int timeoutMs = kTimeoutMs);
    /// Connects, says hello and waits for live; nullptr when any step failed.
    static std::unique_ptr<TestClient> signedIn(const QUrl &url, const QString &user,
                                                const QString &password = QStringLiteral("demo"));
    /// Waits until the hub closes the connection; returns the close code (or -1).
    int waitForClose(int timeoutMs = kTimeoutMs);
    bool isConnected() const;
    QWebSocket &socket() { return m_socket; }

    static QString newId();

Q_SIGNALS:
    void frameArrived();

private:
    void onText(const QString &text);
    std::optional<protocol::Envelope> takeAnswer(const QString &id);

    QWebSocket m_socket;
    QList<protocol::Envelope> m_answers;
    QList<protocol::Envelope> m_events;
};

} // namespace threadline::testing
