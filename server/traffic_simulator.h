// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/payloads.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <optional>
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
    /// A write stores at most this many; a backlog carries over to the next one.
    static constexpr int kMaxArrivalsPerWrite = 500;

    TrafficSimulator(HubStore &store, double rate, quint32 seed = 7, QObject *parent = nullptr);
    void start();

private:
    void storeDueArrivals();
    /// An inbound message from a random customer; nothing when that customer has no identity.
    std::optional<protocol::MessagePayload> compose();
    double gapMs();

    HubStore &m_store;
    double m_rate;
    std::mt19937 m_engine;
    QList<qint64> m_customers;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_nextArrivalMs = 0; ///< on m_clock
};

} // namespace threadline::server
