// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sql_dialect.h"

namespace threadline::server::sql_dialect {

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

QString contains(const QSqlDatabase &db, const QString &haystack)
{
    return (isPostgres(db) ? QStringLiteral("strpos(%1, ?) > 0")
                           : QStringLiteral("instr(%1, ?) > 0"))
        .arg(haystack);
}

} // namespace threadline::server::sql_dialect
