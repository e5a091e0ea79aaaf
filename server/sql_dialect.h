// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

/// The few places where the hub's SQL differs between SQLite and PostgreSQL. Everything
/// else is one statement for both (SQLite 3.40 knows ON CONFLICT ... DO UPDATE, COALESCE
/// and BIGINT like PostgreSQL does), so the stores keep a single set of statements.
namespace threadline::server::sql_dialect {

/// Whether the connection is Qt's QPSQL driver.
bool isPostgres(const QSqlDatabase &db);

/// "`haystack` contains the bound text": instr() on SQLite, strpos() on PostgreSQL
/// (neither treats % or _ specially, unlike LIKE). Takes one `?`.
QString contains(const QSqlDatabase &db, const QString &haystack);

/// The advisory lock key every hub takes before it appends to the event log, so the
/// log's seq numbers commit in order across hubs sharing one PostgreSQL database.
inline constexpr qint64 kEventLogLock = 0x7468726c6e65; // "thrlne"
/// The advisory lock key held while one hub migrates the schema.
inline constexpr qint64 kMigrationLock = 0x7468726c6d67; // "thrlmg"
/// The channel hubs NOTIFY after committing events and LISTEN on.
inline constexpr char kEventsChannel[] = "threadline_events";

} // namespace threadline::server::sql_dialect
