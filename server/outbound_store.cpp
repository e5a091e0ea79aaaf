// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/outbound_store.h"

#include "services/protocol/payloads.h"

#include <QSqlError>
#include <QSqlQuery>

namespace threadline::server {

bool OutboundStore::fail(const QString &why)
{
    m_lastError = why;
    return false;
}

bool OutboundStore::claim(qint64 messageId, const QString &owner, qint64 now, qint64 leaseUntil)
{
    // No error on a second claim (SQLite 3.24+ and PostgreSQL alike): a failed INSERT
    // would abort a PostgreSQL transaction.
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO outbound (message_id, next_at, updated_at, owner,"
                             " lease_until) VALUES (?, ?, ?, ?, ?)"
                             " ON CONFLICT (message_id) DO NOTHING"));
    q.addBindValue(messageId);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(owner);
    q.addBindValue(leaseUntil);
    if (!q.exec())
        return fail(q.lastError().text());
    return q.numRowsAffected() == 1;
}

std::optional<OutboundState> OutboundStore::state(qint64 messageId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT attempts, next_at, handed_over, in_flight_since"
                             " FROM outbound WHERE message_id = ?"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return OutboundState{q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toInt() != 0,
                         q.value(3).toLongLong()};
}

bool OutboundStore::renewAndTakeOver(const QString &owner, qint64 now, qint64 leaseUntil,
                                     int batch)
{
    QSqlQuery renew(m_store.database());
    renew.prepare(QStringLiteral(
        "UPDATE outbound SET lease_until = ? WHERE owner = ? AND handed_over = 0"));
    renew.addBindValue(leaseUntil);
    renew.addBindValue(owner);
    if (!renew.exec())
        return fail(renew.lastError().text());

    // The outer WHERE repeats the lease test: on PostgreSQL a hub that waited for another's
    // row lock re-checks it against the row the other hub just wrote, and leaves it.
    QSqlQuery take(m_store.database());
    take.prepare(QStringLiteral(
        "UPDATE outbound SET owner = ?, lease_until = ? WHERE handed_over = 0 AND owner <> ?"
        " AND lease_until < ? AND message_id IN (SELECT o.message_id FROM outbound o"
        " JOIN messages m ON m.id = o.message_id WHERE o.handed_over = 0 AND o.owner <> ?"
        " AND o.lease_until < ? AND m.status = 'queued' ORDER BY o.message_id LIMIT %1)")
                     .arg(batch));
    take.addBindValue(owner);
    take.addBindValue(leaseUntil);
    take.addBindValue(owner);
    take.addBindValue(now);
    take.addBindValue(owner);
    take.addBindValue(now);
    return take.exec() || fail(take.lastError().text());
}

bool OutboundStore::claimOrphans(const QString &owner, qint64 now, qint64 leaseUntil)
{
    // Replies stored while every hub was down (or between a hub's commit and its death)
    // have no row yet: the first hub to insert one holds them.
    QSqlQuery orphans(m_store.database());
    orphans.prepare(QStringLiteral(
        "INSERT INTO outbound (message_id, next_at, updated_at, owner, lease_until)"
        " SELECT m.id, ?, ?, ?, ? FROM messages m WHERE m.direction = ? AND m.status = 'queued'"
        " AND m.channel IN (?, ?) AND NOT EXISTS (SELECT 1 FROM outbound o"
        " WHERE o.message_id = m.id) ORDER BY m.id"
        " ON CONFLICT (message_id) DO NOTHING"));
    orphans.addBindValue(now);
    orphans.addBindValue(now);
    orphans.addBindValue(owner);
    orphans.addBindValue(leaseUntil);
    orphans.addBindValue(protocol::direction::out);
    orphans.addBindValue(protocol::channel::sms);
    orphans.addBindValue(protocol::channel::email);
    return orphans.exec() || fail(orphans.lastError().text());
}

QList<HeldReply> OutboundStore::held(const QString &owner)
{
    QList<HeldReply> out;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT o.message_id, o.attempts, o.next_at, o.in_flight_since FROM outbound o"
        " JOIN messages m ON m.id = o.message_id WHERE o.owner = ? AND o.handed_over = 0"
        " AND m.status = 'queued' ORDER BY o.message_id"));
    q.addBindValue(owner);
    if (!q.exec()) {
        fail(q.lastError().text());
        return out;
    }
    while (q.next())
        out.append(HeldReply{q.value(0).toLongLong(),
                             OutboundState{q.value(1).toInt(), q.value(2).toLongLong(), false,
                                           q.value(3).toLongLong()}});
    return out;
}

bool OutboundStore::markAttempt(qint64 messageId, const QString &owner, qint64 now,
                                qint64 leaseUntil, bool startsSend)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE outbound SET attempts = attempts + 1, updated_at = ?,"
                             " lease_until = ?%1 WHERE message_id = ? AND owner = ?"
                             " AND handed_over = 0")
                  .arg(startsSend ? QStringLiteral(", in_flight_since = ?") : QString()));
    q.addBindValue(now);
    q.addBindValue(leaseUntil);
    if (startsSend)
        q.addBindValue(now);
    q.addBindValue(messageId);
    q.addBindValue(owner);
    if (!q.exec())
        return fail(q.lastError().text());
    return q.numRowsAffected() == 1 ||
           fail(QStringLiteral("message %1 is no longer this hub's to send").arg(messageId));
}

bool OutboundStore::scheduleRetry(qint64 messageId, qint64 at, const QString &error,
                                  bool stillUnknown)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE outbound SET next_at = ?, last_error = ?, updated_at = ?%1"
                             " WHERE message_id = ?")
                  .arg(stillUnknown ? QString() : QStringLiteral(", in_flight_since = 0")));
    q.addBindValue(at);
    q.addBindValue(error);
    q.addBindValue(at);
    q.addBindValue(messageId);
    return q.exec() || fail(q.lastError().text());
}

bool OutboundStore::markHandedOver(qint64 messageId, qint64 now)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "UPDATE outbound SET handed_over = 1, in_flight_since = 0, updated_at = ?"
        " WHERE message_id = ?"));
    q.addBindValue(now);
    q.addBindValue(messageId);
    return q.exec() || fail(q.lastError().text());
}

std::optional<EmailParent> OutboundStore::emailParent(qint64 customerId, qint64 beforeMessageId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT h.header_message_id, h.refs, h.in_reply_to FROM email_headers h"
        " JOIN messages m ON m.id = h.message_id"
        " WHERE m.customer_id = ? AND m.id < ? AND h.header_message_id <> ''"
        " ORDER BY m.id DESC LIMIT 1"));
    q.addBindValue(customerId);
    q.addBindValue(beforeMessageId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    EmailParent parent;
    parent.messageId = q.value(0).toString();
    parent.references = q.value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // A parent with In-Reply-To but no References still names its own parent.
    const QString inReplyTo = q.value(2).toString();
    if (parent.references.isEmpty() && !inReplyTo.isEmpty())
        parent.references.append(inReplyTo);
    return parent;
}

std::optional<QByteArray> OutboundStore::composedEmail(qint64 messageId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT raw FROM email_headers WHERE message_id = ?"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toByteArray();
}

} // namespace threadline::server
