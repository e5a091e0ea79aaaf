// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/read_marker_store.h"

#include <QSqlQuery>

namespace threadline::server {
namespace {

// The unread rule, shared by the per-customer and the per-user count: what the customer
// wrote to us after the user's marker or, for a user with no marker yet, after the last
// reply anyone sent (a colleague answered it: a newcomer is not shown years of history as
// unread). `answeredWhere` narrows the replies looked at (one customer). Takes the user's
// name as its first bound value.
QString unreadFrom(const QString &answeredWhere = {})
{
    return QStringLiteral(" FROM messages m"
                          " LEFT JOIN read_markers r ON r.customer_id = m.customer_id"
                          " AND r.user_id = (SELECT id FROM users WHERE name = ?)"
                          " LEFT JOIN (SELECT customer_id, MAX(id) AS up_to_id FROM messages"
                          " WHERE direction = 'out'") +
           answeredWhere +
           QStringLiteral(" GROUP BY customer_id) answered ON answered.customer_id = m.customer_id"
                          " WHERE m.direction = 'in' AND m.channel IN ('chat', 'sms', 'email')"
                          " AND m.id > COALESCE(r.up_to_id, answered.up_to_id, 0)");
}

qint64 firstNumber(QSqlQuery &q)
{
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

qint64 ReadMarkerStore::marker(const QString &user, qint64 customerId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT up_to_id FROM read_markers WHERE customer_id = ? AND"
                             " user_id = (SELECT id FROM users WHERE name = ?)"));
    q.addBindValue(customerId);
    q.addBindValue(user);
    return firstNumber(q);
}

qint64 ReadMarkerStore::newestItemUpTo(qint64 customerId, qint64 upToId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT MAX(id) FROM messages WHERE customer_id = ? AND id <= ?"));
    q.addBindValue(customerId);
    q.addBindValue(upToId);
    return firstNumber(q);
}

bool ReadMarkerStore::moveForward(const QString &user, qint64 customerId, qint64 upToId,
                                  qint64 now)
{
    // The WHERE keeps a marker from moving back when two desktops race.
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO read_markers (user_id, customer_id, up_to_id, read_at)"
        " SELECT id, ?, ?, ? FROM users WHERE name = ?"
        " ON CONFLICT (user_id, customer_id) DO UPDATE SET up_to_id = excluded.up_to_id,"
        " read_at = excluded.read_at WHERE read_markers.up_to_id < excluded.up_to_id"));
    q.addBindValue(customerId);
    q.addBindValue(upToId);
    q.addBindValue(now);
    q.addBindValue(user);
    return q.exec();
}

qint64 ReadMarkerStore::unread(const QString &user, qint64 customerId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT COUNT(*)") + unreadFrom(QStringLiteral(" AND customer_id = ?")) +
              QStringLiteral(" AND m.customer_id = ?"));
    q.addBindValue(user);
    q.addBindValue(customerId);
    q.addBindValue(customerId);
    return firstNumber(q);
}

QList<UnreadCount> ReadMarkerStore::unreadCounts(const QString &user)
{
    QList<UnreadCount> out;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT m.customer_id, COUNT(*)") + unreadFrom() +
              QStringLiteral(" AND m.customer_id IN (SELECT id FROM customers"
                             " WHERE status <> 'merged')"
                             " GROUP BY m.customer_id ORDER BY m.customer_id DESC LIMIT %1")
                  .arg(kMaxListed));
    q.addBindValue(user);
    if (q.exec())
        while (q.next())
            out.append(UnreadCount{q.value(0).toLongLong(), q.value(1).toLongLong()});
    return out;
}

} // namespace threadline::server
