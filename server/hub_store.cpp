// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_store.h"

#include "server/database_url.h"
#include "server/hub_schema.h"
#include "server/sql_dialect.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"
#include "services/text/search_folding.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <limits>

namespace threadline::server {
namespace {

using protocol::CustomerPayload;
using protocol::IdentityPayload;
using protocol::MessagePayload;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString toText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject fromText(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

const QString kMessageColumns = QStringLiteral(
    "id, customer_id, channel, direction, author, identity, subject, body, quoted, client_id,"
    " status, at, meta, status_reason");

MessagePayload readMessage(const QSqlQuery &q)
{
    MessagePayload m;
    m.id = q.value(0).toLongLong();
    m.customerId = q.value(1).toLongLong();
    m.channel = q.value(2).toString();
    m.direction = q.value(3).toString();
    m.author = q.value(4).toString();
    m.identity = q.value(5).toString();
    m.subject = q.value(6).toString();
    m.body = q.value(7).toString();
    m.quoted = q.value(8).toString();
    m.clientId = q.value(9).toString();
    m.status = q.value(10).toString();
    m.at = q.value(11).toLongLong();
    const QString meta = q.value(12).toString();
    if (!meta.isEmpty())
        m.meta = fromText(meta);
    m.statusReason = q.value(13).toString();
    return m;
}

// SQLite files start with this; anything else is refused before the driver touches it.
bool looksLikeSqlite(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    if (f.size() == 0)
        return true;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

QString foldedText(const MessagePayload &m)
{
    if (m.channel == protocol::channel::system)
        return {};
    return text::foldForSearch(m.subject.isEmpty() ? m.body
                                                   : m.subject + QLatin1Char(' ') + m.body);
}

bool answersCustomer(const MessagePayload &m)
{
    if (m.channel == protocol::channel::phone)
        return true;
    return m.direction == protocol::direction::out && protocol::channel::isReplyChannel(m.channel);
}

bool startsWait(const MessagePayload &m)
{
    return m.direction == protocol::direction::in && protocol::channel::isReplyChannel(m.channel);
}

QString previewOf(const MessagePayload &m)
{
    QString text = m.body.simplified();
    if (text.isEmpty())
        text = m.subject.simplified();
    if (text.size() > 140)
        text = text.left(139) + QChar(0x2026);
    return text;
}

HubStore::HubStore(QObject *parent)
    : QObject(parent),
      m_connection(QStringLiteral("hub-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_prepared(m_connection)
{
}

HubStore::~HubStore()
{
    m_prepared.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase HubStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool HubStore::fail(const QString &what)
{
    m_lastError = what;
    TL_LOG("hub", error) << "storage: " << what;
    return false;
}

QString HubStore::open(const QString &location, OpenMode mode)
{
    const auto parsed = parseDatabaseLocation(location);
    if (const auto *error = std::get_if<QString>(&parsed))
        return *error;
    const DatabaseLocation &where = std::get<DatabaseLocation>(parsed);
    const QString error = where.isPostgres() ? openPostgres(where) : openSqlite(where.path, mode);
    if (!error.isEmpty())
        return error;
    foldUnfoldedMessages();
    m_lastAnnounced = currentSeq();
    return {};
}

bool HubStore::isPostgres() const
{
    return sql_dialect::isPostgres(database());
}

QString HubStore::openSqlite(const QString &path, OpenMode mode)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile())
            return QStringLiteral("%1 is not a file").arg(path);
        if (!looksLikeSqlite(path))
            return QStringLiteral(
                       "%1 is not a threadline-hub database (not SQLite); refusing to touch it")
                .arg(path);
    } else if (mode == OpenMode::MustExist) {
        return QStringLiteral("%1 does not exist").arg(path);
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
    QSqlQuery pragma(db);
    for (const char *p : {"PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
                          "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
        if (!pragma.exec(QString::fromLatin1(p)))
            return QStringLiteral("%1 is not a usable database: %2")
                .arg(path, pragma.lastError().text());
        pragma.finish();
    }
    const QString error = hub_schema::migrate(db);
    if (!error.isEmpty())
        return QStringLiteral("cannot prepare %1: %2").arg(path, error);
    return {};
}

QString HubStore::openPostgres(const DatabaseLocation &where)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return QStringLiteral("cannot use %1: Qt's PostgreSQL driver (QPSQL, Debian package "
                              "libqt6sql6-psql) is not installed")
            .arg(where.display());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    db.setHostName(where.host);
    db.setPort(where.port);
    db.setUserName(where.user);
    db.setPassword(where.password);
    db.setDatabaseName(where.name);
    db.setConnectOptions(where.connectOptions);
    if (!db.open())
        return QStringLiteral("cannot open %1: %2")
            .arg(where.display(), db.lastError().text().simplified());
    // Hubs starting together on an empty database: one migrates, the others wait for it.
    QSqlQuery lock(db);
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(sql_dialect::kMigrationLock)))
        return QStringLiteral("cannot prepare %1: %2")
            .arg(where.display(), lock.lastError().text());
    lock.finish();
    const QString error = hub_schema::migrate(db);
    lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(sql_dialect::kMigrationLock));
    lock.finish();
    if (!error.isEmpty())
        return QStringLiteral("cannot prepare %1: %2").arg(where.display(), error);
    // Other hubs' commits: read them from the log and fan them out like our own.
    QSqlDriver *driver = db.driver();
    if (!driver->subscribeToNotification(QLatin1String(sql_dialect::kEventsChannel)))
        return QStringLiteral("cannot listen for other hubs on %1: %2")
            .arg(where.display(), driver->lastError().text());
    connect(driver, &QSqlDriver::notification, this, [this] {
        // Inside a unit of work the commit announces; it reads the same log.
        if (!m_inWork)
            announceFromLog();
    });
    TL_LOG("hub", info) << "database: " << where.display();
    return {};
}

// ---- users and sessions ------------------------------------------------------------

QString HubStore::addUser(const QString &name, const QString &role, const QString &passwordHash)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(role);
    q.addBindValue(passwordHash);
    q.addBindValue(nowMs());
    if (!q.exec()) {
        if (user(name))
            return QStringLiteral("a user named %1 already exists").arg(name);
        return q.lastError().text();
    }
    return {};
}

std::optional<UserRecord> HubStore::user(const QString &name)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id, name, role, password_hash FROM users WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return UserRecord{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString()};
}

QList<UserRecord> HubStore::users()
{
    QList<UserRecord> out;
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT id, name, role FROM users ORDER BY name")))
        while (q.next())
            out.append(UserRecord{q.value(0).toLongLong(), q.value(1).toString(),
                                  q.value(2).toString(), QString()});
    return out;
}

bool HubStore::addSession(qint64 userId, const QString &tokenHash, qint64 now, qint64 expiresAt)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(tokenHash);
    q.addBindValue(userId);
    q.addBindValue(now);
    q.addBindValue(expiresAt);
    return q.exec() || fail(q.lastError().text());
}

std::optional<UserRecord> HubStore::userForSession(const QString &tokenHash, qint64 now)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "SELECT u.id, u.name, u.role, u.password_hash FROM sessions s"
        " JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?"));
    q.addBindValue(tokenHash);
    q.addBindValue(now);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return UserRecord{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString()};
}

// ---- customers ---------------------------------------------------------------------

qint64 HubStore::customerCount()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM customers")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QList<qint64> HubStore::customerIds()
{
    QList<qint64> ids;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT id FROM customers ORDER BY id")))
        while (q.next())
            ids.append(q.value(0).toLongLong());
    return ids;
}

QList<IdentityPayload> HubStore::identities(qint64 customerId)
{
    QList<IdentityPayload> out;
    auto q = m_prepared.prepare(
        QStringLiteral("SELECT kind, value FROM identities WHERE customer_id = ? ORDER BY id"));
    q->bindValue(0, customerId);
    if (q->exec())
        while (q->next())
            out.append(IdentityPayload{q->value(0).toString(), q->value(1).toString()});
    return out;
}

namespace {
const QString kCustomerColumns = QStringLiteral(
    "id, name, status, assignee, last_at, last_channel, last_direction, last_preview,"
    " item_count, queue, labels, waiting_since, snooze_until");

CustomerPayload readCustomer(const QSqlQuery &q)
{
    CustomerPayload c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.status = q.value(2).toString();
    c.assignee = q.value(3).toString();
    c.lastAt = q.value(4).toLongLong();
    c.lastChannel = q.value(5).toString();
    c.lastDirection = q.value(6).toString();
    c.lastPreview = q.value(7).toString();
    c.itemCount = q.value(8).toLongLong();
    c.queue = q.value(9).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(10).toString().toUtf8()).array())
        c.labels.append(v.toString());
    c.waitingSince = q.value(11).toLongLong();
    c.snoozeUntil = q.value(12).toLongLong();
    return c;
}
} // namespace

std::optional<CustomerPayload> HubStore::customer(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT ") + kCustomerColumns +
                               QStringLiteral(" FROM customers WHERE id = ?");
    std::optional<CustomerPayload> c;
    {
        auto q = m_prepared.prepare(sql);
        q->bindValue(0, id);
        if (!q->exec() || !q->next())
            return std::nullopt;
        c = readCustomer(*q);
    }
    c->identities = identities(id);
    return c;
}

std::optional<qint64> HubStore::customerIdByIdentity(const QString &kind, const QString &value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT customer_id FROM identities WHERE kind = ? AND value = ?"));
    q.addBindValue(kind);
    q.addBindValue(value);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QList<CustomerPayload> HubStore::customersPage(qint64 afterId, int limit, bool *more)
{
    QList<CustomerPayload> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kCustomerColumns +
              QStringLiteral(" FROM customers WHERE id > ? AND status <> 'merged'"
                             " ORDER BY id LIMIT ?"));
    q.addBindValue(afterId);
    q.addBindValue(limit + 1);
    if (q.exec())
        while (q.next())
            out.append(readCustomer(q));
    q.finish();
    *more = out.size() > limit;
    if (*more)
        out.removeLast();
    if (out.isEmpty())
        return out;

    // Identities for the whole page in one query.
    QSqlQuery ids(database());
    ids.setForwardOnly(true);
    ids.prepare(QStringLiteral("SELECT customer_id, kind, value FROM identities"
                               " WHERE customer_id BETWEEN ? AND ? ORDER BY id"));
    ids.addBindValue(out.first().id);
    ids.addBindValue(out.last().id);
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < out.size(); ++i)
        index.insert(out.at(i).id, i);
    if (ids.exec())
        while (ids.next()) {
            const auto it = index.constFind(ids.value(0).toLongLong());
            if (it != index.constEnd())
                out[*it].identities.append(
                    IdentityPayload{ids.value(1).toString(), ids.value(2).toString()});
        }
    return out;
}

QList<MessagePayload> HubStore::historyPage(qint64 customerId, qint64 beforeId, int limit,
                                            bool *more)
{
    QList<MessagePayload> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT ") + kMessageColumns +
        QStringLiteral(" FROM messages WHERE customer_id = ? AND id < ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(customerId);
    q.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    q.addBindValue(limit + 1);
    if (q.exec())
        while (q.next())
            out.append(readMessage(q));
    *more = out.size() > limit;
    if (*more)
        out.removeLast();
    return out;
}

std::optional<QString> HubStore::preferredIdentity(qint64 customerId, const QString &kind)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM identities WHERE customer_id = ? AND kind = ?"
                             " ORDER BY last_inbound_at DESC, id DESC LIMIT 1"));
    q.addBindValue(customerId);
    q.addBindValue(kind);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

// ---- events and commands -----------------------------------------------------------

qint64 HubStore::currentSeq()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

qint64 HubStore::oldestSeq()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MIN(seq), 0) FROM events")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QList<StoredEvent> HubStore::eventsAfter(qint64 since, int limit)
{
    QList<StoredEvent> out;
    auto q = m_prepared.prepare(
        QStringLiteral("SELECT seq, type, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?"));
    q->bindValue(0, since);
    q->bindValue(1, limit);
    if (q->exec())
        while (q->next())
            out.append(StoredEvent{q->value(0).toLongLong(), q->value(1).toString(),
                                   fromText(q->value(2).toString())});
    return out;
}

std::optional<RememberedAnswer> HubStore::rememberedAnswer(const CommandKey &key, qint64 now)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "SELECT answer FROM commands WHERE user_name = ? AND client_id = ? AND created_at > ?"));
    q.addBindValue(key.user);
    q.addBindValue(key.id);
    q.addBindValue(now - protocol::kCommandMemoryMs);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QJsonObject o = fromText(q.value(0).toString());
    return RememberedAnswer{o.value(QLatin1String("seq")).toInteger(),
                            o.value(QLatin1String("data")).toObject()};
}

void HubStore::forgetCommandsBefore(qint64 cutoff)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM commands WHERE created_at < ?"));
    q.addBindValue(cutoff);
    if (!q.exec())
        fail(q.lastError().text());
}

qint64 HubStore::appendEvent(const QString &type, const QJsonObject &payload, qint64 now)
{
    // Only a unit of work holds the event-log lock that keeps seqs in commit order.
    if (!m_inWork && isPostgres()) {
        fail(QStringLiteral("events are appended inside a unit of work"));
        return 0;
    }
    auto q = m_prepared.prepare(
        QStringLiteral("INSERT INTO events (type, payload, created_at) VALUES (?, ?, ?)"));
    q->bindValue(0, type);
    q->bindValue(1, toText(payload));
    q->bindValue(2, now);
    if (!q->exec()) {
        fail(q->lastError().text());
        return 0;
    }
    return q->lastInsertId().toLongLong();
}

void HubStore::commitAndAnnounce(QList<StoredEvent> events)
{
    if (isPostgres()) {
        // Other hubs may have committed seqs between ours; the log has them all in order.
        announceFromLog();
        return;
    }
    m_lastAnnounced = events.constLast().seq;
    Q_EMIT eventsAppended(events);
}

void HubStore::announceFromLog()
{
    for (;;) {
        const QList<StoredEvent> batch = eventsAfter(m_lastAnnounced, 1000);
        if (batch.isEmpty())
            return;
        m_lastAnnounced = batch.constLast().seq;
        Q_EMIT eventsAppended(batch);
    }
}

// ---- units of work -----------------------------------------------------------------

bool HubStore::beginWork()
{
    if (m_inWork)
        return fail(QStringLiteral("a unit of work is already open"));
    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(db.lastError().text());
    if (sql_dialect::isPostgres(db)) {
        // Hubs sharing the database append one unit of work at a time, so a seq never
        // becomes visible before a smaller one: a reader of "events after N" skips nothing.
        // Taken first, before any row lock, so it cannot deadlock with them.
        QSqlQuery lock(db);
        if (!lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)")
                           .arg(sql_dialect::kEventLogLock))) {
            const QString why = lock.lastError().text();
            db.rollback();
            return fail(why);
        }
    }
    m_inWork = true;
    m_pending.clear();
    return true;
}

bool HubStore::commitWork()
{
    if (!m_inWork)
        return fail(QStringLiteral("no unit of work is open"));
    QSqlDatabase db = database();
    if (!m_pending.isEmpty() && sql_dialect::isPostgres(db)) {
        // Delivered to every listening hub when (and only if) the transaction commits.
        QSqlQuery notify(db);
        if (!notify.exec(QStringLiteral("NOTIFY ") + QLatin1String(sql_dialect::kEventsChannel))) {
            const QString why = notify.lastError().text();
            rollbackWork();
            return fail(why);
        }
    }
    if (!db.commit()) {
        const QString why = db.lastError().text();
        rollbackWork();
        return fail(why);
    }
    m_inWork = false;
    QList<StoredEvent> events;
    events.swap(m_pending);
    if (!events.isEmpty())
        commitAndAnnounce(events);
    return true;
}

void HubStore::rollbackWork()
{
    if (!m_inWork)
        return;
    database().rollback();
    m_inWork = false;
    m_pending.clear();
}

std::optional<qint64> HubStore::insertCustomer(const QString &name)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO customers (name, created_at) VALUES (?, ?)"));
    q.addBindValue(name);
    q.addBindValue(nowMs());
    if (!q.exec()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool HubStore::linkIdentity(qint64 customerId, const QString &kind, const QString &value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO identities (customer_id, kind, value) VALUES (?, ?, ?)"));
    q.addBindValue(customerId);
    q.addBindValue(kind);
    q.addBindValue(value);
    return q.exec() || fail(q.lastError().text());
}

bool HubStore::announceCustomer(qint64 customerId)
{
    const auto c = customer(customerId);
    if (!c)
        return fail(QStringLiteral("no customer %1").arg(customerId));
    const QJsonObject upserted{{QLatin1String("customer"), c->toJson()}};
    const qint64 seq = appendEvent(protocol::type::customerUpserted, upserted, nowMs());
    if (seq == 0)
        return false;
    m_pending.append(StoredEvent{seq, protocol::type::customerUpserted, upserted});
    return true;
}

std::optional<MessagePayload> HubStore::message(qint64 id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kMessageColumns +
              QStringLiteral(" FROM messages WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readMessage(q);
}

std::optional<HubStore::Appended> HubStore::writeMessage(MessagePayload m)
{
    const qint64 now = nowMs();
    if (m.at == 0)
        m.at = now;
    auto failed = [&](const QString &why) -> std::optional<Appended> {
        fail(why);
        return std::nullopt;
    };

    {
        auto q = m_prepared.prepare(QStringLiteral(
            "INSERT INTO messages (customer_id, channel, direction, author, identity,"
            " subject, body, quoted, client_id, status, at, meta, folded)"
            " VALUES (?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''),"
            " COALESCE(?, ''), COALESCE(?, ''), ?, ?, COALESCE(?, ''), COALESCE(?, ''))"));
        int i = 0;
        for (const QVariant &v :
             {QVariant(m.customerId), QVariant(m.channel), QVariant(m.direction),
              QVariant(m.author), QVariant(m.identity), QVariant(m.subject), QVariant(m.body),
              QVariant(m.quoted), QVariant(m.clientId), QVariant(m.status), QVariant(m.at),
              QVariant(m.meta.isEmpty() ? QString() : toText(m.meta)), QVariant(foldedText(m))})
            q->bindValue(i++, v);
        if (!q->exec())
            return failed(q->lastError().text());
        m.id = q->lastInsertId().toLongLong();
    }

    if (m.direction == protocol::direction::in && !m.identity.isEmpty()) {
        auto touch = m_prepared.prepare(QStringLiteral(
            "UPDATE identities SET last_inbound_at = ? WHERE customer_id = ? AND value = ?"));
        touch->bindValue(0, m.at);
        touch->bindValue(1, m.customerId);
        touch->bindValue(2, m.identity);
        if (!touch->exec())
            return failed(touch->lastError().text());
    }

    if (!updateConversationFor(m))
        return std::nullopt;

    const QJsonObject created{{QLatin1String("message"), m.toJson()}};
    const qint64 createdSeq = appendEvent(protocol::type::messageCreated, created, now);
    if (createdSeq == 0)
        return std::nullopt;
    m_pending.append(StoredEvent{createdSeq, protocol::type::messageCreated, created});
    if (!announceCustomer(m.customerId))
        return std::nullopt;
    return Appended{m, createdSeq};
}

bool HubStore::updateConversationFor(const MessagePayload &m)
{
    QString status, queue;
    qint64 waitingSince = 0, snoozeUntil = 0, openedAt = 0;
    {
        auto read = m_prepared.prepare(QStringLiteral(
            "SELECT status, waiting_since, snooze_until, opened_at, queue FROM customers"
            " WHERE id = ?"));
        read->bindValue(0, m.customerId);
        if (!read->exec() || !read->next())
            return fail(QStringLiteral("no customer %1").arg(m.customerId));
        status = read->value(0).toString();
        waitingSince = read->value(1).toLongLong();
        snoozeUntil = read->value(2).toLongLong();
        openedAt = read->value(3).toLongLong();
        queue = read->value(4).toString();
    }

    if (startsWait(m)) {
        // A customer who writes reopens a resolved or snoozed conversation.
        if (status != protocol::conversation::open || openedAt == 0)
            openedAt = m.at;
        status = protocol::conversation::open;
        snoozeUntil = 0;
        if (waitingSince == 0) {
            waitingSince = m.at;
            auto wait = m_prepared.prepare(QStringLiteral(
                "INSERT INTO waits (customer_id, queue, channel, started_at) VALUES (?, ?, ?, ?)"));
            wait->bindValue(0, m.customerId);
            wait->bindValue(1, queue);
            wait->bindValue(2, m.channel);
            wait->bindValue(3, m.at);
            if (!wait->exec())
                return fail(wait->lastError().text());
        }
    } else if (answersCustomer(m) && waitingSince > 0) {
        waitingSince = 0;
        if (!endWait(m.customerId, m.at, true))
            return false;
    }

    const bool summary = m.channel != protocol::channel::system;
    static const QString head =
        QStringLiteral("UPDATE customers SET item_count = item_count + 1, status = ?,"
                       " waiting_since = ?, snooze_until = ?, opened_at = ?");
    static const QString withSummary =
        head + QStringLiteral(", last_at = ?, last_channel = ?, last_direction = ?,"
                              " last_preview = COALESCE(?, '') WHERE id = ?");
    static const QString withoutSummary = head + QStringLiteral(" WHERE id = ?");
    auto update = m_prepared.prepare(summary ? withSummary : withoutSummary);
    int i = 0;
    update->bindValue(i++, status);
    update->bindValue(i++, waitingSince);
    update->bindValue(i++, snoozeUntil);
    update->bindValue(i++, openedAt);
    if (summary) {
        update->bindValue(i++, m.at);
        update->bindValue(i++, m.channel);
        update->bindValue(i++, m.direction);
        update->bindValue(i++, previewOf(m));
    }
    update->bindValue(i++, m.customerId);
    if (!update->exec() || update->numRowsAffected() != 1)
        return fail(QStringLiteral("no customer %1").arg(m.customerId));
    return true;
}

bool HubStore::endWait(qint64 customerId, qint64 at, bool answered)
{
    auto q = m_prepared.prepare(QStringLiteral(
        "UPDATE waits SET ended_at = ?, answered = ? WHERE customer_id = ? AND ended_at = 0"));
    q->bindValue(0, at);
    q->bindValue(1, answered ? 1 : 0);
    q->bindValue(2, customerId);
    return q->exec() || fail(q->lastError().text());
}

bool HubStore::writeEvent(const QString &type, const QJsonObject &payload, qint64 *seq)
{
    if (!m_inWork)
        return fail(QStringLiteral("events are written inside a unit of work"));
    const qint64 written = appendEvent(type, payload, nowMs());
    if (written == 0)
        return false;
    m_pending.append(StoredEvent{written, type, payload});
    if (seq)
        *seq = written;
    return true;
}

bool HubStore::rememberAnswer(const CommandKey &command, qint64 seq, const QJsonObject &data)
{
    QSqlQuery remember(database());
    remember.prepare(QStringLiteral(
        "INSERT INTO commands (user_name, client_id, answer, created_at) VALUES (?, ?, ?, ?)"));
    remember.addBindValue(command.user);
    remember.addBindValue(command.id);
    remember.addBindValue(
        toText(QJsonObject{{QLatin1String("seq"), seq}, {QLatin1String("data"), data}}));
    remember.addBindValue(nowMs());
    return remember.exec() || fail(remember.lastError().text());
}

void HubStore::foldUnfoldedMessages()
{
    // Rows written before search existed (schema 3) are folded once, in batches.
    for (;;) {
        QList<MessagePayload> batch;
        {
            QSqlQuery q(database());
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral("SELECT ") + kMessageColumns +
                        QStringLiteral(" FROM messages WHERE folded IS NULL LIMIT 2000")))
                return;
            while (q.next())
                batch.append(readMessage(q));
        }
        if (batch.isEmpty() || !database().transaction())
            return;
        QSqlQuery update(database());
        update.prepare(QStringLiteral("UPDATE messages SET folded = ? WHERE id = ?"));
        for (const MessagePayload &m : std::as_const(batch)) {
            update.bindValue(0, foldedText(m));
            update.bindValue(1, m.id);
            if (!update.exec()) {
                database().rollback();
                return;
            }
        }
        if (!database().commit())
            return;
    }
}

std::optional<HubStore::Appended> HubStore::appendMessage(MessagePayload m,
                                                          const std::optional<CommandKey> &command)
{
    if (!beginWork())
        return std::nullopt;
    auto appended = writeMessage(std::move(m));
    if (!appended) {
        rollbackWork();
        return std::nullopt;
    }
    if (command &&
        !rememberAnswer(*command, appended->seq,
                        QJsonObject{{QLatin1String("message"), appended->message.toJson()}})) {
        rollbackWork();
        return std::nullopt;
    }
    if (!commitWork())
        return std::nullopt;
    return appended;
}

bool HubStore::writeMessageStatus(qint64 messageId, const QString &status, const QString &reason)
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT customer_id, client_id FROM messages WHERE id = ?"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next())
        return fail(QStringLiteral("no message %1").arg(messageId));
    const qint64 customerId = q.value(0).toLongLong();
    const QString clientId = q.value(1).toString();
    q.finish();
    QSqlQuery update(db);
    // The reason stays with the message: a desktop that resyncs reads it from history.
    update.prepare(
        QStringLiteral("UPDATE messages SET status = ?, status_reason = ? WHERE id = ?"));
    update.addBindValue(status);
    update.addBindValue(reason.isNull() ? QStringLiteral("") : reason); // NOT NULL: no reason is ''
    update.addBindValue(messageId);
    if (!update.exec())
        return fail(update.lastError().text());
    QJsonObject payload{{QLatin1String("message_id"), messageId},
                        {QLatin1String("customer_id"), customerId},
                        {QLatin1String("status"), status}};
    if (!clientId.isEmpty())
        payload.insert(QLatin1String("client_id"), clientId);
    if (!reason.isEmpty())
        payload.insert(QLatin1String("reason"), reason);
    const qint64 seq = appendEvent(protocol::type::messageStatus, payload, nowMs());
    if (seq == 0)
        return false;
    m_pending.append(StoredEvent{seq, protocol::type::messageStatus, payload});
    return true;
}

bool HubStore::setMessageStatus(qint64 messageId, const QString &status, const QString &reason)
{
    if (!beginWork())
        return false;
    if (!writeMessageStatus(messageId, status, reason) || !commitWork()) {
        rollbackWork();
        return false;
    }
    return true;
}

} // namespace threadline::server
