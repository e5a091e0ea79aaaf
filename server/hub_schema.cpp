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

// Working the queue (issues 4 and 6): queues with SLA targets, conversation state on the
// customer, waits and resolutions for the queue monitor, wrap-up codes, canned responses,
// folded text for search, and who marked an order ready or picked up.
QStringList version3(const QSqlDatabase &db)
{
    const QString id = rowKey(db);
    QStringList steps{
        QStringLiteral("CREATE TABLE queues (name TEXT PRIMARY KEY, title TEXT NOT NULL,"
                       " position INTEGER NOT NULL DEFAULT 0, sla_target_s INTEGER NOT NULL,"
                       " amber_s INTEGER NOT NULL, red_s INTEGER NOT NULL)"),
        // Every hub has the general queue; customers start in it.
        QStringLiteral("INSERT INTO queues (name, title, position, sla_target_s, amber_s, red_s)"
                       " VALUES ('general', 'General', 0, 300, 180, 600)"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN queue TEXT NOT NULL DEFAULT 'general'"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN labels TEXT NOT NULL DEFAULT '[]'"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN waiting_since BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN snooze_until BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN opened_at BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX customers_by_status ON customers (status, snooze_until)"),
        // One row per stretch of time a customer waited for an answer.
        QStringLiteral("CREATE TABLE waits (") + id +
            QStringLiteral(", customer_id BIGINT NOT NULL REFERENCES customers(id),"
                           " queue TEXT NOT NULL, channel TEXT NOT NULL,"
                           " started_at BIGINT NOT NULL, ended_at BIGINT NOT NULL DEFAULT 0,"
                           " answered INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX waits_by_customer ON waits (customer_id, ended_at)"),
        QStringLiteral("CREATE INDEX waits_by_end ON waits (ended_at)"),
        QStringLiteral("CREATE TABLE resolutions (") + id +
            QStringLiteral(", customer_id BIGINT NOT NULL REFERENCES customers(id),"
                           " queue TEXT NOT NULL, channel TEXT NOT NULL DEFAULT '',"
                           " opened_at BIGINT NOT NULL, resolved_at BIGINT NOT NULL,"
                           " agent TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX resolutions_by_time ON resolutions (resolved_at)"),
        QStringLiteral("CREATE TABLE dispositions (code TEXT PRIMARY KEY,"
                       " position INTEGER NOT NULL, title_en TEXT NOT NULL,"
                       " title_fa TEXT NOT NULL, title_ar TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE canned_responses (") + id +
            QStringLiteral(", title TEXT NOT NULL, body TEXT NOT NULL,"
                           " language TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',"
                           " updated_at BIGINT NOT NULL)"),
        // NULL: not folded yet (rows from before this version; the hub folds them at start).
        QStringLiteral("ALTER TABLE messages ADD COLUMN folded TEXT"),
        QStringLiteral("ALTER TABLE orders ADD COLUMN ready_at BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE orders ADD COLUMN ready_by TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE orders ADD COLUMN picked_up_at BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE orders ADD COLUMN picked_up_by TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX orders_by_number ON orders (number)"),
    };
    // Wrap-up codes for logged calls (dispositions.list). Titles per interface language.
    struct Code {
        const char *code, *en, *fa, *ar;
    };
    static const Code codes[] = {
        {"resolved", "Resolved on the call", "حل شد", "تم الحل"},
        {"callback_promised", "Callback promised", "قرار تماس مجدد", "وعد بمعاودة الاتصال"},
        {"escalated", "Escalated", "ارجاع به سرپرست", "تم التصعيد"},
        {"order_question", "Order question answered", "پاسخ به سؤال سفارش", "استفسار عن طلب"},
        {"refund_requested", "Refund requested", "درخواست بازپرداخت", "طلب استرداد"},
        {"complaint", "Complaint logged", "ثبت شکایت", "تسجيل شكوى"},
        {"no_answer", "No answer", "پاسخ نداد", "لا يوجد رد"},
        {"voicemail", "Left a voicemail", "پیام صوتی گذاشته شد", "ترك رسالة صوتية"},
        {"wrong_number", "Wrong number", "شماره اشتباه", "رقم خاطئ"},
    };
    int position = 0;
    for (const Code &c : codes)
        steps.append(QStringLiteral("INSERT INTO dispositions (code, position, title_en, title_fa,"
                                    " title_ar) VALUES ('%1', %2, '%3', '%4', '%5')")
                         .arg(QLatin1String(c.code))
                         .arg(position++)
                         .arg(QLatin1String(c.en), QString::fromUtf8(c.fa),
                              QString::fromUtf8(c.ar)));
    return steps;
}

// Merging two customers by an agent (issue 3): what each merge moved, so undo restores
// exactly that. The absorbed customer keeps its row with status 'merged'.
QStringList version4(const QSqlDatabase &db)
{
    const QString id = rowKey(db);
    return {
        QStringLiteral("CREATE TABLE merges (") + id +
            QStringLiteral(", into_id BIGINT NOT NULL REFERENCES customers(id),"
                           " from_id BIGINT NOT NULL REFERENCES customers(id),"
                           " note TEXT NOT NULL DEFAULT '', merged_by TEXT NOT NULL,"
                           " merged_at BIGINT NOT NULL, moved TEXT NOT NULL,"
                           " undone_by TEXT NOT NULL DEFAULT '', undone_at BIGINT NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX merges_by_from ON merges (from_id)"),
        QStringLiteral("CREATE INDEX merges_by_into ON merges (into_id)"),
    };
}

// Outbound delivery (issue 3): one row per SMS or email reply the hub hands to a provider.
// The row is written before the first attempt (the claim) and each attempt is counted
// before it starts, so a restart knows what was never handed over (docs/outbound.md).
QStringList version5(const QSqlDatabase &)
{
    return {
        QStringLiteral("CREATE TABLE outbound (message_id BIGINT PRIMARY KEY"
                       " REFERENCES messages(id), attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_at BIGINT NOT NULL DEFAULT 0, handed_over INTEGER NOT NULL DEFAULT 0,"
                       " last_error TEXT NOT NULL DEFAULT '', updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX outbound_by_state ON outbound (handed_over)"),
    };
}

// Read markers (issue 4): per user and customer, the newest thread item the user has read.
// Unread counts are what came in after it (docs/protocol.md, "conversation.read"); the
// marker only moves forward, so two desktops of one user agree.
QStringList version6(const QSqlDatabase &)
{
    return {
        QStringLiteral("CREATE TABLE read_markers (user_id BIGINT NOT NULL REFERENCES users(id),"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id),"
                       " up_to_id BIGINT NOT NULL, read_at BIGINT NOT NULL,"
                       " PRIMARY KEY (user_id, customer_id))"),
    };
}

// Outbound owners and leases (issue 8): with several hubs on one database, a reply is tried
// by the hub that holds its lease; another hub takes it only after the lease ran out (its
// holder died). in_flight_since marks a try whose outcome was never recorded, so whoever
// picks the reply up next asks the provider before sending it again (docs/outbound.md).
QStringList version7(const QSqlDatabase &)
{
    return {
        QStringLiteral("ALTER TABLE outbound ADD COLUMN owner TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE outbound ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbound ADD COLUMN in_flight_since BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX outbound_by_owner ON outbound (owner, handed_over)"),
    };
}

// Why a reply failed (issue 4): the provider's or the hub's words, kept with the message
// so history pages and a resyncing desktop show "Failed: reason", not only the live event.
QStringList version8(const QSqlDatabase &)
{
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN status_reason TEXT NOT NULL DEFAULT ''"),
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

    const QList<QStringList> steps = {version1(db), version2(db), version3(db), version4(db),
                                      version5(db), version6(db),
                                      version7(db), version8(db)};
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
