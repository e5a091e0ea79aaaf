// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/agent_floor.h"
#include "server/conversation_store.h"
#include "server/hub_store.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace threadline::server {

/// The supervisor's live numbers: per queue and per channel who waits and for how long,
/// how fast they were answered and handled in the last hour, and the agents' presence and
/// load. Recounted after a change, at most once per protocol::kQueueStatsIntervalMs.
class QueueMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kWindowMs = 60 * 60 * 1000;

    QueueMonitor(HubStore &store, AgentFloor &floor, QObject *parent = nullptr);

    /// The numbers as they are at `now` (the data of a queue.stats frame).
    QJsonObject snapshot(qint64 now);
    /// Something changed: a queue.stats frame follows within about a second.
    void markChanged();

Q_SIGNALS:
    void statsReady(const threadline::protocol::Envelope &frame);

private:
    void publish();

    HubStore &m_store;
    ConversationStore m_conversations;
    AgentFloor &m_floor;
    QTimer m_timer;
    qint64 m_lastSent = 0;
};

} // namespace threadline::server
