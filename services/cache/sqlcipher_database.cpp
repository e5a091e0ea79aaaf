// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/sqlcipher_database.h"

#include "services/cache/cipher_provider.h"
#include "services/cache/search_tokenizer.h"

#include <QFile>
#include <QFileInfo>

#ifndef SQLITE_HAS_CODEC
#define SQLITE_HAS_CODEC 1
#endif
#include <sqlcipher/sqlite3.h>

#include <cstring>

namespace threadline::cache {

namespace {

constexpr int kPageSize = 4096;
// The 3.x defaults, pinned so that a file written by Debian 12's SQLCipher 3.4.1
// still opens when the system moves to 4.x (whose defaults differ). The HMAC and
// KDF algorithm pragmas are silently ignored by 3.x, where these are the only choice.
constexpr auto kCipherSettings = "PRAGMA cipher_page_size = 4096;"
                                 "PRAGMA kdf_iter = 64000;"
                                 "PRAGMA cipher_hmac_algorithm = HMAC_SHA1;"
                                 "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA1;";

QString sqliteMessage(sqlite3 *db, int rc)
{
    if (db)
        return QString::fromUtf8(sqlite3_errmsg(db));
    return QString::fromUtf8(sqlite3_errstr(rc));
}

/// Cheap checks that tell a damaged or foreign file from one that merely needs
/// another key. A SQLCipher file has no plain header and is whole pages long.
std::optional<CacheError> inspectExistingFile(const QString &path)
{
    QFile f(path);
    if (!f.exists() || f.size() == 0)
        return std::nullopt; // a new cache
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::io,
                         QStringLiteral("The cache file cannot be read: %1").arg(f.errorString()));
    const QByteArray head = f.read(16);
    if (head == QByteArray("SQLite format 3\0", 16))
        return makeError(
            errc::corrupt,
            QStringLiteral(
                "The cache file is an unencrypted SQLite database, not a Threadline cache."));
    if (f.size() < kPageSize || f.size() % kPageSize != 0)
        return makeError(
            errc::corrupt,
            QStringLiteral("The cache file is truncated or is not a database (%1 bytes).")
                .arg(f.size()));
    return std::nullopt;
}

} // namespace

QStringView errorCodeForSqlite(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
        return errc::corrupt;
    // Full and read-only are told apart: the desktop says which, and both
    // heal by themselves once there is room or the folder is writable again.
    case SQLITE_FULL:
        return errc::diskFull;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return errc::readOnly;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_NOLFS:
        return errc::io;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return errc::busy;
    case SQLITE_CONSTRAINT:
        return errc::constraint;
    default:
        return errc::sql;
    }
}

// ---------------------------------------------------------------- Statement

struct Database::CachedStatement {
    sqlite3_stmt *stmt = nullptr;
    bool inUse = false;
};

Statement::Statement(sqlite3 *db, sqlite3_stmt *stmt, bool *inUse, bool owned, int prepareRc)
    : m_db(db), m_stmt(stmt), m_inUse(inUse), m_owned(owned), m_rc(prepareRc)
{
    if (m_inUse)
        *m_inUse = true;
    if (prepareRc != SQLITE_OK) // preparing reads the schema: a wrong key shows up here
        m_error = makeError(errorCodeForSqlite(prepareRc), sqliteMessage(m_db, prepareRc));
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_inUse(other.m_inUse), m_owned(other.m_owned),
      m_rc(other.m_rc), m_error(std::move(other.m_error))
{
    other.m_stmt = nullptr;
    other.m_inUse = nullptr;
    other.m_owned = false;
}

Statement::~Statement()
{
    if (!m_stmt)
        return;
    if (m_owned) {
        sqlite3_finalize(m_stmt);
    } else {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    if (m_inUse)
        *m_inUse = false;
}

void Statement::noteBind(int rc)
{
    if (rc != SQLITE_OK && !m_error) {
        m_rc = rc;
        m_error = makeError(errorCodeForSqlite(rc), sqliteMessage(m_db, rc));
    }
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        noteBind(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, const QString &utf8Text)
{
    if (!m_stmt)
        return *this;
    if (utf8Text.isNull())
        return bindNull(index);
    const QByteArray bytes = utf8Text.toUtf8();
    noteBind(
        sqlite3_bind_text(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &bytes)
{
    if (m_stmt)
        noteBind(sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()),
                                   SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt)
        noteBind(sqlite3_bind_null(m_stmt, index));
    return *this;
}

Statement::Step Statement::step()
{
    if (!m_stmt || m_error)
        return Step::Error;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return Step::Row;
    if (rc == SQLITE_DONE)
        return Step::Done;
    // sqlite3_step (v2 interface) returns the specific code directly.
    m_rc = rc;
    if ((rc & 0xff) == SQLITE_ERROR &&
        std::strcmp(sqlite3_errmsg(m_db), sqlite3_errstr(SQLITE_ERROR)) == 0) {
        // SQLCipher 3.x reports a page that fails decryption or its HMAC (past
        // page 1) as a bare SQLITE_ERROR with the generic text; SQL mistakes
        // carry a specific message and mostly fail at prepare time anyway.
        m_error =
            makeError(errc::corrupt, QStringLiteral("A page of the cache could not be "
                                                    "decrypted or failed its integrity check."));
        return Step::Error;
    }
    m_error = makeError(errorCodeForSqlite(rc), sqliteMessage(m_db, rc));
    return Step::Error;
}

std::optional<CacheError> Statement::exec()
{
    Step s;
    while ((s = step()) == Step::Row) {
    }
    std::optional<CacheError> result = m_error;
    reset();
    return result;
}

void Statement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    // Errors are tied to one execution; a reset statement can be used again.
    m_error.reset();
    m_rc = SQLITE_OK;
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return {};
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::columnBlob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

// ---------------------------------------------------------------- Database

Database::Database(Database &&other) noexcept
    : m_db(other.m_db), m_path(std::move(other.m_path)), m_statements(std::move(other.m_statements))
{
    other.m_db = nullptr;
    other.m_statements.clear();
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        m_statements = std::move(other.m_statements);
        other.m_db = nullptr;
        other.m_statements.clear();
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    for (auto &[sql, cached] : m_statements)
        sqlite3_finalize(cached->stmt);
    m_statements.clear();
    if (m_db) {
        // v2: if a borrowed statement is still alive the close completes when it is finalized.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

std::variant<Database, CacheError> Database::open(const QString &path, const QByteArray &rawKey32)
{
    if (rawKey32.size() != 32)
        return makeError(
            errc::badKey,
            QStringLiteral("The cache key must be 32 bytes, got %1.").arg(rawKey32.size()));
    if (auto damaged = inspectExistingFile(path))
        return *damaged;

    installCipherProvider(); // before the key activates SQLCipher's codec on this connection
    Database db;
    db.m_path = path;
    const QByteArray nativePath = QFile::encodeName(path);
    int rc =
        sqlite3_open_v2(nativePath.constData(), &db.m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        CacheError e = makeError(
            errc::io,
            QStringLiteral("The cache file cannot be opened: %1").arg(sqliteMessage(db.m_db, rc)));
        return e;
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    sqlite3_busy_timeout(db.m_db, 3000);

    {
        // A raw key: no key derivation at open. Wipe every copy of the hex text.
        QByteArray hex = rawKey32.toHex();
        QByteArray sql = QByteArrayLiteral("PRAGMA key = \"x'") + hex + QByteArrayLiteral("'\";");
        rc = sqlite3_exec(db.m_db, sql.constData(), nullptr, nullptr, nullptr);
        std::memset(hex.data(), 0, size_t(hex.size()));
        std::memset(sql.data(), 0, size_t(sql.size()));
        if (rc != SQLITE_OK)
            return makeError(
                errc::sql,
                QStringLiteral("The cache refused the key: %1").arg(sqliteMessage(db.m_db, rc)));
    }
    // Must be repeated on every open, before the first read.
    rc = sqlite3_exec(db.m_db, kCipherSettings, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return db.errorFor(rc);

    // A wrong key is not noticed until the first read, which fails with NOTADB.
    {
        Statement probe = db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master"));
        if (probe.step() == Statement::Step::Error) {
            CacheError e = *probe.error();
            if ((probe.resultCode() & 0xff) == SQLITE_NOTADB) {
                e = makeError(errc::wrongKey,
                              QStringLiteral("The cache cannot be read with this key (the key "
                                             "changed, or the file is not a Threadline cache)."));
            }
            return e;
        }
    }

    // The search index's triggers tokenize on every write to messages.
    if (rc = registerSearchTokenizer(db.m_db); rc != SQLITE_OK)
        return db.errorFor(rc);

    {
        Statement wal = db.prepare(QStringLiteral("PRAGMA journal_mode = WAL"));
        if (wal.step() != Statement::Step::Row)
            return wal.error().value_or(makeError(errc::sql, QStringLiteral("No journal mode.")));
        if (wal.columnText(0).compare(u"wal", Qt::CaseInsensitive) != 0)
            return makeError(errc::io,
                             QStringLiteral("The cache cannot use write-ahead logging here (%1).")
                                 .arg(wal.columnText(0)));
    }
    // NORMAL is crash-safe in WAL mode; after a power cut the last commits may be
    // lost, and the hub replays them from the stored sequence number.
    // 16 MiB of page cache: a batch of 1,000 new messages changes about 750 pages
    // (3 MiB); with SQLite's default 2 MiB the pager spills them to the WAL before the
    // commit, encrypting and writing pages that change again in the same batch
    // (bench_ingest: cache write -10%). The cache fills only with pages read or written.
    if (auto e =
            db.exec(QStringLiteral("PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;"
                                   " PRAGMA cache_size = -16384;")))
        return *e;
    return db;
}

std::optional<CacheError> Database::checkpoint()
{
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                             nullptr);
    if (rc == SQLITE_OK || rc == SQLITE_BUSY) // busy: another checkpoint is running
        return std::nullopt;
    return errorFor(rc);
}

void Database::setWalCommitHook(WalCommitHook hook, void *context)
{
    if (hook)
        sqlite3_wal_hook(m_db, hook, context);
    else
        sqlite3_wal_autocheckpoint(m_db, 1000); // SQLite's default
}

std::optional<CacheError> Database::exec(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return errorFor(rc);
    return std::nullopt;
}

Statement Database::prepare(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end() && !it->second->inUse)
        return Statement(m_db, it->second->stmt, &it->second->inUse, false, SQLITE_OK);

    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return Statement(m_db, nullptr, nullptr, false, rc);
    }
    if (it != m_statements.end()) // nested use of the same text: a private copy
        return Statement(m_db, stmt, nullptr, true, SQLITE_OK);
    auto cached = std::make_unique<CachedStatement>();
    cached->stmt = stmt;
    bool *inUse = &cached->inUse;
    m_statements.emplace(sql, std::move(cached));
    return Statement(m_db, stmt, inUse, false, SQLITE_OK);
}

std::variant<qint64, CacheError> Database::userVersion()
{
    Statement s = prepare(QStringLiteral("PRAGMA user_version"));
    if (s.step() != Statement::Step::Row)
        return s.error().value_or(makeError(errc::sql, QStringLiteral("No user_version.")));
    return s.columnInt64(0);
}

std::optional<CacheError> Database::setUserVersion(qint64 version)
{
    // PRAGMA takes no bound parameters; the value is a number we produced.
    return exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

QString Database::cipherVersion()
{
    Statement s = prepare(QStringLiteral("PRAGMA cipher_version"));
    if (s.step() != Statement::Step::Row)
        return {};
    return s.columnText(0);
}

int Database::cipherMajorVersion()
{
    const QString v = cipherVersion();
    return v.section(QLatin1Char('.'), 0, 0).toInt();
}

qint64 Database::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

CacheError Database::errorFor(int rc) const
{
    return makeError(errorCodeForSqlite(rc), sqliteMessage(m_db, rc));
}

// ---------------------------------------------------------------- Transaction

Transaction::Transaction(Database &db) : m_db(db) {}

Transaction::~Transaction()
{
    rollback();
}

std::optional<CacheError> Transaction::begin()
{
    if (auto e = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return e;
    m_active = true;
    return std::nullopt;
}

std::optional<CacheError> Transaction::commit()
{
    if (!m_active)
        return makeError(errc::sql, QStringLiteral("Commit without a transaction."));
    if (auto e = m_db.exec(QStringLiteral("COMMIT"))) {
        rollback();
        return e;
    }
    m_active = false;
    return std::nullopt;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // SQLite may already have rolled back on its own (e.g. disk full); then this
    // fails harmlessly.
    m_db.exec(QStringLiteral("ROLLBACK"));
}

} // namespace threadline::cache
