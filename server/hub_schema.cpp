// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace threadline::server::hub_schema {
namespace {

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

// The durable event log needs a key that is never reused, even after deletes.
QString eventKey(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral("seq BIGSERIAL PRIMARY KEY")
                          : QStringLiteral("seq INTEGER PRIMARY KEY AUTOINCREMENT");
}

QString rowKey(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral("id BIGSERIAL PRIMARY KEY")
                          : QStringLiteral("id INTEGER PRIMARY KEY");
}

QStringList version1(const QSqlDatabase &db)
{
    const QString id = rowKey(db);
    return {
        QStringLiteral("CREATE TABLE users (") + id +
            QStringLiteral(", name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,"
                           " password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE sessions (token_hash TEXT PRIMARY KEY,"
                       " user_id BIGINT NOT NULL REFERENCES users(id),"
                       " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE customers (") + id +
            QStringLiteral(", name TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open',"
                           " assignee TEXT NOT NULL DEFAULT '', last_at BIGINT NOT NULL DEFAULT 0,"
                           " last_channel TEXT NOT NULL DEFAULT '',"
                           " last_direction TEXT NOT NULL DEFAULT '',"
                           " last_preview TEXT NOT NULL DEFAULT '',"
                           " item_count BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE identities (") + id +
            QStringLiteral(", customer_id BIGINT NOT NULL REFERENCES customers(id),"
                           " kind TEXT NOT NULL, value TEXT NOT NULL, last_inbound_at BIGINT NOT "
                           "NULL DEFAULT 0,"
                           " UNIQUE (kind, value))"),
        QStringLiteral("CREATE INDEX identities_by_customer ON identities (customer_id)"),
        QStringLiteral("CREATE TABLE messages (") + id +
            QStringLiteral(
                ", customer_id BIGINT NOT NULL REFERENCES customers(id),"
                " channel TEXT NOT NULL, direction TEXT NOT NULL,"
                " author TEXT NOT NULL DEFAULT '', identity TEXT NOT NULL DEFAULT '',"
                " subject TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,"
                " quoted TEXT NOT NULL DEFAULT '', client_id TEXT NOT NULL DEFAULT '',"
                " status TEXT NOT NULL, at BIGINT NOT NULL, meta TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX messages_by_customer ON messages (customer_id, id)"),
        QStringLiteral("CREATE TABLE events (") + eventKey(db) +
            QStringLiteral(
                ", type TEXT NOT NULL, payload TEXT NOT NULL, created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE commands (user_name TEXT NOT NULL, client_id TEXT NOT NULL,"
                       " answer TEXT NOT NULL, created_at BIGINT NOT NULL,"
                       " PRIMARY KEY (user_name, client_id))"),
        QStringLiteral("CREATE INDEX commands_by_age ON commands (created_at)"),
    };
}

// Channel ingress: webhook deduplication, email threading and attachments, orders.
QStringList version2(const QSqlDatabase &db)
{
    const QString id = rowKey(db);
    const QString blob = isPostgres(db) ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    return {
        // An id a channel gave a thread item (Twilio MessageSid, an email's Message-ID):
        // a webhook delivered twice is stored once, and status callbacks find their message.
        QStringLiteral(
            "CREATE TABLE external_refs (source TEXT NOT NULL, external_id TEXT NOT NULL,"
            " message_id BIGINT NOT NULL REFERENCES messages(id),"
            " created_at BIGINT NOT NULL, PRIMARY KEY (source, external_id))"),
        QStringLiteral("CREATE INDEX external_refs_by_message ON external_refs (message_id)"),
        QStringLiteral("CREATE TABLE email_headers (message_id BIGINT PRIMARY KEY"
                       " REFERENCES messages(id), header_message_id TEXT NOT NULL DEFAULT '',"
                       " in_reply_to TEXT NOT NULL DEFAULT '', refs TEXT NOT NULL DEFAULT '',"
                       " raw ") +
            blob + QStringLiteral(")"),
        QStringLiteral("CREATE TABLE attachments (") + id +
            QStringLiteral(", message_id BIGINT NOT NULL REFERENCES messages(id),"
                           " name TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL,"
                           " data ") +
            blob + QStringLiteral(")"),
        QStringLiteral("CREATE INDEX attachments_by_message ON attachments (message_id)"),
        QStringLiteral("CREATE TABLE orders (") + id +
            QStringLiteral(
                ", source TEXT NOT NULL, external_id TEXT NOT NULL,"
                " number TEXT NOT NULL, status TEXT NOT NULL,"
                " source_status TEXT NOT NULL DEFAULT '', total TEXT NOT NULL DEFAULT '',"
                " currency TEXT NOT NULL DEFAULT '', items TEXT NOT NULL DEFAULT '[]',"
                " customer_id BIGINT NOT NULL REFERENCES customers(id),"
                " pickup_code TEXT NOT NULL DEFAULT '',"
                " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                " UNIQUE (source, external_id))"),
        QStringLiteral("CREATE INDEX orders_by_customer ON orders (customer_id)"),
    };
}

QString run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return q.lastError().text();
    return {};
}

} // namespace

QString migrate(QSqlDatabase &db)
{
    QString error = run(
        db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    if (!error.isEmpty())
        return error;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")))
        return q.lastError().text();
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    if (version > kCurrentVersion)
        return QStringLiteral("the database has schema version %1, newer than this hub (%2)")
            .arg(version)
            .arg(kCurrentVersion);

    const QList<QStringList> steps = {version1(db), version2(db)};
    for (int v = version + 1; v <= kCurrentVersion; ++v) {
        if (!db.transaction())
            return db.lastError().text();
        for (const QString &sql : steps.at(v - 1)) {
            error = run(db, sql);
            if (!error.isEmpty()) {
                db.rollback();
                return error;
            }
        }
        error = run(db, QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(v));
        if (!error.isEmpty() || !db.commit()) {
            db.rollback();
            return error.isEmpty() ? db.lastError().text() : error;
        }
    }
    return {};
}

} // namespace threadline::server::hub_schema
