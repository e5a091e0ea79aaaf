// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace threadline::server {

namespace detail {
struct CachedQuery {
    explicit CachedQuery(QSqlQuery q) : query(std::move(q)) {}
    QSqlQuery query;
    bool inUse = false;
};
} // namespace detail

/// A prepared statement lent out by PreparedQueries; finished (its rows and locks let go)
/// and handed back when this goes out of scope. Bind by position with bindValue().
class PreparedQuery {
public:
    explicit PreparedQuery(std::shared_ptr<detail::CachedQuery> lent);
    PreparedQuery(PreparedQuery &&) noexcept = default;
    PreparedQuery &operator=(PreparedQuery &&) = delete;
    ~PreparedQuery();

    QSqlQuery &operator*() { return m_lent->query; }
    QSqlQuery *operator->() { return &m_lent->query; }

private:
    std::shared_ptr<detail::CachedQuery> m_lent;
};

/// The hub's hot statements, prepared once per database connection and reused: parsing
/// the SQL of each of a stored message's eight or so statements again was about a third
/// of the hub's cost of storing it (sqlite3RunParser in a profile of --simulate 1000).
/// A statement whose SQL cannot be prepared is not kept; its exec() fails with the reason.
class PreparedQueries {
public:
    explicit PreparedQueries(QString connection) : m_connection(std::move(connection)) {}

    /// `sql` prepared (forward only) on the connection, ready for bindValue() and exec(). The same
    /// SQL asked for again while lent out gets a statement of its own.
    PreparedQuery prepare(const QString &sql);
    /// Forgets every statement (before the connection closes).
    void clear() { m_cached.clear(); }

private:
    QString m_connection;
    QHash<QString, std::shared_ptr<detail::CachedQuery>> m_cached;
};

} // namespace threadline::server
