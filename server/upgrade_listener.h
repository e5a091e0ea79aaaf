// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpServer>
#include <QWebSocketServer>

class QTcpSocket;

namespace threadline::server {

/// The hub's listening socket, in front of QHttpServer. It reads each connection's
/// request head and hands WebSocket upgrades of /ws to a QWebSocketServer that
/// negotiates `threadline.v1` (QHttpServer 6.4 cannot answer with a subprotocol);
/// everything else goes on to QHttpServer untouched.
class UpgradeListener : public QTcpServer {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;

    UpgradeListener(const QString &path, const QStringList &subprotocols,
                    QObject *parent = nullptr);
    QWebSocketServer &webSockets() { return m_webSockets; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    void inspect(QTcpSocket *socket);

    QByteArray m_path;
    QWebSocketServer m_webSockets;
};

} // namespace threadline::server
