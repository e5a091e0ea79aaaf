// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace threadline::models {

/// Every data role of QueueMonitorModel. Proxies number theirs after QueueMonitorLastRole.
enum QueueMonitorRole {
    /// The raw value a column sorts by: the queue and channel (so a queue's
    /// channels sort under its all-channels row), counts, milliseconds, the SLA
    /// share (-1 unknown).
    QueueSortRole = Qt::UserRole + 1,
    /// 0 normal, 1 amber, 2 red: the longest-wait cell by the row's own
    /// thresholds, the SLA cell by QueueMonitorModel::kSlaAmberBelow and
    /// kSlaRedBelow, the queue cell the worse of the two; other cells 0.
    QueueSeverityRole,
    QueueNameRole,    ///< QString, any column
    QueueChannelRole, ///< QString, any column; empty: all channels of the queue
    QueueMonitorLastRole,
};

} // namespace threadline::models
