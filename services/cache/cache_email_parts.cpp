// SPDX-License-Identifier: GPL-3.0-or-later
// CacheStore and what an email brought besides its text: attachment bytes and the
// hub-sanitised HTML, kept in the encrypted cache so "Save…" and "Show original
// formatting" work offline. Nowhere else on this computer holds them in plaintext.
#include "services/cache/cache_store.h"

namespace threadline::cache {

using Step = Statement::Step;

std::optional<CacheError> CacheStore::keepEmailPart(qint64 messageId, int part,
                                                    const QByteArray &bytes)
{
    auto s = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO email_parts (message_id, part, bytes) VALUES (?1, ?2, ?3)"));
    s.bind(1, messageId).bind(2, qint64(part)).bindBlob(3, bytes);
    return failed(s.exec());
}

std::optional<QByteArray> CacheStore::emailPart(qint64 messageId, int part)
{
    auto s = m_db.prepare(
        QStringLiteral("SELECT bytes FROM email_parts WHERE message_id = ?1 AND part = ?2"));
    s.bind(1, messageId).bind(2, qint64(part));
    std::optional<QByteArray> bytes;
    if (s.step() == Step::Row)
        bytes = s.columnBlob(0);
    noteReadError(s.error());
    return bytes;
}

QList<int> CacheStore::keptEmailParts(qint64 messageId)
{
    auto s = m_db.prepare(
        QStringLiteral("SELECT part FROM email_parts WHERE message_id = ?1 ORDER BY part"));
    s.bind(1, messageId);
    QList<int> parts;
    while (s.step() == Step::Row)
        parts.append(int(s.columnInt64(0)));
    noteReadError(s.error());
    return parts;
}

qint64 CacheStore::keptEmailPartsBytes()
{
    auto s = m_db.prepare(QStringLiteral("SELECT coalesce(sum(length(bytes)), 0) FROM email_parts"));
    const qint64 total = s.step() == Step::Row ? s.columnInt64(0) : 0;
    noteReadError(s.error());
    return total;
}

std::optional<CacheError> CacheStore::forgetOrphanEmailParts()
{
    // Not a trigger on messages: replaceRecentHistory deletes and re-inserts a thread's
    // items, and their attachments must outlive that. What retention forgot goes here.
    auto s = m_db.prepare(QStringLiteral(
        "DELETE FROM email_parts WHERE message_id NOT IN"
        " (SELECT hub_id FROM messages WHERE hub_id IS NOT NULL)"));
    return s.exec();
}

} // namespace threadline::cache
