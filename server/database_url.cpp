// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/database_url.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace threadline::server {
namespace {

const QString kShape = QStringLiteral("postgresql://USER:PASSWORD@HOST:PORT/DATABASE");

QString bad(const QString &why)
{
    return QStringLiteral("--db: %1 (expected a file path or %2, with ?host=/socket/folder for a "
                          "Unix socket)")
        .arg(why, kShape);
}

} // namespace

QString DatabaseLocation::display() const
{
    if (kind == Kind::SqliteFile)
        return path;
    QString out = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        out += user + QLatin1Char('@');
    if (!host.startsWith(QLatin1Char('/')))
        out += host;
    out += QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + name;
    if (host.startsWith(QLatin1Char('/')))
        out += QStringLiteral("?host=") + host;
    return out;
}

bool looksLikeDatabaseUrl(const QString &text)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    return scheme.match(text).hasMatch();
}

std::variant<DatabaseLocation, QString> parseDatabaseLocation(const QString &text)
{
    DatabaseLocation where;
    if (!looksLikeDatabaseUrl(text)) {
        if (text.isEmpty())
            return bad(QStringLiteral("the database is empty"));
        where.path = text;
        return where;
    }
    // Only the scheme is echoed: whatever follows may hold a password.
    const QString scheme = text.section(QStringLiteral("://"), 0, 0).toLower();
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        return bad(QStringLiteral("%1:// is not a database the hub can use; it keeps its data "
                                  "in SQLite or PostgreSQL")
                       .arg(scheme));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return bad(QStringLiteral("the PostgreSQL URL is malformed"));
    where.kind = DatabaseLocation::Kind::Postgres;
    where.user = url.userName(QUrl::FullyDecoded);
    where.password = url.password(QUrl::FullyDecoded);
    where.host = url.host(QUrl::FullyDecoded);
    if (url.port() == 0)
        return bad(QStringLiteral("the port in the PostgreSQL URL must be 1 to 65535"));
    where.port = url.port(5432);
    where.name = url.path(QUrl::FullyDecoded);
    if (where.name.startsWith(QLatin1Char('/')))
        where.name.remove(0, 1);
    if (where.name.isEmpty() || where.name.contains(QLatin1Char('/')))
        return bad(QStringLiteral("the PostgreSQL URL names no database (the part after the last /)"));
    if (url.hasFragment())
        return bad(QStringLiteral("a PostgreSQL URL has no #fragment"));

    QStringList options{QStringLiteral("application_name=threadline-hub")};
    bool timeoutGiven = false;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            if (!value.startsWith(QLatin1Char('/')))
                return bad(QStringLiteral("?host= takes the folder of a Unix socket, e.g. "
                                          "?host=/run/postgresql"));
            where.host = value;
        } else if (key == QLatin1String("sslmode")) {
            static const QStringList modes{
                QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
                QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value))
                return bad(QStringLiteral("sslmode must be one of %1").arg(modes.join(u", ")));
            options.append(QStringLiteral("sslmode=") + value);
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 1 || seconds > 3600)
                return bad(QStringLiteral("connect_timeout takes seconds, 1 to 3600"));
            options.append(QStringLiteral("connect_timeout=") + QString::number(seconds));
            timeoutGiven = true;
        } else {
            return bad(QStringLiteral("the PostgreSQL URL has an unknown parameter \"%1\"; the hub "
                                      "understands host, sslmode and connect_timeout")
                           .arg(key.left(40)));
        }
    }
    // A hub that cannot reach its database should say so, not hang.
    if (!timeoutGiven)
        options.append(QStringLiteral("connect_timeout=10"));
    where.connectOptions = options.join(QLatin1Char(';'));
    return where;
}

} // namespace threadline::server
