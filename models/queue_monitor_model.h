// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/floor_table_model.h"
#include "models/queue_stats.h"

#include <QLocale>

namespace threadline::models {

/// The supervisor's live queue table: one row per queue (all channels) and per
/// queue and channel, in queue then channel order, the all-channels row first.
/// Each snapshot is applied in place (see FloorTableModel): dataChanged for the
/// cells that changed, insertions and removals only for queues or channels that
/// appear or vanish.
///
/// DisplayRole holds numbers and durations in the default QLocale's digits
/// (durations as m:ss, h:mm:ss from an hour; the SLA as a rounded percentage);
/// words (column titles, channel names, "all channels") are the view's, since
/// models carry no translations. The queue column shows the queue's code as the
/// hub sent it; the channel column its channel code, empty for all channels.
/// Raw values are in QueueSortRole, severities in QueueSeverityRole
/// (models/queue_monitor_roles.h).
class QueueMonitorModel : public FloorTableModel<QueueStats> {
    Q_OBJECT
public:
    enum Column {
        QueueColumn,
        ChannelColumn,
        WaitingColumn,
        LongestWaitColumn,
        AverageWaitColumn,
        AverageHandleColumn,
        SlaColumn,
        ColumnCount,
    };

    /// SLA thresholds. The hub sends each queue's answer-time target but no goal
    /// share, so the goal is the contact-center convention "80% answered within
    /// the target" (80/20): below the goal the SLA cell is amber, ten points or
    /// more below it red. An unknown SLA (-1) is never flagged.
    static constexpr double kSlaAmberBelow = 0.80;
    static constexpr double kSlaRedBelow = 0.70;

    /// 0, 1 (amber) or 2 (red): the longest wait against the row's amberWaitS and
    /// redWaitS, each inclusive ("from which"); a threshold of 0 is not set.
    static int waitSeverity(const QueueStats &stats);
    /// 0, 1 (amber: sla < kSlaAmberBelow) or 2 (red: sla < kSlaRedBelow).
    static int slaSeverity(const QueueStats &stats);
    /// The worse of the two: how the row as a whole is doing.
    static int severity(const QueueStats &stats);
    /// "4:07", "1:02:03", in @p locale's digits; negative durations count as 0.
    static QString formatDuration(qint64 ms, const QLocale &locale = QLocale());

    explicit QueueMonitorModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Untranslated English titles, for debugging; the view shows its own.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Makes the table show @p snapshot's queues.
    void apply(const FloorSnapshot &snapshot);
    /// The row of a queue (and channel; empty: all channels), or -1.
    int rowOf(const QString &queue, const QString &channel = {}) const;

protected:
    bool keyLess(const QueueStats &a, const QueueStats &b) const override;
    bool cellDiffers(const QueueStats &before, const QueueStats &after, int column) const override;
};

} // namespace threadline::models
