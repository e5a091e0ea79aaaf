// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/attachment_store.h"

#include <QSqlQuery>

namespace threadline::server {

QList<AttachmentRecord> AttachmentStore::ofMessage(qint64 messageId)
{
    QList<AttachmentRecord> out;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id, message_id, name, content_type, size FROM attachments"
                             " WHERE message_id = ? ORDER BY id"));
    q.addBindValue(messageId);
    if (q.exec())
        while (q.next())
            out.append(AttachmentRecord{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                        q.value(2).toString(), q.value(3).toString(),
                                        q.value(4).toLongLong()});
    return out;
}

std::optional<QByteArray> AttachmentStore::slice(qint64 attachmentId, qint64 offset,
                                                 qint64 length)
{
    QSqlQuery q(m_store.database());
    // substr counts from 1, on bytes for SQLite BLOBs and PostgreSQL bytea alike.
    q.prepare(QStringLiteral("SELECT substr(data, ?, ?) FROM attachments WHERE id = ?"));
    q.addBindValue(offset + 1);
    q.addBindValue(length);
    q.addBindValue(attachmentId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toByteArray();
}

std::optional<QByteArray> AttachmentStore::rawEmail(qint64 messageId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT raw FROM email_headers WHERE message_id = ?"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toByteArray();
}

} // namespace threadline::server
