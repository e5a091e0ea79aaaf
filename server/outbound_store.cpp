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

bool OutboundStore::claim(qint64 messageId, qint64 now)
{
    // No error on a second claim (SQLite 3.24+ and PostgreSQL alike): a failed INSERT
    // would abort a PostgreSQL transaction.
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO outbound (message_id, next_at, updated_at)"
                             " VALUES (?, ?, ?) ON CONFLICT (message_id) DO NOTHING"));
    q.addBindValue(messageId);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return fail(q.lastError().text());
    return q.numRowsAffected() == 1;
}

std::optional<OutboundState> OutboundStore::state(qint64 messageId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT attempts, next_at, handed_over FROM outbound WHERE message_id = ?"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return OutboundState{q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toInt() != 0};
}

QList<qint64> OutboundStore::unfinished()
{
    QList<qint64> ids;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT m.id FROM messages m LEFT JOIN outbound o ON o.message_id = m.id"
        " WHERE m.direction = ? AND m.status = 'queued' AND m.channel IN (?, ?)"
        " AND (o.message_id IS NULL OR o.handed_over = 0) ORDER BY m.id"));
    q.addBindValue(protocol::direction::out);
    q.addBindValue(protocol::channel::sms);
    q.addBindValue(protocol::channel::email);
    if (!q.exec()) {
        fail(q.lastError().text());
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

bool OutboundStore::markAttempt(qint64 messageId, qint64 now)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE outbound SET attempts = attempts + 1, updated_at = ?"
                             " WHERE message_id = ? AND handed_over = 0"));
    q.addBindValue(now);
    q.addBindValue(messageId);
    if (!q.exec())
        return fail(q.lastError().text());
    return q.numRowsAffected() == 1 || fail(QStringLiteral("message %1 is not waiting to be sent")
                                                 .arg(messageId));
}

bool OutboundStore::scheduleRetry(qint64 messageId, qint64 at, const QString &error)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE outbound SET next_at = ?, last_error = ?, updated_at = ?"
                             " WHERE message_id = ?"));
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
        "UPDATE outbound SET handed_over = 1, updated_at = ? WHERE message_id = ?"));
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
