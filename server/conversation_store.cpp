// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/conversation_store.h"

#include "services/logging/log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace threadline::server {
namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

QueueRecord readQueue(const QSqlQuery &q)
{
    return QueueRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
                       q.value(3).toInt(),    q.value(4).toInt(),    q.value(5).toInt()};
}

const QString kQueueColumns =
    QStringLiteral("name, title, position, sla_target_s, amber_s, red_s");

} // namespace

QJsonObject QueueRecord::toJson() const
{
    return {{k("name"), name},
            {k("title"), title},
            {k("sla_target_s"), slaTargetS},
            {k("amber_s"), amberS},
            {k("red_s"), redS}};
}

bool ConversationStore::fail(const QString &why)
{
    TL_LOG("hub", error) << "conversation storage: " << why;
    m_lastError = why;
    return false;
}

QList<QueueRecord> ConversationStore::queues()
{
    QList<QueueRecord> out;
    QSqlQuery q(m_store.database());
    if (q.exec(QStringLiteral("SELECT ") + kQueueColumns +
               QStringLiteral(" FROM queues ORDER BY position, name")))
        while (q.next())
            out.append(readQueue(q));
    return out;
}

std::optional<QueueRecord> ConversationStore::queue(const QString &name)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kQueueColumns +
              QStringLiteral(" FROM queues WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readQueue(q);
}

bool ConversationStore::saveQueue(const QueueRecord &r)
{
    QSqlQuery q(m_store.database());
    // ON CONFLICT ... DO UPDATE: one statement for SQLite (3.24+) and PostgreSQL.
    q.prepare(QStringLiteral("INSERT INTO queues (name, title, position, sla_target_s,"
                             " amber_s, red_s) VALUES (?, ?, ?, ?, ?, ?)"
                             " ON CONFLICT (name) DO UPDATE SET title = excluded.title,"
                             " position = excluded.position, sla_target_s = excluded.sla_target_s,"
                             " amber_s = excluded.amber_s, red_s = excluded.red_s"));
    for (const QVariant &v : {QVariant(r.name), QVariant(r.title), QVariant(r.position),
                              QVariant(r.slaTargetS), QVariant(r.amberS), QVariant(r.redS)})
        q.addBindValue(v);
    return q.exec() || fail(q.lastError().text());
}

bool ConversationStore::isAssignable(const QString &user)
{
    const auto record = m_store.user(user);
    return record && (record->role == QLatin1String("agent") ||
                      record->role == QLatin1String("supervisor"));
}

bool ConversationStore::apply(qint64 customerId, const ConversationChange &change,
                              const QString &by, qint64 now)
{
    QSqlDatabase db = m_store.database();
    QSqlQuery read(db);
    read.prepare(QStringLiteral("SELECT status, assignee, queue, labels, waiting_since,"
                                " snooze_until, opened_at, last_channel FROM customers WHERE id = ?"));
    read.addBindValue(customerId);
    if (!read.exec() || !read.next())
        return fail(QStringLiteral("no customer %1").arg(customerId));
    QString status = read.value(0).toString();
    QString assignee = read.value(1).toString();
    QString queue = read.value(2).toString();
    QString labels = read.value(3).toString();
    qint64 waitingSince = read.value(4).toLongLong();
    qint64 snoozeUntil = read.value(5).toLongLong();
    qint64 openedAt = read.value(6).toLongLong();
    const QString lastChannel = read.value(7).toString();
    read.finish();

    if (change.assignee)
        assignee = *change.assignee;
    if (change.queue && *change.queue != queue) {
        queue = *change.queue;
        // The wait moves with the customer, so the monitor counts it in its new queue.
        QSqlQuery move(db);
        move.prepare(
            QStringLiteral("UPDATE waits SET queue = ? WHERE customer_id = ? AND ended_at = 0"));
        move.addBindValue(queue);
        move.addBindValue(customerId);
        if (!move.exec())
            return fail(move.lastError().text());
    }
    if (change.labels)
        labels = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(*change.labels))
                                       .toJson(QJsonDocument::Compact));
    if (change.status && *change.status != status) {
        const QString previous = status;
        status = *change.status;
        if (status == protocol::conversation::resolved) {
            if (openedAt > 0) {
                QSqlQuery resolution(db);
                resolution.prepare(QStringLiteral(
                    "INSERT INTO resolutions (customer_id, queue, channel, opened_at, resolved_at,"
                    " agent) VALUES (?, ?, COALESCE(?, ''), ?, ?, COALESCE(?, ''))"));
                for (const QVariant &v : {QVariant(customerId), QVariant(queue),
                                          QVariant(lastChannel), QVariant(openedAt), QVariant(now),
                                          QVariant(assignee.isEmpty() ? by : assignee)})
                    resolution.addBindValue(v);
                if (!resolution.exec())
                    return fail(resolution.lastError().text());
            }
            if (waitingSince > 0 && !m_store.endWait(customerId, now, false))
                return fail(m_store.lastError());
            waitingSince = 0;
            snoozeUntil = 0;
            openedAt = 0;
        } else if (status == protocol::conversation::open) {
            snoozeUntil = 0;
            if (previous == protocol::conversation::resolved || openedAt == 0)
                openedAt = now;
        }
    }
    if (status == protocol::conversation::snoozed && change.snoozeUntil)
        snoozeUntil = *change.snoozeUntil;
    if (status != protocol::conversation::snoozed)
        snoozeUntil = 0;

    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE customers SET status = ?, assignee = COALESCE(?, ''), queue = ?, labels = ?,"
        " waiting_since = ?,"
        " snooze_until = ?, opened_at = ? WHERE id = ?"));
    for (const QVariant &v :
         {QVariant(status), QVariant(assignee), QVariant(queue), QVariant(labels),
          QVariant(waitingSince), QVariant(snoozeUntil), QVariant(openedAt), QVariant(customerId)})
        update.addBindValue(v);
    return update.exec() || fail(update.lastError().text());
}

std::optional<HubStore::Appended> ConversationStore::addSystemItem(qint64 customerId,
                                                                   const QString &author,
                                                                   const QString &event,
                                                                   const QString &body,
                                                                   QJsonObject meta)
{
    protocol::MessagePayload m;
    m.customerId = customerId;
    m.channel = protocol::channel::system;
    m.direction = protocol::direction::internal;
    m.author = author;
    m.body = body;
    m.status = QStringLiteral("sent");
    meta.insert(k("event"), event);
    m.meta = meta;
    auto appended = m_store.writeMessage(m);
    if (!appended)
        fail(m_store.lastError());
    return appended;
}

QList<qint64> ConversationStore::dueSnoozes(qint64 now)
{
    QList<qint64> out;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id FROM customers WHERE status = 'snoozed'"
                             " AND snooze_until <= ? ORDER BY snooze_until, id"));
    q.addBindValue(now);
    if (q.exec())
        while (q.next())
            out.append(q.value(0).toLongLong());
    return out;
}

} // namespace threadline::server
