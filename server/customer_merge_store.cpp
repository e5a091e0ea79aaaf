// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/customer_merge_store.h"

#include "services/logging/log.h"
#include "services/protocol/payloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace threadline::server {
namespace {

using protocol::CustomerPayload;

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

// Ids go into the SQL text as numbers (never user text), in slices well below
// SQLite's limit on the length of an IN list.
constexpr qsizetype kSlice = 500;

QString idList(const QList<qint64> &ids, qsizetype from, qsizetype count)
{
    QStringList parts;
    for (qsizetype i = from; i < from + count && i < ids.size(); ++i)
        parts.append(QString::number(ids.at(i)));
    return parts.join(QLatin1Char(','));
}

QJsonArray toArray(const QList<qint64> &ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

QList<qint64> fromArray(const QJsonValue &v)
{
    QList<qint64> out;
    for (const QJsonValue &id : v.toArray())
        out.append(id.toInteger());
    return out;
}

QString labelsText(const QStringList &labels)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(labels)).toJson(QJsonDocument::Compact));
}

QStringList labelsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &l : v.toArray())
        out.append(l.toString());
    return out;
}

// The state of a conversation the merge changes, to be put back by undo.
QJsonObject stateOf(const CustomerPayload &c)
{
    return {{k("status"), c.status},           {k("assignee"), c.assignee},
            {k("queue"), c.queue},             {k("labels"), QJsonArray::fromStringList(c.labels)},
            {k("waiting_since"), c.waitingSince}, {k("snooze_until"), c.snoozeUntil}};
}

const char *const kMovedTables[] = {"identities", "messages", "orders", "waits", "resolutions"};

} // namespace

QJsonObject MergeRecord::toJson(const QString &intoName, const QString &fromName) const
{
    QJsonObject o{{k("id"), id},
                  {k("into"), intoId},
                  {k("into_name"), intoName},
                  {k("from"), fromId},
                  {k("from_name"), fromName},
                  {k("note"), note},
                  {k("by"), mergedBy},
                  {k("at"), mergedAt},
                  {k("identities"), moved.value(k("identity_values"))},
                  {k("messages"), moved.value(k("messages")).toArray().size()},
                  {k("orders"), moved.value(k("orders")).toArray().size()}};
    if (undoneAt > 0) {
        o.insert(k("undone_by"), undoneBy);
        o.insert(k("undone_at"), undoneAt);
    }
    return o;
}

bool CustomerMergeStore::fail(const QString &why)
{
    m_lastError = why;
    TL_LOG("hub", error) << "merge storage: " << why;
    return false;
}

bool CustomerMergeStore::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_store.database());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec() || fail(q.lastError().text());
}

std::optional<QList<qint64>> CustomerMergeStore::ids(const QString &table, qint64 customerId)
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM %1 WHERE customer_id = ? ORDER BY id").arg(table));
    q.addBindValue(customerId);
    if (!q.exec()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

bool CustomerMergeStore::moveRows(const QString &table, const QList<qint64> &rows, qint64 from,
                                  qint64 to)
{
    for (qsizetype i = 0; i < rows.size(); i += kSlice)
        if (!exec(QStringLiteral("UPDATE %1 SET customer_id = ? WHERE customer_id = ? AND id IN (%2)")
                      .arg(table, idList(rows, i, kSlice)),
                  {to, from}))
            return false;
    return true;
}

bool CustomerMergeStore::recountSummary(qint64 customerId)
{
    if (!exec(QStringLiteral("UPDATE customers SET item_count ="
                             " (SELECT COUNT(*) FROM messages WHERE customer_id = ?) WHERE id = ?"),
              {customerId, customerId}))
        return false;
    // The inbox shows what was said last; system items never count as that.
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT at, channel, direction, body, subject FROM messages"
                             " WHERE customer_id = ? AND channel <> 'system'"
                             " ORDER BY at DESC, id DESC LIMIT 1"));
    q.addBindValue(customerId);
    if (!q.exec())
        return fail(q.lastError().text());
    protocol::MessagePayload last;
    if (q.next()) {
        last.at = q.value(0).toLongLong();
        last.channel = q.value(1).toString();
        last.direction = q.value(2).toString();
        last.body = q.value(3).toString();
        last.subject = q.value(4).toString();
    }
    q.finish();
    // A null QString binds as NULL: the columns are NOT NULL.
    return exec(QStringLiteral("UPDATE customers SET last_at = ?, last_channel = COALESCE(?, ''),"
                               " last_direction = COALESCE(?, ''), last_preview = COALESCE(?, '')"
                               " WHERE id = ?"),
                {last.at, last.channel, last.direction, previewOf(last), customerId});
}

QJsonArray CustomerMergeStore::standing()
{
    QJsonArray out;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT m.from_id, m.into_id FROM merges m"
                              " JOIN customers c ON c.id = m.from_id"
                              " WHERE m.undone_at = 0 AND c.status = 'merged' ORDER BY m.id")))
        while (q.next())
            out.append(QJsonObject{{QStringLiteral("from"), q.value(0).toLongLong()},
                                   {QStringLiteral("into"), q.value(1).toLongLong()}});
    return out;
}

std::optional<MergeRecord> CustomerMergeStore::record(qint64 mergeId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id, into_id, from_id, note, merged_by, merged_at, moved,"
                             " undone_by, undone_at FROM merges WHERE id = ?"));
    q.addBindValue(mergeId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    MergeRecord r;
    r.id = q.value(0).toLongLong();
    r.intoId = q.value(1).toLongLong();
    r.fromId = q.value(2).toLongLong();
    r.note = q.value(3).toString();
    r.mergedBy = q.value(4).toString();
    r.mergedAt = q.value(5).toLongLong();
    r.moved = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    r.undoneBy = q.value(7).toString();
    r.undoneAt = q.value(8).toLongLong();
    return r;
}

std::optional<MergeRecord> CustomerMergeStore::merge(const CustomerPayload &into,
                                                     const CustomerPayload &from,
                                                     const QString &by, const QString &note,
                                                     qint64 now)
{
    MergeRecord r;
    r.intoId = into.id;
    r.fromId = from.id;
    r.note = note;
    r.mergedBy = by;
    r.mergedAt = now;

    // Later arrivals are told apart from what moved by the last message id of now.
    qint64 watermark = 0;
    {
        QSqlQuery q(m_store.database());
        if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM messages")) || !q.next()) {
            fail(q.lastError().text());
            return std::nullopt;
        }
        watermark = q.value(0).toLongLong();
    }
    r.moved.insert(k("last_message_id"), watermark);
    for (const char *table : kMovedTables) {
        const auto rows = ids(QLatin1String(table), from.id);
        if (!rows || !moveRows(QLatin1String(table), *rows, from.id, into.id))
            return std::nullopt;
        r.moved.insert(QLatin1String(table), toArray(*rows));
    }
    QJsonArray values;
    for (const auto &identity : from.identities)
        values.append(identity.toJson());
    r.moved.insert(k("identity_values"), values);

    // The survivor gains the absorbed customer's labels (at most 20) and its wait.
    QStringList labels = into.labels;
    QStringList added;
    for (const QString &l : from.labels)
        if (!labels.contains(l) && labels.size() < 20) {
            labels.append(l);
            added.append(l);
        }
    qint64 waitingSince = into.waitingSince;
    if (from.waitingSince > 0 && (waitingSince == 0 || from.waitingSince < waitingSince))
        waitingSince = from.waitingSince;
    r.moved.insert(k("labels_added"), QJsonArray::fromStringList(added));
    r.moved.insert(k("into_before"), stateOf(into));
    r.moved.insert(k("into_waiting_after"), waitingSince);
    r.moved.insert(k("from_before"), stateOf(from));
    if (!exec(QStringLiteral("UPDATE customers SET labels = ?, waiting_since = ? WHERE id = ?"),
              {labelsText(labels), waitingSince, into.id}))
        return std::nullopt;
    // Out of every inbox, queue and count until the merge is undone.
    if (!exec(QStringLiteral("UPDATE customers SET status = 'merged', assignee = '',"
                             " waiting_since = 0, snooze_until = 0 WHERE id = ?"),
              {from.id}))
        return std::nullopt;
    if (!recountSummary(into.id) || !recountSummary(from.id))
        return std::nullopt;

    QSqlQuery insert(m_store.database());
    insert.prepare(QStringLiteral("INSERT INTO merges (into_id, from_id, note, merged_by,"
                                  " merged_at, moved) VALUES (?, ?, COALESCE(?, ''), ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(into.id), QVariant(from.id), QVariant(note), QVariant(by), QVariant(now),
          QVariant(QString::fromUtf8(QJsonDocument(r.moved).toJson(QJsonDocument::Compact)))})
        insert.addBindValue(v);
    if (!insert.exec()) {
        fail(insert.lastError().text());
        return std::nullopt;
    }
    r.id = insert.lastInsertId().toLongLong();
    return r;
}

bool CustomerMergeStore::unmerge(const MergeRecord &m, const QString &by, qint64 now)
{
    const QJsonObject &moved = m.moved;
    for (const char *table : kMovedTables)
        if (!moveRows(QLatin1String(table), fromArray(moved.value(QLatin1String(table))), m.intoId,
                      m.fromId))
            return false;

    // Items that arrived after the merge through an identity that came from `from`
    // (a reply to that number, a new mail from that address) go back with it.
    QStringList values;
    for (const QJsonValue &v : moved.value(k("identity_values")).toArray())
        values.append(v.toObject().value(k("value")).toString());
    values.removeAll(QString());
    if (!values.isEmpty()) {
        QStringList marks;
        QVariantList bound{m.fromId, m.intoId, moved.value(k("last_message_id")).toInteger()};
        for (const QString &v : std::as_const(values)) {
            marks.append(QStringLiteral("?"));
            bound.append(v);
        }
        if (!exec(QStringLiteral("UPDATE messages SET customer_id = ? WHERE customer_id = ?"
                                 " AND id > ? AND identity IN (%1)")
                      .arg(marks.join(QLatin1Char(','))),
                  bound))
            return false;
    }

    // The absorbed customer's conversation comes back as it was.
    const QJsonObject before = moved.value(k("from_before")).toObject();
    if (!exec(QStringLiteral("UPDATE customers SET status = ?, assignee = COALESCE(?, ''),"
                             " queue = COALESCE(?, 'general'), labels = ?,"
                             " waiting_since = ?, snooze_until = ? WHERE id = ?"),
              {before.value(k("status")).toString(), before.value(k("assignee")).toString(),
               before.value(k("queue")).toString(),
               labelsText(labelsOf(before.value(k("labels")))),
               before.value(k("waiting_since")).toInteger(),
               before.value(k("snooze_until")).toInteger(), m.fromId}))
        return false;

    // The survivor loses the labels and the wait the merge gave it, unless changed since.
    const auto into = m_store.customer(m.intoId);
    if (!into)
        return fail(QStringLiteral("no customer %1").arg(m.intoId));
    QStringList labels = into->labels;
    for (const QString &l : labelsOf(moved.value(k("labels_added"))))
        labels.removeAll(l);
    qint64 waitingSince = into->waitingSince;
    if (waitingSince == moved.value(k("into_waiting_after")).toInteger())
        waitingSince =
            moved.value(k("into_before")).toObject().value(k("waiting_since")).toInteger();
    if (!exec(QStringLiteral("UPDATE customers SET labels = ?, waiting_since = ? WHERE id = ?"),
              {labelsText(labels), waitingSince, m.intoId}))
        return false;
    if (!recountSummary(m.intoId) || !recountSummary(m.fromId))
        return false;
    return exec(QStringLiteral("UPDATE merges SET undone_by = ?, undone_at = ? WHERE id = ?"),
                {by, now, m.id});
}

} // namespace threadline::server
