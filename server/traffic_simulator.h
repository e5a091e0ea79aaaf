// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/payloads.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <random>

namespace threadline::server {

class HubStore;

/// Keeps the demo alive: inbound SMS, chat and email from random existing customers,
/// at `rate` messages per second on average (a Poisson process), each stored with its events.
/// Arrivals that fall due within one write interval are stored in one transaction, so a high
/// rate (the fan-out benchmark asks for 1,000 a second) is not capped by one commit each.
class TrafficSimulator : public QObject {
    Q_OBJECT
public:
    /// At most this often a transaction; slower rates still store each arrival on time.
    static constexpr int kWriteIntervalMs = 5;
    /// A write stores at most this many, so the hub keeps serving its desktops in between.
    static constexpr int kMaxArrivalsPerWrite = 50;
    /// Arrivals further behind than this are skipped (and logged): a hub that cannot keep up
    /// shows as a lower rate reached, not as an ever longer catch-up.
    static constexpr int kMaxBacklogMs = 1000;

    TrafficSimulator(HubStore &store, double rate, quint32 seed = 7, QObject *parent = nullptr);
    void start();

private:
    void storeDueArrivals();
    /// An inbound message from a random sender, on a random channel they have.
    protocol::MessagePayload compose();
    double gapMs();

    HubStore &m_store;
    double m_rate;
    std::mt19937 m_engine;
    /// Who writes in, read once at start: a name and, per channel, the identity to use.
    struct Sender {
        qint64 id = 0;
        QString name;
        QHash<QString, QString> identities; ///< channel → identity
    };
    QList<Sender> m_senders;
    qint64 m_skipped = 0;      ///< arrivals skipped since the last warning
    QElapsedTimer m_lastSkipWarning;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_nextArrivalMs = 0; ///< on m_clock
};

} // namespace threadline::server
