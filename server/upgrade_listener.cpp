// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/upgrade_listener.h"

#include "services/logging/log.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace threadline::server {
namespace {

// "GET /ws HTTP/1.1" with "Upgrade: websocket" among the headers.
bool isUpgradeTo(const QByteArray &head, const QByteArray &path)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QList<QByteArray> requestLine = head.left(lineEnd).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET")
        return false;
    QByteArray target = requestLine.at(1);
    if (const qsizetype q = target.indexOf('?'); q >= 0)
        target.truncate(q);
    if (target != path)
        return false;
    for (const QByteArray &line : head.mid(lineEnd + 2).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "upgrade" &&
            line.mid(colon + 1).trimmed().toLower() == "websocket")
            return true;
    }
    return false;
}

} // namespace

UpgradeListener::UpgradeListener(const QString &path, const QStringList &subprotocols,
                                 QObject *parent)
    : QTcpServer(parent), m_path(path.toUtf8()),
      m_webSockets(QStringLiteral("threadline-hub"), QWebSocketServer::NonSecureMode)
{
    m_webSockets.setSupportedSubprotocols(subprotocols);
}

void UpgradeListener::incomingConnection(qintptr handle)
{
    QSslSocket *tls = m_tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tls ? tls : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // A client that never finishes its request head is dropped.
    QTimer::singleShot(30000, socket, [socket] {
        if (socket->parent() && socket->property("threadline.routed").isNull())
            socket->abort();
    });
    if (tls) {
        // readyRead comes only with decrypted data, so inspect() sees the plain request.
        connect(tls, &QSslSocket::errorOccurred, this, [tls] {
            if (!tls->isEncrypted())
                TL_LOG("hub", info) << "TLS handshake from " << tls->peerAddress().toString()
                                    << " failed: " << tls->errorString();
        });
        tls->setSslConfiguration(*m_tls);
        tls->startServerEncryption();
    }
}

QTcpSocket *UpgradeListener::takeSocketUnder(const QWebSocket &webSocket)
{
    // QWebSocket does not say which socket it runs on; the two ends of the connection do.
    for (qsizetype i = 0; i < m_upgrading.size(); ++i) {
        QTcpSocket *socket = m_upgrading.at(i);
        if (socket && socket->peerPort() == webSocket.peerPort() &&
            socket->peerAddress() == webSocket.peerAddress() &&
            socket->localPort() == webSocket.localPort()) {
            m_upgrading.removeAt(i);
            return socket;
        }
    }
    return nullptr;
}

void UpgradeListener::inspect(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(kMaxHeadBytes);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= kMaxHeadBytes)
            socket->abort();
        return;
    }
    // From here on the socket belongs to whoever handles it; the data stays unread.
    socket->setProperty("threadline.routed", true);
    socket->disconnect(this);
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (isUpgradeTo(head.left(end + 2), m_path)) {
        m_upgrading.removeAll(nullptr); // those whose handshake failed
        m_upgrading.append(socket);
        m_webSockets.handleConnection(socket);
        return;
    }
    addPendingConnection(socket);
    Q_EMIT newConnection();
    // QHttpServer connects to readyRead when it takes the socket; the head already
    // arrived, so tell it again once it has.
    QTimer::singleShot(0, socket, [socket] { Q_EMIT socket->readyRead(); });
}

} // namespace threadline::server
