// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/queue_stats.h"

#include <QList>
#include <QObject>

namespace threadline::models {

/// One moment of the floor as the chart draws it.
struct FloorPoint {
    qint64 at = 0;   ///< ms since the epoch, UTC (the snapshot's time)
    int waiting = 0; ///< customers waiting in every queue
    double sla = -1; ///< overall SLA 0..1; -1 unknown
    friend bool operator==(const FloorPoint &, const FloorPoint &) = default;
};

/// The last hour of the floor, for the supervisor's chart: at most one point a
/// second, taken from the snapshots the hub pushes, oldest first. Older points
/// drop off the front as new ones arrive, so it never holds more than ~3,600.
class FloorHistory : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kSpanMs = 60 * 60 * 1000;
    static constexpr qint64 kMinStepMs = 1000;

    explicit FloorHistory(QObject *parent = nullptr);

    /// Takes a point from @p snapshot unless it is less than a second after the
    /// last point (or older than it), then drops points more than an hour older
    /// than it. Returns whether a point was taken.
    bool add(const FloorSnapshot &snapshot);
    /// The points, oldest first.
    const QList<FloorPoint> &points() const { return m_points; }
    void clear();

    /// Customers waiting on the whole floor: each queue's all-channels row, or
    /// the sum of its channel rows when the hub sent no all-channels row.
    static int totalWaiting(const FloorSnapshot &snapshot);
    /// The plain mean of the queues' known SLAs (all-channels rows, else channel
    /// rows): the hub sends no volumes to weigh them by. -1 when none is known.
    static double overallSla(const FloorSnapshot &snapshot);

Q_SIGNALS:
    /// @p dropped points left the front, then @p point was appended.
    void pointAdded(const threadline::models::FloorPoint &point, int dropped);
    void cleared();

private:
    QList<FloorPoint> m_points;
};

} // namespace threadline::models
