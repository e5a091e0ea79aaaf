// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fault_proxy.h"

#include <QDateTime>
#include <sys/socket.h>

namespace threadline::testing {

namespace {
/// SO_LINGER 0: close() sends RST instead of FIN, as a middlebox reset does.
void resetOnClose(QTcpSocket *socket)
{
    if (!socket || socket->socketDescriptor() < 0)
        return;
    linger l{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
}
} // namespace

FaultProxy::FaultProxy(quint16 upstreamPort, QObject *parent)
    : QObject(parent), m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
    m_release.setInterval(5);
    connect(&m_release, &QTimer::timeout, this, &FaultProxy::release);
    m_release.start();
    m_chaos.setSingleShot(true);
    connect(&m_chaos, &QTimer::timeout, this, &FaultProxy::nextChaos);
    m_calm.setSingleShot(true);
    connect(&m_calm, &QTimer::timeout, this, [this] {
        m_delayMs = 0;
        m_blackhole = false;
    });
}

FaultProxy::~FaultProxy()
{
    // close() deletes the pipe; abort() would otherwise re-enter it.
    const QList<Pipe *> pipes = std::exchange(m_pipes, {});
    for (Pipe *p : pipes) {
        for (QTcpSocket *s : {p->desktop.data(), p->hub.data()})
            if (s) {
                s->disconnect(this);
                s->abort();
            }
        delete p;
    }
}

bool FaultProxy::listen() { return m_server.listen(QHostAddress::LocalHost, 0); }

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port()));
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *desktop = m_server.nextPendingConnection()) {
        ++m_connections;
        auto *pipe = new Pipe;
        pipe->desktop = desktop;
        pipe->hub = new QTcpSocket(this);
        desktop->setParent(this);
        m_pipes.append(pipe);
        connect(desktop, &QTcpSocket::readyRead, this, [this, pipe] { carry(pipe, pipe->desktop); });
        connect(pipe->hub, &QTcpSocket::readyRead, this, [this, pipe] { carry(pipe, pipe->hub); });
        connect(desktop, &QTcpSocket::disconnected, this, [this, pipe] { close(pipe, false); });
        connect(pipe->hub, &QTcpSocket::disconnected, this, [this, pipe] { close(pipe, false); });
        connect(pipe->hub, &QTcpSocket::errorOccurred, this, [this, pipe] { close(pipe, false); });
        pipe->hub->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

void FaultProxy::carry(Pipe *pipe, QTcpSocket *from)
{
    const QByteArray bytes = from->readAll();
    if (bytes.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Chunk> &queue = from == pipe->desktop ? pipe->toHub : pipe->toDesktop;
    // Never earlier than what is already queued: delays never reorder bytes.
    const qint64 at = std::max(now + m_delayMs, queue.isEmpty() ? 0 : queue.last().releaseAt);
    queue.append({at, bytes});
    release();
}

void FaultProxy::release()
{
    if (m_blackhole)
        return; // nothing gets through, and neither side is told
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (Pipe *pipe : std::as_const(m_pipes)) {
        const auto flush = [now](QList<Chunk> &queue, QTcpSocket *to) {
            if (!to || to->state() != QAbstractSocket::ConnectedState)
                return;
            while (!queue.isEmpty() && queue.first().releaseAt <= now)
                to->write(queue.takeFirst().bytes);
        };
        flush(pipe->toHub, pipe->hub);
        flush(pipe->toDesktop, pipe->desktop);
    }
}

void FaultProxy::close(Pipe *pipe, bool reset)
{
    if (!m_pipes.removeOne(pipe))
        return;
    if (reset)
        resetOnClose(pipe->desktop);
    for (QTcpSocket *s : {pipe->desktop.data(), pipe->hub.data()}) {
        if (!s)
            continue;
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
    delete pipe;
}

void FaultProxy::resetAll()
{
    ++m_resets;
    const QList<Pipe *> pipes = m_pipes;
    for (Pipe *p : pipes)
        close(p, true);
}

void FaultProxy::startChaos(quint32 seed, int meanIntervalMs)
{
    m_random = std::make_unique<QRandomGenerator>(seed);
    m_meanIntervalMs = meanIntervalMs;
    m_chaos.start(int(m_random->bounded(meanIntervalMs / 2, meanIntervalMs * 3 / 2)));
}

void FaultProxy::stopChaos()
{
    m_chaos.stop();
    m_calm.stop();
    m_delayMs = 0;
    m_blackhole = false;
}

void FaultProxy::nextChaos()
{
    const int roll = int(m_random->bounded(100));
    if (roll < 40) {
        resetAll();
    } else if (roll < 70) {
        ++m_delays;
        m_blackhole = false;
        m_delayMs = int(m_random->bounded(50, 400));
        m_calm.start(1000);
    } else {
        ++m_blackholes;
        m_delayMs = 0;
        m_blackhole = true;
        m_calm.start(int(m_random->bounded(1000, 3000)));
    }
    m_chaos.start(int(m_random->bounded(m_meanIntervalMs / 2, m_meanIntervalMs * 3 / 2)));
}

} // namespace threadline::testing
