// SPDX-License-Identifier: GPL-3.0-or-later
// CacheStore and customer merges (customer.merged / customer.unmerged events).
#include "services/cache/cache_store.h"

namespace threadline::cache {

std::optional<CacheError> CacheStore::applyMerge(const CustomerMerge &merge)
{
    const auto run = [this](const char *sql, qint64 a, qint64 b = 0) {
        auto s = m_db.prepare(QString::fromLatin1(sql));
        s.bind(1, a);
        if (b != 0)
            s.bind(2, b);
        return s.exec();
    };
    if (!merge.undone) {
        // The absorbed customer leaves the inbox; what we hold of its thread is the
        // survivor's now (same hub ids), and unsent echoes and a draft follow it there.
        if (auto e = run("UPDATE messages SET customer_id = ?1 WHERE customer_id = ?2",
                         merge.intoId, merge.fromId))
            return e;
        if (auto e = run("UPDATE OR IGNORE drafts SET customer_id = ?1 WHERE customer_id = ?2",
                         merge.intoId, merge.fromId))
            return e;
        if (auto e = dropCustomerRow(merge.fromId))
            return e;
    }
    // Which items are whose changed on the hub: the next page of either thread comes
    // from the hub and replaces what is cached (CacheStore::replaceRecentHistory).
    return run("UPDATE customer_history SET fresh = 0, complete = 0"
               " WHERE customer_id IN (?1, ?2)",
               merge.intoId, merge.fromId);
}

std::optional<CacheError> CacheStore::dropCustomerRow(qint64 customerId)
{
    m_customers.forget(customerId);
    for (const char *sql : {"DELETE FROM drafts WHERE customer_id = ?1",
                            "DELETE FROM customer_history WHERE customer_id = ?1",
                            "DELETE FROM customer_search WHERE docid = ?1",
                            "DELETE FROM customers WHERE id = ?1"}) {
        auto s = m_db.prepare(QString::fromLatin1(sql));
        s.bind(1, customerId);
        if (auto e = s.exec())
            return e;
    }
    return std::nullopt;
}

std::optional<CacheError> CacheStore::forgetCustomers(const QList<qint64> &ids)
{
    Transaction tx(m_db);
    if (auto e = tx.begin())
        return failed(e);
    for (const qint64 id : ids) {
        auto s = m_db.prepare(QStringLiteral("DELETE FROM messages WHERE customer_id = ?1"));
        s.bind(1, id);
        if (auto e = s.exec())
            return failed(e);
        if (auto e = dropCustomerRow(id))
            return failed(e);
    }
    // Their messages' kept attachments and HTML go with them, as under retention.
    if (auto e = forgetOrphanEmailParts())
        return failed(e);
    return failed(tx.commit());
}

} // namespace threadline::cache
