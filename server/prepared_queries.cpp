// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prepared_queries.h"

#include <QSqlDatabase>

namespace threadline::server {

PreparedQuery::PreparedQuery(std::shared_ptr<detail::CachedQuery> lent) : m_lent(std::move(lent))
{
    m_lent->inUse = true;
}

PreparedQuery::~PreparedQuery()
{
    if (!m_lent)
        return;
    // A SELECT left open would hold its read snapshot (on SQLite, it also holds back
    // checkpoints). Every use binds all its values again, by position.
    m_lent->query.finish();
    m_lent->inUse = false;
}

PreparedQuery PreparedQueries::prepare(const QString &sql)
{
    const auto it = m_cached.constFind(sql);
    if (it != m_cached.cend() && !(*it)->inUse)
        return PreparedQuery(*it);
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true); // read once, in order; and before prepare() or it is ignored
    const bool prepared = query.prepare(sql);
    auto cached = std::make_shared<detail::CachedQuery>(std::move(query));
    if (prepared && it == m_cached.cend()) // else failed (exec says why), or a nested use
        m_cached.insert(sql, cached);
    return PreparedQuery(std::move(cached));
}

} // namespace threadline::server
