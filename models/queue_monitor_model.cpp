// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/queue_monitor_model.h"

#include "models/queue_monitor_roles.h"

#include <algorithm>

namespace threadline::models {

int QueueMonitorModel::waitSeverity(const QueueStats &s)
{
    if (s.redWaitS > 0 && s.longestWaitMs >= qint64(s.redWaitS) * 1000)
        return 2;
    if (s.amberWaitS > 0 && s.longestWaitMs >= qint64(s.amberWaitS) * 1000)
        return 1;
    return 0;
}

int QueueMonitorModel::slaSeverity(const QueueStats &s)
{
    if (s.sla < 0)
        return 0;
    if (s.sla < kSlaRedBelow)
        return 2;
    return s.sla < kSlaAmberBelow ? 1 : 0;
}

int QueueMonitorModel::severity(const QueueStats &s)
{
    return std::max(waitSeverity(s), slaSeverity(s));
}

QString QueueMonitorModel::formatDuration(qint64 ms, const QLocale &locale)
{
    const qint64 total = std::max<qint64>(ms, 0) / 1000;
    const QChar zero = locale.zeroDigit().at(0);
    const auto twoDigits = [&](qint64 n) { return locale.toString(n).rightJustified(2, zero); };
    const qint64 hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
    if (hours > 0)
        return locale.toString(hours) + QLatin1Char(':') + twoDigits(minutes) + QLatin1Char(':') +
               twoDigits(seconds);
    return locale.toString(minutes) + QLatin1Char(':') + twoDigits(seconds);
}

QueueMonitorModel::QueueMonitorModel(QObject *parent) : FloorTableModel(parent) {}

int QueueMonitorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueMonitorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueStats &s = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case QueueNameRole:
        return s.queue;
    case QueueChannelRole:
        return s.channel;
    case QueueSeverityRole:
        switch (column) {
        case QueueColumn:
            return severity(s);
        case LongestWaitColumn:
            return waitSeverity(s);
        case SlaColumn:
            return slaSeverity(s);
        default:
            return 0;
        }
    case Qt::TextAlignmentRole:
        if (column >= WaitingColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignTrailing | Qt::AlignVCenter));
        return {};
    case QueueSortRole:
        switch (column) {
        case QueueColumn:
            // A queue's channels sort right under its all-channels row.
            return QString(s.queue + QChar(0x1f) + s.channel);
        case ChannelColumn:
            return s.channel;
        case WaitingColumn:
            return s.waiting;
        case LongestWaitColumn:
            return s.longestWaitMs;
        case AverageWaitColumn:
            return s.averageWaitMs;
        case AverageHandleColumn:
            return s.averageHandleMs;
        case SlaColumn:
            return s.sla;
        }
        return {};
    case Qt::DisplayRole: {
        const QLocale locale;
        switch (column) {
        case QueueColumn:
            return s.queue;
        case ChannelColumn:
            return s.channel;
        case WaitingColumn:
            return locale.toString(s.waiting);
        case LongestWaitColumn:
            return formatDuration(s.longestWaitMs, locale);
        case AverageWaitColumn:
            return formatDuration(s.averageWaitMs, locale);
        case AverageHandleColumn:
            return formatDuration(s.averageHandleMs, locale);
        case SlaColumn:
            if (s.sla < 0)
                return QStringLiteral("—");
            return QString(locale.toString(qRound(s.sla * 100)) + locale.percent());
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant QueueMonitorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {"Queue",        "Channel",     "Waiting", "Longest wait",
                                         "Average wait", "Handle time", "SLA"};
    return QString::fromLatin1(titles[section]);
}

QHash<int, QByteArray> QueueMonitorModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert({{QueueSortRole, "sortValue"},
                  {QueueSeverityRole, "severity"},
                  {QueueNameRole, "queue"},
                  {QueueChannelRole, "channel"}});
    return names;
}

void QueueMonitorModel::apply(const FloorSnapshot &snapshot)
{
    applyRows(snapshot.queues);
}

int QueueMonitorModel::rowOf(const QString &queue, const QString &channel) const
{
    QueueStats key;
    key.queue = queue;
    key.channel = channel;
    const auto less = [this](const QueueStats &a, const QueueStats &b) { return keyLess(a, b); };
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key, less);
    if (it == m_rows.cend() || keyLess(key, *it))
        return -1;
    return static_cast<int>(it - m_rows.cbegin());
}

bool QueueMonitorModel::keyLess(const QueueStats &a, const QueueStats &b) const
{
    // The all-channels row (empty channel) sorts first within its queue.
    return a.queue != b.queue ? a.queue < b.queue : a.channel < b.channel;
}

bool QueueMonitorModel::cellDiffers(const QueueStats &before, const QueueStats &after,
                                    int column) const
{
    switch (column) {
    case QueueColumn:
        return severity(before) != severity(after);
    case WaitingColumn:
        return before.waiting != after.waiting;
    case LongestWaitColumn:
        // The thresholds are in its tooltip and decide its colour.
        return before.longestWaitMs != after.longestWaitMs ||
               before.amberWaitS != after.amberWaitS || before.redWaitS != after.redWaitS;
    case AverageWaitColumn:
        return before.averageWaitMs != after.averageWaitMs;
    case AverageHandleColumn:
        return before.averageHandleMs != after.averageHandleMs;
    case SlaColumn:
        return before.sla != after.sla || before.slaTargetS != after.slaTargetS;
    default:
        return false; // the key columns never change within a row
    }
}

} // namespace threadline::models
