// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/floor_history.h"

#include <QHash>
#include <QSet>

namespace threadline::models {

FloorHistory::FloorHistory(QObject *parent) : QObject(parent) {}

bool FloorHistory::add(const FloorSnapshot &snapshot)
{
    if (!m_points.isEmpty() && snapshot.at - m_points.constLast().at < kMinStepMs)
        return false;
    const FloorPoint point{snapshot.at, totalWaiting(snapshot), overallSla(snapshot)};
    int dropped = 0;
    while (dropped < m_points.size() && m_points.at(dropped).at < point.at - kSpanMs)
        ++dropped;
    m_points.remove(0, dropped);
    m_points.append(point);
    Q_EMIT pointAdded(point, dropped);
    return true;
}

void FloorHistory::clear()
{
    m_points.clear();
    Q_EMIT cleared();
}

namespace {
/// The rows that stand for each queue: its all-channels row, else its channel rows.
QList<const QueueStats *> queueRows(const FloorSnapshot &snapshot)
{
    QSet<QString> withTotal;
    for (const QueueStats &q : snapshot.queues)
        if (q.channel.isEmpty())
            withTotal.insert(q.queue);
    QList<const QueueStats *> rows;
    for (const QueueStats &q : snapshot.queues)
        if (q.channel.isEmpty() || !withTotal.contains(q.queue))
            rows.append(&q);
    return rows;
}
} // namespace

int FloorHistory::totalWaiting(const FloorSnapshot &snapshot)
{
    int total = 0;
    for (const QueueStats *q : queueRows(snapshot))
        total += q->waiting;
    return total;
}

double FloorHistory::overallSla(const FloorSnapshot &snapshot)
{
    double sum = 0;
    int known = 0;
    for (const QueueStats *q : queueRows(snapshot)) {
        if (q->sla < 0)
            continue;
        sum += q->sla;
        ++known;
    }
    return known ? sum / known : -1;
}

} // namespace threadline::models
