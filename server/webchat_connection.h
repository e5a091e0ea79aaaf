// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/webchat_store.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QWebSocket>
#include <functional>
#include <memory>
#include <optional>

namespace threadline::server {

class MessageAllowance;

/// One open chat page: its socket, whether the visitor has started or resumed, and the
/// answers to what the page sends. Stored changes reach other pages through the hub's
/// events (WebChat), not from here.
class VisitorConnection : public QObject {
    Q_OBJECT
public:
    /// A page that answers no ping for this long is gone (a phone that lost its network
    /// sends no close); its socket is dropped.
    static constexpr int kPingIntervalMs = 30 * 1000;

    /// What the connection asks of the web chat: an allowance for the visitor's messages
    /// and one for new chats from the same address.
    struct Limits {
        std::function<MessageAllowance &(const QString &chatId)> messages;
        std::function<bool()> mayStart;
    };

    VisitorConnection(std::unique_ptr<QWebSocket> socket, WebChatStore &store, Limits limits,
                      QObject *parent = nullptr);
    ~VisitorConnection() override;

    /// The visitor once started or resumed.
    const std::optional<ChatVisitor> &visitor() const { return m_visitor; }
    void send(const QJsonObject &frame);

Q_SIGNALS:
    void finished(threadline::server::VisitorConnection *connection);

private:
    void onText(const QString &text);
    QJsonObject answer(const QString &text);

    std::unique_ptr<QWebSocket> m_socket;
    WebChatStore &m_store;
    Limits m_limits;
    std::optional<ChatVisitor> m_visitor;
    QTimer m_heartbeat;
    bool m_awaitingPong = false;
};

} // namespace threadline::server
