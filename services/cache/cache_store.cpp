// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/cache_store.h"

#include "services/cache/cache_rows.h"
#include "services/cache/migrations.h"
#include "services/logging/log.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

namespace threadline::cache {

namespace {

using Step = Statement::Step;

struct IntLookup {
    std::optional<qint64> value;
    std::optional<CacheError> error;
};

IntLookup lookupInt(Statement &s)
{
    switch (s.step()) {
    case Step::Row:
        return {s.columnInt64(0), std::nullopt};
    case Step::Done:
        return {};
    case Step::Error:
        break;
    }
    return {std::nullopt, s.error()};
}

CacheError invalid(const QString &why)
{
    return makeError(errc::invalid, why);
}

QString messageSelect(const char *rest)
{
    return QLatin1String("SELECT ") + QLatin1String(rows::messageColumns) +
           QLatin1String(", sort_at FROM messages ") + QLatin1String(rest);
}

const QString kLastSeq = QStringLiteral("last_seq");

} // namespace

CacheStore::CacheStore(Database db) : m_db(std::move(db)) {}

std::variant<std::unique_ptr<CacheStore>, CacheError> CacheStore::open(const QString &path,
                                                                       const QByteArray &rawKey32)
{
    auto opened = Database::open(path, rawKey32);
    if (auto *e = std::get_if<CacheError>(&opened)) {
        TL_LOG("db", warning) << "cache open failed: " << e->code << ": " << e->message;
        return *e;
    }
    Database db = std::move(std::get<Database>(opened));
    if (auto e = migrate(db)) {
        TL_LOG("db", warning) << "cache migration failed: " << e->code << ": " << e->message;
        return *e;
    }
    std::unique_ptr<CacheStore> store(new CacheStore(std::move(db)));
    auto checkpointer = WalCheckpointer::start(store->m_db, rawKey32);
    if (auto *e = std::get_if<CacheError>(&checkpointer))
        TL_LOG("db", warning) << "checkpoints stay in the writer's commits: " << e->code;
    else
        store->m_checkpointer = std::move(std::get<std::unique_ptr<WalCheckpointer>>(checkpointer));
    if (auto e = store->reindexCustomersIfStale()) {
        TL_LOG("db", warning) << "customer search index failed: " << e->code;
        return *e;
    }
    if (auto e = store->notePendingSearch()) {
        TL_LOG("db", warning) << "cache open failed: " << e->code;
        return *e;
    }
    return store;
}

std::optional<CacheError> CacheStore::failed(std::optional<CacheError> e)
{
    if (e)
        TL_LOG("db", warning) << "cache operation failed: " << e->code << ": " << e->message;
    return e;
}

void CacheStore::noteReadError(const std::optional<CacheError> &e)
{
    if (e)
        TL_LOG("db", warning) << "cache read failed: " << e->code << ": " << e->message;
    m_lastError = e;
}

// ---------------------------------------------------------------- writes

std::optional<CacheError> CacheStore::write(const CacheWrite &w)
{
    // Whatever this write stages in the memo counts only once it commits; on every way
    // out the staged rows go (after a commit there are none left).
    struct ForgetStaged {
        CustomerMemo &memo;
        ~ForgetStaged() { memo.rollback(); }
    } forgetStaged{m_customers};
    Transaction tx(m_db);
    if (auto e = tx.begin())
        return failed(e);
    // In id order: FTS4 also writes its pending terms out whenever a docid does not
    // ascend.
    QList<const models::Customer *> byId;
    byId.reserve(w.customers.size());
    for (const auto &c : w.customers)
        byId.append(&c);
    std::sort(byId.begin(), byId.end(), [](const auto *a, const auto *b) { return a->id < b->id; });
    // Rows first, then the search entries of the new or renamed ones: an FTS4 table
    // writes its pending terms out as a segment before any statement that needs a
    // statement journal (an UPDATE, a REPLACE, a delete from the index), so
    // interleaving them would write one segment per customer.
    QList<const models::Customer *> changed;
    for (const auto *c : std::as_const(byId)) {
        auto change = upsertCustomer(*c);
        if (auto *e = std::get_if<CacheError>(&change))
            return failed(*e);
        const auto searchable = std::get<SearchableChange>(change);
        if (searchable == SearchableChange::Renamed)
            if (auto e = unindexCustomer(c->id))
                return failed(e);
        if (searchable != SearchableChange::None)
            changed.append(c);
    }
    for (const auto *c : std::as_const(changed))
        if (auto e = indexCustomer(*c))
            return failed(e);
    const SearchEntry entry = w.indexSearchLater ? SearchEntry::Later : SearchEntry::Now;
    // What the messages below note as waiting for the index is rolled back with them.
    const bool behindBefore = m_searchBehind;
    auto undo = [&](const std::optional<CacheError> &e) {
        m_searchBehind = behindBefore;
        return failed(e);
    };
    for (const auto &m : w.messages)
        if (auto e = upsertMessage(m, entry))
            return undo(e);
    for (const auto &u : w.statuses)
        if (auto e = applyStatus(u))
            return undo(e);
    for (const auto &m : w.merges)
        if (auto e = applyMerge(m))
            return undo(e);
    if (w.lastSeq) {
        auto s = m_db.prepare(
            QStringLiteral("INSERT OR REPLACE INTO sync_state (name, value) VALUES (?1, ?2)"));
        s.bind(1, kLastSeq).bind(2, *w.lastSeq);
        if (auto e = s.exec())
            return undo(e);
    }
    if (auto e = tx.commit())
        return undo(e);
    m_customers.commit();
    return std::nullopt;
}

std::variant<CacheStore::SearchableChange, CacheError>
CacheStore::upsertCustomer(const models::Customer &c)
{
    // Most upserts are a message's activity (last item, counts): the name and the
    // identities are what they were, so the row is updated in place and its search
    // entry, which only those two feed, is left alone.
    //
    // OR FAIL: a plain UPDATE of a table with NOT NULL columns and an index may abort
    // halfway, so SQLite keeps a statement journal for it, and SQLCipher encrypts every
    // page the statement touches into that journal: about three pages, 30 us, for each
    // customer of a batch (a third of the cache write in bench_ingest). This one changes
    // one row, and any error rolls the whole write() back, so it needs no journal.
    //
    // When the memo holds the row, it says whether name and identities are unchanged,
    // and the update need not bind (nor serialise) them to find out.
    const models::Customer *remembered = m_customers.find(c.id);
    const bool searchableAsRemembered =
        remembered && remembered->name == c.name && remembered->identities == c.identities;
    if (searchableAsRemembered || !remembered) {
        static const QString activity = QStringLiteral(
            "UPDATE OR FAIL customers SET status = ?4, assignee = ?5, last_at = ?6,"
            " last_channel = ?7, last_direction = ?8, last_preview = ?9, item_count = ?10,"
            " unread = ?11, queue = ?12, labels = ?13, waiting_since = ?14, snooze_until = ?15"
            " WHERE id = ?1");
        static const QString sameSearchable =
            activity + QLatin1String(" AND name IS ?2 AND identities IS ?3");
        auto s = m_db.prepare(searchableAsRemembered ? activity : sameSearchable);
        if (searchableAsRemembered)
            rows::bindCustomerActivity(s, c);
        else
            rows::bindCustomer(s, c);
        if (auto e = s.exec())
            return *e;
        if (m_db.changes() > 0) {
            m_customers.stage(c);
            return SearchableChange::None;
        }
        if (searchableAsRemembered)
            m_customers.forget(c.id); // not there after all: the full way below
    }
    bool known = false;
    {
        auto s = m_db.prepare(QStringLiteral("SELECT 1 FROM customers WHERE id = ?1"));
        s.bind(1, c.id);
        const auto r = lookupInt(s);
        if (r.error)
            return *r.error;
        known = r.value.has_value();
    }
    static const QString replace =
        QLatin1String("INSERT OR REPLACE INTO customers (") + QLatin1String(rows::customerColumns) +
        QLatin1String(
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    auto s = m_db.prepare(replace);
    rows::bindCustomer(s, c);
    if (auto e = s.exec())
        return *e;
    m_customers.stage(c);
    return known ? SearchableChange::Renamed : SearchableChange::Added;
}

std::variant<bool, CacheError> CacheStore::insertMessage(const models::Message &m, bool ifNew,
                                                         SearchEntry entry)
{
    static const QString insertSql = QStringLiteral(
        "INSERT INTO messages (hub_id, client_id, customer_id, channel, direction, author,"
        " identity, subject, body, quoted, at, delivery, failure_reason, meta, sort_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?11)");
    static const QString insertIfNewSql = QString(insertSql).replace(
        QLatin1String("INSERT INTO"), QLatin1String("INSERT OR IGNORE INTO"));
    {
        auto s = m_db.prepare(ifNew ? insertIfNewSql : insertSql);
        rows::bindMessage(s, m);
        if (auto e = s.exec())
            return *e;
        if (m_db.changes() == 0)
            return false; // ifNew, and the hub id was known
    }
    // The search index is fed here rather than by a trigger (schema 8): a trigger
    // makes the insert need a statement journal, and FTS4 writes its pending terms
    // out as a new segment at every statement journal, i.e. once per message. A
    // plain single-row insert needs none, so a batch's terms go out once, at commit.
    if (entry == SearchEntry::Later) {
        auto s = m_db.prepare(QStringLiteral("INSERT INTO search_pending (row) VALUES (?1)"));
        s.bind(1, m_db.lastInsertRowId());
        if (auto e = s.exec())
            return *e;
        m_searchBehind = true;
        return true;
    }
    auto s = m_db.prepare(
        QStringLiteral("INSERT INTO message_search (docid, subject, body) VALUES (?1, ?2, ?3)"));
    s.bind(1, m_db.lastInsertRowId()).bind(2, m.subject).bind(3, m.body);
    if (auto e = s.exec())
        return *e;
    return true;
}

std::optional<CacheError> CacheStore::upsertMessage(const models::Message &m, SearchEntry entry)
{
    if (m.id <= 0)
        return invalid(QStringLiteral("A message from the hub has no hub id."));
    if (m.customerId <= 0)
        return invalid(QStringLiteral("Message %1 has no customer.").arg(m.id));

    if (m.clientId.isEmpty()) {
        // Not written on this desktop, so no echo to replace: nearly always a new
        // message. The unique hub id index tells a known one apart while inserting,
        // which saves a lookup per message; a known one is updated below.
        auto inserted = insertMessage(m, true, entry);
        if (auto *e = std::get_if<CacheError>(&inserted))
            return *e;
        if (std::get<bool>(inserted))
            return std::nullopt;
    }

    std::optional<qint64> hubRow;
    std::optional<qint64> echoRow;
    {
        auto s = m_db.prepare(QStringLiteral("SELECT row FROM messages WHERE hub_id = ?1"));
        s.bind(1, m.id);
        auto r = lookupInt(s);
        if (r.error)
            return r.error;
        hubRow = r.value;
    }
    if (!m.clientId.isEmpty()) {
        auto s = m_db.prepare(
            QStringLiteral("SELECT row FROM messages WHERE client_id = ?1 AND hub_id IS NULL"));
        s.bind(1, m.clientId);
        auto r = lookupInt(s);
        if (r.error)
            return r.error;
        echoRow = r.value;
    }
    if (hubRow && echoRow) {
        // Already confirmed under its hub id; the echo is a stray duplicate.
        auto s = m_db.prepare(QStringLiteral("DELETE FROM messages WHERE row = ?1"));
        s.bind(1, *echoRow);
        if (auto e = s.exec())
            return e;
        echoRow.reset();
    }
    if (const auto target = hubRow ? hubRow : echoRow) {
        // Updating in place keeps the local row and sort_at: the item stays where
        // the agent saw it, and views can treat it as a change, not a move.
        auto s = m_db.prepare(QStringLiteral(
            "UPDATE messages SET hub_id = ?1, client_id = ?2, customer_id = ?3, channel = ?4,"
            " direction = ?5, author = ?6, identity = ?7, subject = ?8, body = ?9, quoted = ?10,"
            " at = ?11, delivery = ?12, failure_reason = ?13, meta = ?14 WHERE row = ?15"));
        rows::bindMessage(s, m);
        s.bind(15, *target);
        if (auto e = s.exec())
            return e;
    } else if (auto inserted = insertMessage(m, false, entry);
               auto *e = std::get_if<CacheError>(&inserted)) {
        return *e;
    }
    if (!m.clientId.isEmpty()) {
        auto s = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?1"));
        s.bind(1, m.clientId);
        if (auto e = s.exec())
            return e;
    }
    return std::nullopt;
}

std::optional<CacheError> CacheStore::applyStatus(const StatusUpdate &u)
{
    const auto delivery = rows::deliveryFromName(u.status);
    if (!delivery) {
        // A newer hub may know more states; skipping one must not stall the sync.
        TL_LOG("db", info) << "cache: ignoring unknown delivery status " << u.status;
        return std::nullopt;
    }
    const bool byHubId = u.messageId > 0;
    if (!byHubId && u.clientId.isEmpty())
        return std::nullopt;
    // OR FAIL, as in upsertCustomer: one row (both ids are unique), no statement journal.
    auto s = m_db.prepare(byHubId ? QStringLiteral("UPDATE OR FAIL messages SET delivery = ?1,"
                                                   " failure_reason = ?2 WHERE hub_id = ?3")
                                  : QStringLiteral("UPDATE OR FAIL messages SET delivery = ?1,"
                                                   " failure_reason = ?2 WHERE client_id = ?3"));
    s.bind(1, rows::deliveryName(*delivery)).bind(2, u.reason.isEmpty() ? QString() : u.reason);
    if (byHubId)
        s.bind(3, u.messageId);
    else
        s.bind(3, u.clientId);
    return s.exec();
}

// ---------------------------------------------------------------- reads

qint64 CacheStore::lastSeq()
{
    auto s = m_db.prepare(QStringLiteral("SELECT value FROM sync_state WHERE name = ?1"));
    s.bind(1, kLastSeq);
    const auto r = lookupInt(s);
    noteReadError(r.error);
    return r.value.value_or(0);
}

QList<models::Customer> CacheStore::customers()
{
    QList<models::Customer> result;
    auto s = m_db.prepare(QLatin1String("SELECT ") + QLatin1String(rows::customerColumns) +
                          QLatin1String(" FROM customers ORDER BY last_at DESC, id DESC"));
    while (s.step() == Step::Row)
        result.append(rows::readCustomer(s));
    noteReadError(s.error());
    return s.error() ? QList<models::Customer>() : result;
}

std::optional<models::Customer> CacheStore::customer(qint64 id)
{
    if (const models::Customer *remembered = m_customers.find(id))
        return *remembered;
    auto s = m_db.prepare(QLatin1String("SELECT ") + QLatin1String(rows::customerColumns) +
                          QLatin1String(" FROM customers WHERE id = ?1"));
    s.bind(1, id);
    const auto step = s.step();
    noteReadError(s.error());
    if (step != Step::Row)
        return std::nullopt;
    models::Customer c = rows::readCustomer(s);
    m_customers.remember(c);
    return c;
}

ThreadPage CacheStore::page(qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit)
{
    limit = std::max(limit, 1);
    const bool newest = beforeAt <= 0 && beforeRow <= 0;
    static const QString newestSql =
        messageSelect("WHERE customer_id = ?1 ORDER BY sort_at DESC, row DESC LIMIT ?2");
    // Written so the (customer_id, sort_at, row) index bounds the scan.
    static const QString olderSql =
        messageSelect("WHERE customer_id = ?1 AND sort_at <= ?3 AND (sort_at < ?3 OR row < ?4)"
                      " ORDER BY sort_at DESC, row DESC LIMIT ?2");
    auto s = m_db.prepare(newest ? newestSql : olderSql);
    s.bind(1, customerId).bind(2, qint64(limit) + 1); // one extra tells whether more exist
    if (!newest)
        s.bind(3, beforeAt).bind(4, beforeRow);

    ThreadPage page;
    page.cursorAt = beforeAt;
    page.cursorRow = beforeRow;
    int fetched = 0;
    while (s.step() == Step::Row) {
        if (++fetched > limit)
            break;
        page.items.append(rows::readMessage(s));
        page.cursorRow = s.columnInt64(14);
        page.cursorAt = s.columnInt64(15);
    }
    noteReadError(s.error());
    page.reachedOldestCached = fetched <= limit;
    return page;
}

// ---------------------------------------------------------------- outbox

std::optional<CacheError> CacheStore::addToOutbox(const models::Message &echo,
                                                  const QString &commandType,
                                                  const QJsonObject &commandData)
{
    if (echo.clientId.isEmpty())
        return invalid(QStringLiteral("A local echo needs a client id."));
    if (echo.customerId <= 0)
        return invalid(QStringLiteral("A local echo needs a customer."));
    if (commandType.isEmpty())
        return invalid(QStringLiteral("An outbox entry needs a command type."));

    models::Message pending = echo;
    pending.id = 0;
    pending.delivery = models::Delivery::Pending;
    pending.failureReason.clear();
    const qint64 createdAt = echo.at > 0 ? echo.at : QDateTime::currentMSecsSinceEpoch();
    if (pending.at <= 0)
        pending.at = createdAt;

    Transaction tx(m_db);
    if (auto e = tx.begin())
        return failed(e);
    if (auto inserted = insertMessage(pending, false); auto *e = std::get_if<CacheError>(&inserted))
        return failed(*e);
    {
        auto s = m_db.prepare(
            QStringLiteral("INSERT INTO outbox (client_id, command_type, command_data, created_at)"
                           " VALUES (?1, ?2, ?3, ?4)"));
        s.bind(1, echo.clientId)
            .bind(2, commandType)
            .bind(3, QString::fromUtf8(QJsonDocument(commandData).toJson(QJsonDocument::Compact)))
            .bind(4, createdAt);
        if (auto e = s.exec())
            return failed(e);
    }
    return failed(tx.commit());
}

std::optional<CacheError> CacheStore::enqueueCommand(const QString &clientId,
                                                     const QString &commandType,
                                                     const QJsonObject &commandData)
{
    if (clientId.isEmpty() || commandType.isEmpty())
        return makeError(errc::invalid, QStringLiteral("A command needs a client id and a type."));
    auto s = m_db.prepare(
        QStringLiteral("INSERT INTO outbox (client_id, command_type, command_data, created_at)"
                       " VALUES (?1, ?2, ?3, ?4)"));
    s.bind(1, clientId)
        .bind(2, commandType)
        .bind(3, QString::fromUtf8(QJsonDocument(commandData).toJson(QJsonDocument::Compact)))
        .bind(4, QDateTime::currentMSecsSinceEpoch());
    return failed(s.exec());
}

std::optional<CacheError> CacheStore::completeOutboxItem(const QString &clientId)
{
    auto s = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?1"));
    s.bind(1, clientId);
    return failed(s.exec());
}

QList<CacheStore::OutboxItem> CacheStore::outbox()
{
    QList<OutboxItem> result;
    auto s = m_db.prepare(QStringLiteral("SELECT client_id, command_type, command_data, created_at,"
                                         " attempts, last_error FROM outbox ORDER BY seq"));
    while (s.step() == Step::Row) {
        OutboxItem item;
        item.clientId = s.columnText(0);
        item.commandType = s.columnText(1);
        item.commandData = QJsonDocument::fromJson(s.columnText(2).toUtf8()).object();
        item.createdAt = s.columnInt64(3);
        item.attempts = int(s.columnInt64(4));
        item.lastError = s.columnText(5);
        result.append(item);
    }
    noteReadError(s.error());
    return result;
}

std::optional<CacheError> CacheStore::markOutboxAttempt(const QString &clientId,
                                                        const QString &error)
{
    auto s = m_db.prepare(QStringLiteral(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE client_id = ?1"));
    s.bind(1, clientId).bind(2, error);
    if (auto e = s.exec())
        return failed(e);
    if (m_db.changes() == 0)
        return makeError(errc::notFound, QStringLiteral("No outbox item with that client id."));
    return std::nullopt;
}

std::optional<CacheError> CacheStore::failOutboxItem(const QString &clientId, const QString &reason)
{
    Transaction tx(m_db);
    if (auto e = tx.begin())
        return failed(e);
    qint64 touched = 0;
    {
        auto s = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?1"));
        s.bind(1, clientId);
        if (auto e = s.exec())
            return failed(e);
        touched += m_db.changes();
    }
    {
        auto s =
            m_db.prepare(QStringLiteral("UPDATE messages SET delivery = ?1, failure_reason = ?2"
                                        " WHERE client_id = ?3 AND hub_id IS NULL"));
        s.bind(1, rows::deliveryName(models::Delivery::Failed)).bind(2, reason).bind(3, clientId);
        if (auto e = s.exec())
            return failed(e);
        touched += m_db.changes();
    }
    if (touched == 0)
        return makeError(errc::notFound, QStringLiteral("No outbox item with that client id."));
    return failed(tx.commit());
}

// ---------------------------------------------------------------- history

bool CacheStore::historyFresh(qint64 customerId)
{
    auto s =
        m_db.prepare(QStringLiteral("SELECT fresh FROM customer_history WHERE customer_id = ?1"));
    s.bind(1, customerId);
    const auto r = lookupInt(s);
    noteReadError(r.error);
    return r.value.value_or(0) != 0;
}

bool CacheStore::historyComplete(qint64 customerId)
{
    auto s = m_db.prepare(
        QStringLiteral("SELECT complete FROM customer_history WHERE customer_id = ?1"));
    s.bind(1, customerId);
    const auto r = lookupInt(s);
    noteReadError(r.error);
    return r.value.value_or(0) != 0;
}

std::optional<CacheError>
CacheStore::replaceRecentHistory(qint64 customerId, const QList<models::Message> &newestFirst,
                                 bool complete)
{
    return failed(applyHistory(customerId, newestFirst, true, complete));
}

std::optional<CacheError> CacheStore::appendOlderHistory(qint64 customerId,
                                                         const QList<models::Message> &newestFirst,
                                                         bool complete)
{
    return failed(applyHistory(customerId, newestFirst, false, complete));
}

std::optional<CacheError> CacheStore::applyHistory(qint64 customerId,
                                                   const QList<models::Message> &items,
                                                   bool replace, bool complete)
{
    if (customerId <= 0)
        return invalid(QStringLiteral("History needs a customer."));
    Transaction tx(m_db);
    if (auto e = tx.begin())
        return e;
    if (replace) {
        // Only hub-confirmed rows: pending and failed echoes exist nowhere else.
        auto s = m_db.prepare(
            QStringLiteral("DELETE FROM messages WHERE customer_id = ?1 AND hub_id IS NOT NULL"));
        s.bind(1, customerId);
        if (auto e = s.exec())
            return e;
    }
    for (models::Message m : items) {
        if (m.customerId == 0)
            m.customerId = customerId;
        if (m.customerId != customerId)
            return invalid(QStringLiteral("Message %1 belongs to another customer.").arg(m.id));
        if (auto e = upsertMessage(m, SearchEntry::Now))
            return e;
    }
    {
        auto s = m_db.prepare(
            QStringLiteral("INSERT OR IGNORE INTO customer_history (customer_id) VALUES (?1)"));
        s.bind(1, customerId);
        if (auto e = s.exec())
            return e;
    }
    {
        auto s = m_db.prepare(replace ? QStringLiteral("UPDATE customer_history SET fresh = 1,"
                                                       " complete = ?2 WHERE customer_id = ?1")
                                      : QStringLiteral("UPDATE customer_history SET"
                                                       " complete = ?2 WHERE customer_id = ?1"));
        s.bind(1, customerId).bind(2, qint64(complete));
        if (auto e = s.exec())
            return e;
    }
    return tx.commit();
}

std::optional<CacheError> CacheStore::markAllHistoryStale()
{
    return failed(m_db.prepare(QStringLiteral("UPDATE customer_history SET fresh = 0")).exec());
}

// ---------------------------------------------------------------- drafts

std::optional<CacheError> CacheStore::saveDraft(const models::Draft &d)
{
    if (d.customerId <= 0)
        return makeError(errc::invalid, QStringLiteral("A draft needs a customer."));
    if (d.body.trimmed().isEmpty()) {
        auto s = m_db.prepare(QStringLiteral("DELETE FROM drafts WHERE customer_id = ?1"));
        s.bind(1, d.customerId);
        return failed(s.exec());
    }
    auto s = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO drafts (customer_id, channel, identity, subject, body, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s.bind(1, d.customerId)
        .bind(2, d.channel.isNull() ? QStringLiteral("") : d.channel)
        .bind(3, d.identity)
        .bind(4, d.subject)
        .bind(5, d.body)
        .bind(6, d.updatedAt > 0 ? d.updatedAt : QDateTime::currentMSecsSinceEpoch());
    return failed(s.exec());
}

QList<models::Draft> CacheStore::drafts()
{
    QList<models::Draft> result;
    auto s = m_db.prepare(QStringLiteral(
        "SELECT customer_id, channel, identity, subject, body, updated_at FROM drafts"
        " ORDER BY updated_at DESC"));
    while (s.step() == Step::Row) {
        models::Draft d;
        d.customerId = s.columnInt64(0);
        d.channel = s.columnText(1);
        d.identity = s.columnText(2);
        d.subject = s.columnText(3);
        d.body = s.columnText(4);
        d.updatedAt = s.columnInt64(5);
        result.append(d);
    }
    noteReadError(s.error());
    return result;
}

// ---------------------------------------------------------------- retention

std::optional<CacheError> CacheStore::forgetOlderThan(qint64 cutoffMs)
{
    Transaction tx(m_db);
    if (auto e = tx.begin())
        return failed(e);
    {
        auto s = m_db.prepare(QStringLiteral(
            "UPDATE customer_history SET complete = 0 WHERE customer_id IN"
            " (SELECT DISTINCT customer_id FROM messages WHERE at < ?1 AND hub_id IS NOT NULL"
            "  AND delivery NOT IN ('pending', 'failed'))"));
        s.bind(1, cutoffMs);
        if (auto e = s.exec())
            return failed(e);
    }
    {
        auto s =
            m_db.prepare(QStringLiteral("DELETE FROM messages WHERE at < ?1 AND hub_id IS NOT NULL"
                                        " AND delivery NOT IN ('pending', 'failed')"));
        s.bind(1, cutoffMs);
        if (auto e = s.exec())
            return failed(e);
    }
    // Their attachments and HTML go with them.
    if (auto e = forgetOrphanEmailParts())
        return failed(e);
    return failed(tx.commit());
}

// ---------------------------------------------------------------- health

CacheStore::Stats CacheStore::stats()
{
    Stats st;
    std::optional<CacheError> error;
    for (const char *table :
         {"customers", "messages", "outbox", "customer_history", "sync_state", "drafts"}) {
        auto s = m_db.prepare(QLatin1String("SELECT count(*) FROM ") + QLatin1String(table));
        const auto r = lookupInt(s);
        if (r.error && !error)
            error = r.error;
        st.rowsPerTable.insert(QLatin1String(table), r.value.value_or(0));
    }
    st.lastSeq = lastSeq();
    if (!error)
        error = m_lastError;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QFileInfo fi(m_db.path() + QLatin1String(suffix));
        if (fi.exists())
            st.fileBytes += fi.size();
    }
    st.cipherVersion = m_db.cipherVersion();
    noteReadError(error);
    return st;
}

std::optional<CacheError> CacheStore::capSizeForTesting(int extraPages)
{
    qint64 pages = 1073741823; // SQLite's own ceiling: no cap
    if (extraPages >= 0) {
        auto count = m_db.prepare(QStringLiteral("PRAGMA page_count"));
        if (count.step() != Statement::Step::Row)
            return count.error();
        pages = count.columnInt64(0) + extraPages;
    }
    auto cap = m_db.prepare(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
    if (cap.step() == Statement::Step::Error)
        return cap.error();
    return std::nullopt;
}

std::optional<CacheError> CacheStore::setReadOnlyForTesting(bool readOnly)
{
    return m_db.exec(QStringLiteral("PRAGMA query_only = %1").arg(readOnly ? 1 : 0));
}

std::optional<CacheError> CacheStore::verify()
{
    QStringList problems;
    auto collect = [&](const QString &sql, bool okIsARow) -> std::optional<CacheError> {
        auto s = m_db.prepare(sql);
        Step step;
        while ((step = s.step()) == Step::Row) {
            const QString line = s.columnText(0);
            if (!(okIsARow && line == u"ok") && problems.size() < 10)
                problems.append(line);
        }
        if (step == Step::Error)
            return s.error();
        return std::nullopt;
    };
    // 3.x has no cipher_integrity_check and silently ignores unknown pragmas.
    if (m_db.cipherMajorVersion() >= 4)
        if (auto e = collect(QStringLiteral("PRAGMA cipher_integrity_check"), false))
            return failed(makeError(errc::corrupt, e->message));
    if (auto e = collect(QStringLiteral("PRAGMA integrity_check"), true))
        return failed(e); // a damaged page fails its HMAC before integrity_check can name it
    if (!problems.isEmpty())
        return failed(makeError(
            errc::corrupt,
            QStringLiteral("The cache is damaged: %1").arg(problems.join(QLatin1String("; ")))));
    return std::nullopt;
}

} // namespace threadline::cache
