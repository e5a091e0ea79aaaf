// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/migrations.h"

#include "services/cache/sqlcipher_database.h"

#include <QStringList>

#include <variant>

namespace threadline::cache {

namespace {

// Step N takes the schema from version N-1 to N. Never edit a released step;
// add a new one. SQLite 3.15: no UPSERT, no JSON1, no window functions.
const QStringList &steps()
{
    static const QStringList all = {
        // 1: customers, their threads and the sync position.
        QStringLiteral(
            "CREATE TABLE customers ("
            " id INTEGER PRIMARY KEY," // hub id
            " name TEXT,"
            " identities TEXT," // JSON array of {kind, value}
            " status TEXT, assignee TEXT,"
            " last_at INTEGER NOT NULL DEFAULT 0,"
            " last_channel TEXT, last_direction TEXT, last_preview TEXT,"
            " item_count INTEGER NOT NULL DEFAULT 0,"
            " unread INTEGER NOT NULL DEFAULT 0);"
            "CREATE INDEX customers_by_last_at ON customers(last_at, id);"
            "CREATE TABLE messages ("
            " row INTEGER PRIMARY KEY," // local row; with sort_at orders a thread
            " hub_id INTEGER,"          // NULL while a local echo is unconfirmed
            " client_id TEXT,"
            " customer_id INTEGER NOT NULL,"
            " channel TEXT, direction TEXT, author TEXT, identity TEXT,"
            " subject TEXT, body TEXT, quoted TEXT,"
            " at INTEGER NOT NULL,"      // the hub's time (or the echo's, until confirmed)
            " sort_at INTEGER NOT NULL," // position in the thread; kept when an echo is confirmed
            " delivery TEXT NOT NULL,"   // received, pending, queued, sent, delivered, failed
            " failure_reason TEXT,"
            " meta TEXT);" // JSON object
            "CREATE UNIQUE INDEX messages_by_hub_id ON messages(hub_id);"
            "CREATE UNIQUE INDEX messages_by_client_id ON messages(client_id);"
            "CREATE INDEX messages_by_thread ON messages(customer_id, sort_at, row);"
            "CREATE TABLE sync_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL);"),
        // 2: the outbox of commands written here, and per-customer history bookkeeping.
        QStringLiteral("CREATE TABLE outbox ("
                       " seq INTEGER PRIMARY KEY," // insertion order
                       " client_id TEXT NOT NULL UNIQUE,"
                       " command_type TEXT NOT NULL,"
                       " command_data TEXT NOT NULL," // JSON object
                       " created_at INTEGER NOT NULL,"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " last_error TEXT);"
                       "CREATE TABLE customer_history ("
                       " customer_id INTEGER PRIMARY KEY,"
                       " fresh INTEGER NOT NULL DEFAULT 0,"
                       " complete INTEGER NOT NULL DEFAULT 0);"),
        // 3: drafts per customer, so a half-written reply survives a restart.
        QStringLiteral("CREATE TABLE drafts ("
                       " customer_id INTEGER PRIMARY KEY,"
                       " channel TEXT NOT NULL,"
                       " identity TEXT,"
                       " subject TEXT,"
                       " body TEXT NOT NULL,"
                       " updated_at INTEGER NOT NULL);"),
        // 4: how the conversation is being worked: queue, labels, waiting, snooze.
        QStringLiteral("ALTER TABLE customers ADD COLUMN queue TEXT;"
                       "ALTER TABLE customers ADD COLUMN labels TEXT;"
                       "ALTER TABLE customers ADD COLUMN waiting_since INTEGER NOT NULL DEFAULT 0;"
                       "ALTER TABLE customers ADD COLUMN snooze_until INTEGER NOT NULL DEFAULT 0;"),
        // 5: full-text search. Messages: an external-content FTS4 index (the text
        // stays only in messages), tokenized and folded by the "threadline"
        // tokenizer (search_tokenizer.cpp), kept in step by triggers on every
        // path that writes messages. Customers: name and identity values, written
        // by CacheStore (identities are JSON, which SQLite 3.15 cannot take apart).
        QStringLiteral(
            "CREATE VIRTUAL TABLE message_search USING fts4("
            " content=\"messages\", subject, body, tokenize=threadline);"
            "INSERT INTO message_search(message_search) VALUES ('rebuild');"
            "CREATE TRIGGER message_search_before_delete BEFORE DELETE ON messages BEGIN"
            " DELETE FROM message_search WHERE docid = old.row; END;"
            "CREATE TRIGGER message_search_before_update BEFORE UPDATE OF subject, body"
            " ON messages BEGIN DELETE FROM message_search WHERE docid = old.row; END;"
            "CREATE TRIGGER message_search_after_update AFTER UPDATE OF subject, body"
            " ON messages BEGIN INSERT INTO message_search (docid, subject, body)"
            " VALUES (new.row, new.subject, new.body); END;"
            "CREATE TRIGGER message_search_after_insert AFTER INSERT ON messages BEGIN"
            " INSERT INTO message_search (docid, subject, body)"
            " VALUES (new.row, new.subject, new.body); END;"
            "CREATE VIRTUAL TABLE customer_search USING fts4("
            " name, identities, tokenize=threadline);"
            "INSERT INTO sync_state (name, value) VALUES ('customer_search_stale', 1);"),
        // 6: what emails brought besides their text, kept (encrypted like the rest) so
        // saving an attachment or showing the original formatting works offline. `part`
        // is the attachment's index, -1 for the sanitised HTML; `message_id` the hub's.
        // Dropped with their messages by retention (CacheStore::forgetOlderThan).
        QStringLiteral("CREATE TABLE email_parts ("
                       " message_id INTEGER NOT NULL,"
                       " part INTEGER NOT NULL,"
                       " bytes BLOB NOT NULL,"
                       " PRIMARY KEY (message_id, part));"),
        // 7: the shared canned responses as the hub last told them (canned.list, then
        // canned.upserted / canned.deleted), so "/" offers them before the hub answers
        // and a colleague's change shows at once. `data` is the hub's JSON object.
        QStringLiteral("CREATE TABLE canned_responses ("
                       " id INTEGER PRIMARY KEY," // hub id
                       " language TEXT NOT NULL,"
                       " title TEXT NOT NULL,"
                       " data TEXT NOT NULL);"),
        // 8: new messages are added to the search index by CacheStore::insertMessage,
        // not by a trigger: with the trigger every insert needed a statement journal,
        // and FTS4 writes its pending terms out as a segment at each one, so ingest
        // wrote (and merged) one index segment per message. Edits and deletes keep
        // their triggers (they are rare, and need the old text still in the row).
        QStringLiteral("DROP TRIGGER message_search_after_insert;"),
        // 9: a burst of new messages (a replay after a night offline) is stored first
        // and added to the search index when the burst is over: the rows waiting are
        // listed in search_pending (CacheStore::indexPendingSearch). The edit and
        // delete triggers leave a waiting row's index entry alone (it has none yet);
        // when it is indexed, its text is read as it is then.
        QStringLiteral(
            "CREATE TABLE search_pending (row INTEGER PRIMARY KEY);"
            "DROP TRIGGER message_search_before_delete;"
            "DROP TRIGGER message_search_before_update;"
            "DROP TRIGGER message_search_after_update;"
            "CREATE TRIGGER message_search_before_delete BEFORE DELETE ON messages"
            " WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE row = old.row) BEGIN"
            " DELETE FROM message_search WHERE docid = old.row; END;"
            "CREATE TRIGGER search_pending_after_delete AFTER DELETE ON messages BEGIN"
            " DELETE FROM search_pending WHERE row = old.row; END;"
            "CREATE TRIGGER message_search_before_update BEFORE UPDATE OF subject, body"
            " ON messages WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE row = old.row)"
            " BEGIN DELETE FROM message_search WHERE docid = old.row; END;"
            "CREATE TRIGGER message_search_after_update AFTER UPDATE OF subject, body"
            " ON messages WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE row = new.row)"
            " BEGIN INSERT INTO message_search (docid, subject, body)"
            " VALUES (new.row, new.subject, new.body); END;"),
    };
    return all;
}

} // namespace

int latestSchemaVersion()
{
    return int(steps().size());
}

std::optional<CacheError> migrate(Database &db, int target)
{
    auto current = db.userVersion();
    if (auto *e = std::get_if<CacheError>(&current))
        return *e;
    const qint64 from = std::get<qint64>(current);
    if (from > latestSchemaVersion())
        return makeError(errc::newerSchema,
                         QStringLiteral("The cache was written by a newer Threadline (schema %1; "
                                        "this build knows %2).")
                             .arg(from)
                             .arg(latestSchemaVersion()));
    for (qint64 version = from + 1; version <= target; ++version) {
        Transaction tx(db);
        if (auto e = tx.begin())
            return e;
        if (auto e = db.exec(steps().at(version - 1)))
            return e;
        if (auto e = db.setUserVersion(version)) // transactional: lives in the file header
            return e;
        if (auto e = tx.commit())
            return e;
    }
    return std::nullopt;
}

} // namespace threadline::cache
