// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace threadline::server {

/// A queue customers wait in, with its service level: answered within `slaTargetS`
/// seconds; waits turn amber at `amberS` and red at `redS` on the supervisor's monitor.
struct QueueRecord {
    QString name;
    QString title;
    int position = 0;
    int slaTargetS = 300;
    int amberS = 180;
    int redS = 600;
    QJsonObject toJson() const;
};

/// A change to a customer's conversation; unset fields stay as they are.
struct ConversationChange {
    std::optional<QString> assignee; ///< empty string: back to the queue
    std::optional<QString> queue;
    std::optional<QString> status;   ///< open, snoozed, resolved
    std::optional<qint64> snoozeUntil;
    std::optional<QStringList> labels;
};

/// The SQL of working the queue, next to HubStore's: queues, the conversation state kept
/// on the customer, system items in the thread, and snoozes that fall due. Writes run
/// inside the HubStore's unit of work.
class ConversationStore {
public:
    explicit ConversationStore(HubStore &store) : m_store(store) {}

    QList<QueueRecord> queues();
    std::optional<QueueRecord> queue(const QString &name);
    /// Adds or replaces a queue (demo seeding, administration).
    bool saveQueue(const QueueRecord &queue);

    /// Applies `change` and keeps waits and resolutions for the queue monitor. Appends no
    /// event: a system item after it (or HubStore::announceCustomer) announces the result.
    /// `by` is who did it (recorded with a resolution).
    bool apply(qint64 customerId, const ConversationChange &change, const QString &by,
               qint64 now);
    /// A system item in the thread: channel "system", meta.event = `event`.
    std::optional<HubStore::Appended> addSystemItem(qint64 customerId, const QString &author,
                                                    const QString &event, const QString &body,
                                                    QJsonObject meta);
    /// Customers whose snooze ended at or before `now`.
    QList<qint64> dueSnoozes(qint64 now);
    /// Whether a user of this name may be given conversations (an agent or supervisor).
    bool isAssignable(const QString &user);

    QString lastError() const { return m_lastError; }

private:
    bool fail(const QString &why);
    HubStore &m_store;
    QString m_lastError;
};

} // namespace threadline::server
