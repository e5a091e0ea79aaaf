// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace threadline::testing {

/// A loopback TCP proxy between a desktop session and the hub that misbehaves
/// like a bad network: it delays bytes (in order), stops passing them on (a
/// blackhole: the connection stays open and silent, as when packets are lost
/// until TCP gives up) and resets connections, on command or
/// on a seeded random schedule so a failing run can be replayed.
class FaultProxy : public QObject {
    Q_OBJECT
public:
    explicit FaultProxy(quint16 upstreamPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    /// The hub's WebSocket address, through the proxy.
    QUrl url() const;

    /// Every byte waits this long before it is passed on (0: at once).
    void setDelay(int ms) { m_delayMs = ms; }
    /// While on, nothing is passed on in either direction and connections hang;
    /// what was held goes on afterwards if the connection is still there.
    void setBlackhole(bool on) { m_blackhole = on; }
    /// Resets every open connection (TCP RST on the desktop's side).
    void resetAll();

    /// Random faults from `seed`, one every `meanIntervalMs` on average: a
    /// reset, a second of delay up to 400 ms, or a blackhole of up to 3 s.
    void startChaos(quint32 seed, int meanIntervalMs);
    /// Stops the schedule and clears any delay or blackhole in force.
    void stopChaos();

    int resets() const { return m_resets; }
    int blackholes() const { return m_blackholes; }
    int delays() const { return m_delays; }
    int connections() const { return m_connections; }

private:
    struct Chunk {
        qint64 releaseAt;
        QByteArray bytes;
    };
    struct Pipe {
        QPointer<QTcpSocket> desktop;
        QPointer<QTcpSocket> hub;
        QList<Chunk> toHub;     ///< waiting for the hub to connect, or for their delay
        QList<Chunk> toDesktop;
    };

    void onNewConnection();
    void carry(Pipe *pipe, QTcpSocket *from);
    void release();
    void close(Pipe *pipe, bool reset);
    void nextChaos();

    quint16 m_upstreamPort;
    QTcpServer m_server;
    QList<Pipe *> m_pipes;
    QTimer m_release;
    QTimer m_chaos;
    QTimer m_calm; ///< ends a delay burst or a blackhole
    std::unique_ptr<QRandomGenerator> m_random;
    int m_meanIntervalMs = 0;
    int m_delayMs = 0;
    bool m_blackhole = false;
    int m_resets = 0;
    int m_blackholes = 0;
    int m_delays = 0;
    int m_connections = 0;
};

} // namespace threadline::testing
