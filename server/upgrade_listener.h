// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QWebSocketServer>
#include <optional>

class QTcpSocket;

namespace threadline::server {

/// The hub's listening socket, in front of QHttpServer. It reads each connection's
/// request head and hands WebSocket upgrades of /ws to a QWebSocketServer that
/// negotiates `threadline.v1` (QHttpServer 6.4 cannot answer with a subprotocol);
/// everything else goes on to QHttpServer untouched. With a TLS configuration every
/// connection is a QSslSocket that completes its server handshake first, so both get
/// decrypted sockets (wss:// and https://).
class UpgradeListener : public QTcpServer {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;

    UpgradeListener(const QString &path, const QStringList &subprotocols,
                    QObject *parent = nullptr);
    QWebSocketServer &webSockets() { return m_webSockets; }
    /// Serve TLS on connections accepted from now on (certificate chain and key set).
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool isTls() const { return m_tls.has_value(); }
    /// The TCP (or TLS) socket that `webSocket`, one of webSockets()' connections, runs
    /// on; null when it is not one of ours. Asked once per connection, as it is accepted.
    QTcpSocket *takeSocketUnder(const QWebSocket &webSocket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void inspect(QTcpSocket *socket);

    QByteArray m_path;
    QWebSocketServer m_webSockets;
    QList<QPointer<QTcpSocket>> m_upgrading; ///< handed to m_webSockets, not yet taken
    std::optional<QSslConfiguration> m_tls;
};

} // namespace threadline::server
