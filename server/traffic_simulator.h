// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QTimer>
#include <random>

namespace threadline::server {

class HubStore;

/// Keeps the demo alive: inbound SMS, chat and email from random existing customers,
/// at `rate` messages per second on average, each stored with its events.
class TrafficSimulator : public QObject {
    Q_OBJECT
public:
    TrafficSimulator(HubStore &store, double rate, quint32 seed = 7, QObject *parent = nullptr);
    void start();

private:
    void arrive();
    void scheduleNext();

    HubStore &m_store;
    double m_rate;
    std::mt19937 m_engine;
    QList<qint64> m_customers;
    QTimer m_timer;
};

} // namespace threadline::server
