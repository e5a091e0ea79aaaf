// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace threadline::models {

/// One queue (or one channel of a queue) as a supervisor watches it live.
struct QueueStats {
    QString queue;            ///< e.g. "general", "orders", "vip"
    QString channel;          ///< empty: all channels of the queue
    int waiting = 0;          ///< customers waiting for an answer
    qint64 longestWaitMs = 0;
    qint64 averageWaitMs = 0;
    qint64 averageHandleMs = 0;
    double sla = -1;          ///< share answered within the target in the last hour, 0..1; -1 unknown
    int slaTargetS = 0;       ///< the queue's answer-time target
    int amberWaitS = 0;       ///< longest wait from which the cell turns amber
    int redWaitS = 0;         ///< ... and red
    friend bool operator==(const QueueStats &, const QueueStats &) = default;
};

/// An agent on the floor: presence and how much they carry.
struct AgentState {
    QString name;
    QString presence;         ///< available, busy, away, offline
    int openConversations = 0;
    friend bool operator==(const AgentState &, const AgentState &) = default;
};

/// What the hub pushes to supervisors (ephemeral `queue.stats`), at most ~1/s.
struct FloorSnapshot {
    qint64 at = 0;            ///< ms since the epoch, UTC
    QList<QueueStats> queues; ///< per queue (channel empty) and per queue and channel
    QList<AgentState> agents;
};

} // namespace threadline::models

Q_DECLARE_METATYPE(threadline::models::FloorSnapshot)
