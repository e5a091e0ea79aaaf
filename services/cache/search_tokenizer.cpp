// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/search_tokenizer.h"

#include "services/cache/search_tokens_utf8.h"

#include <sqlcipher/sqlite3.h>

#include <QByteArrayView>

// The FTS3/4 tokenizer interface (sqlite's fts3_tokenizer.h, which Debian does
// not install). Stable since SQLite 3.6; version 0 has no language ids.
extern "C" {
struct sqlite3_tokenizer_module;
struct sqlite3_tokenizer {
    const sqlite3_tokenizer_module *pModule;
};
struct sqlite3_tokenizer_cursor {
    sqlite3_tokenizer *pTokenizer;
};
struct sqlite3_tokenizer_module {
    int iVersion;
    int (*xCreate)(int argc, const char *const *argv, sqlite3_tokenizer **ppTokenizer);
    int (*xDestroy)(sqlite3_tokenizer *pTokenizer);
    int (*xOpen)(sqlite3_tokenizer *pTokenizer, const char *pInput, int nBytes,
                 sqlite3_tokenizer_cursor **ppCursor);
    int (*xClose)(sqlite3_tokenizer_cursor *pCursor);
    int (*xNext)(sqlite3_tokenizer_cursor *pCursor, const char **ppToken, int *pnBytes,
                 int *piStartOffset, int *piEndOffset, int *piPosition);
    int (*xLanguageid)(sqlite3_tokenizer_cursor *pCsr, int iLangid);
};
}

namespace threadline::cache {

namespace {

struct Cursor {
    sqlite3_tokenizer_cursor base; // first: FTS sees only this part
    explicit Cursor(QByteArrayView text) : words(text) {}
    Utf8SearchTokens words;
    size_t next = 0;
};

int create(int, const char *const *, sqlite3_tokenizer **out)
{
    *out = new sqlite3_tokenizer{};
    return SQLITE_OK;
}

int destroy(sqlite3_tokenizer *tokenizer)
{
    delete tokenizer;
    return SQLITE_OK;
}

int open(sqlite3_tokenizer *, const char *input, int bytes, sqlite3_tokenizer_cursor **out)
{
    auto *cursor = new Cursor(QByteArrayView(input, bytes < 0 ? qsizetype(qstrlen(input)) : bytes));
    *out = &cursor->base;
    return SQLITE_OK;
}

int close(sqlite3_tokenizer_cursor *base)
{
    delete reinterpret_cast<Cursor *>(base);
    return SQLITE_OK;
}

int next(sqlite3_tokenizer_cursor *base, const char **token, int *tokenBytes, int *startOffset,
         int *endOffset, int *position)
{
    auto *cursor = reinterpret_cast<Cursor *>(base);
    const auto &tokens = cursor->words.tokens();
    if (cursor->next >= tokens.size())
        return SQLITE_DONE;
    const Utf8SearchTokens::Token &t = tokens[cursor->next];
    *token = cursor->words.folded().constData() + t.at;
    *tokenBytes = t.size;
    *startOffset = t.start;
    *endOffset = t.end;
    *position = int(cursor->next);
    ++cursor->next;
    return SQLITE_OK;
}

const sqlite3_tokenizer_module kModule = {0, create, destroy, open, close, next, nullptr};

} // namespace

int registerSearchTokenizer(sqlite3 *db)
{
    // Since SQLite 3.11 fts3_tokenizer() with a pointer argument is off by default.
    int enabled = 0;
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 1, &enabled);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *stmt = nullptr;
    rc = sqlite3_prepare_v2(db, "SELECT fts3_tokenizer('threadline', ?1)", -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return rc;
    const sqlite3_tokenizer_module *module = &kModule;
    sqlite3_bind_blob(stmt, 1, &module, sizeof(module), SQLITE_STATIC);
    rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

} // namespace threadline::cache
