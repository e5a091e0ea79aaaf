// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/snooze_waker.h"

#include "services/logging/log.h"

#include <QDateTime>

namespace threadline::server {

SnoozeWaker::SnoozeWaker(HubStore &store, QObject *parent)
    : QObject(parent), m_store(store), m_conversations(store)
{
    connect(&m_timer, &QTimer::timeout, this,
            [this] { wakeDue(QDateTime::currentMSecsSinceEpoch()); });
}

void SnoozeWaker::start()
{
    m_timer.start(kCheckEveryMs);
}

int SnoozeWaker::wakeDue(qint64 now)
{
    int woken = 0;
    for (const qint64 customerId : m_conversations.dueSnoozes(now)) {
        if (m_store.inWork() || !m_store.beginWork())
            return woken;
        // Another hub on the same PostgreSQL may have woken it since the list was read;
        // inside the unit of work (after the event-log lock) the answer is current.
        if (!m_conversations.dueSnoozes(now).contains(customerId)) {
            m_store.rollbackWork();
            continue;
        }
        ConversationChange change;
        change.status = protocol::conversation::open;
        const bool ok =
            m_conversations.apply(customerId, change, QStringLiteral("hub"), now) &&
            m_conversations.addSystemItem(customerId, QStringLiteral("hub"),
                                          QStringLiteral("reopened"),
                                          QStringLiteral("Snooze ended; the conversation is open again"),
                                          QJsonObject{{QStringLiteral("reason"),
                                                       QStringLiteral("snooze_due")}});
        if (!ok || !m_store.commitWork()) {
            m_store.rollbackWork();
            TL_LOG("hub", error) << "could not reopen a snoozed conversation: "
                                 << m_conversations.lastError();
            return woken;
        }
        ++woken;
    }
    return woken;
}

} // namespace threadline::server
