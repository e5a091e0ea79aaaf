// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace threadline::models {

/// Every data role of InboxModel. Proxies number theirs after LastRole.
enum InboxRole {
    CustomerIdRole = Qt::UserRole + 1,
    CustomerNameRole,
    PreviewRole,
    LastAtRole,
    LastChannelRole,
    LastDirectionRole,
    StatusRole,
    AssigneeRole,
    UnreadRole,
    IdentitiesRole, ///< QStringList of "kind:value"
    ItemCountRole,
    QueueRole,        ///< QString: the queue the conversation waits in
    LabelsRole,       ///< QStringList
    WaitingSinceRole, ///< qint64 ms since the epoch; 0: not waiting for an answer
    SnoozeUntilRole,  ///< qint64 ms since the epoch; 0: not snoozed
    AmberWaitRole,    ///< int s: a wait turns amber here, by the customer's queue (fallback 15 min)
    RedWaitRole,      ///< int s: ... and red here (fallback 60 min)
    InboxLastRole,
};

} // namespace threadline::models
