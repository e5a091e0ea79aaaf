// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/conversation_store.h"

#include <QObject>
#include <QTimer>

namespace threadline::server {

/// Reopens snoozed conversations when their time comes: status open, a "reopened"
/// system item (meta.reason "snooze_due") and customer.upserted, in one transaction.
class SnoozeWaker : public QObject {
    Q_OBJECT
public:
    static constexpr int kCheckEveryMs = 500;

    explicit SnoozeWaker(HubStore &store, QObject *parent = nullptr);
    void start();
    /// Reopens every conversation due at `now`; returns how many.
    int wakeDue(qint64 now);

private:
    HubStore &m_store;
    ConversationStore m_conversations;
    QTimer m_timer;
};

} // namespace threadline::server
