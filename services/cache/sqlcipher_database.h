// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/cache_error.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace threadline::cache {

class Database;

/// One prepared statement borrowed from the database's cache. Resets itself and
/// clears its bindings when it goes out of scope, so the next user starts clean.
/// Errors are sticky: after the first one, step() returns Step::Error and error()
/// says why. Bind indexes start at 1, column indexes at 0 (as in SQLite).
class Statement {
public:
    enum class Step { Row, Done, Error };

    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, const QString &utf8Text); ///< a null QString binds NULL
    Statement &bindBlob(int index, const QByteArray &bytes);
    Statement &bindNull(int index);

    Step step();
    /// Steps until done (for statements that return no rows).
    std::optional<CacheError> exec();
    void reset();

    bool isNull(int column) const;
    qint64 columnInt64(int column) const;
    QString columnText(int column) const; ///< decoded from UTF-8
    QByteArray columnBlob(int column) const;

    const std::optional<CacheError> &error() const { return m_error; }
    /// The SQLite result code behind error() (extended codes on), 0 without one.
    int resultCode() const { return m_rc; }

private:
    friend class Database;
    Statement(sqlite3 *db, sqlite3_stmt *stmt, bool *inUse, bool owned, int prepareRc);
    void noteBind(int rc);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool *m_inUse = nullptr; ///< the cache's flag, or null for an uncached statement
    bool m_owned = false;    ///< finalize instead of returning to the cache
    int m_rc = 0;
    std::optional<CacheError> m_error;
};

/// An open, keyed SQLCipher database (C API, never Qt Sql). Move-only; closes
/// itself. Owned and used by one thread.
class Database {
public:
    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    /// Opens (or creates) the file at `path` with a raw 256-bit key, sets the
    /// cipher parameters, proves the key by reading the schema, and switches to
    /// WAL. Error codes: bad_key, wrong_key, corrupt, io, busy.
    static std::variant<Database, CacheError> open(const QString &path, const QByteArray &rawKey32);

    bool isOpen() const { return m_db != nullptr; }
    const QString &path() const { return m_path; }

    /// Runs one or more statements that return nothing worth reading.
    std::optional<CacheError> exec(const QString &sql);
    /// A statement from the cache (prepared once per SQL text). If that text is
    /// already borrowed (a nested use), a private statement is prepared instead.
    Statement prepare(const QString &sql);

    std::variant<qint64, CacheError> userVersion();
    std::optional<CacheError> setUserVersion(qint64 version);
    /// PRAGMA cipher_version, e.g. "3.4.1" or "4.5.2 community".
    QString cipherVersion();
    /// The major version of cipherVersion(), 0 when unknown.
    int cipherMajorVersion();

    qint64 changes() const;
    qint64 lastInsertRowId() const;

    /// The error for an SQLite result code, with the connection's message.
    CacheError errorFor(int rc) const;

    /// A passive checkpoint: copies what it can of the write-ahead log into the file
    /// without waiting for any other connection.
    std::optional<CacheError> checkpoint();
    /// Called after each commit with the pages in the log (sqlite3_wal_hook); null
    /// gives the hook back to SQLite's autocheckpoint at 1,000 pages.
    using WalCommitHook = int (*)(void *context, sqlite3 *db, const char *name, int logPages);
    void setWalCommitHook(WalCommitHook hook, void *context);

private:
    struct CachedStatement;
    void close();

    sqlite3 *m_db = nullptr;
    QString m_path;
    // Keyed by the SQL as written: looking a hot statement up must not convert its
    // text to UTF-8 on every use (ingest prepares several per message).
    std::unordered_map<QString, std::unique_ptr<CachedStatement>> m_statements;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database &db);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    std::optional<CacheError> begin();
    std::optional<CacheError> commit();
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
};

/// Maps an SQLite result code to a stable cache error code.
QStringView errorCodeForSqlite(int rc);

} // namespace threadline::cache
