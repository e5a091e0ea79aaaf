// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/search_tokenizer.h"

#include "services/cache/search_tokens.h"

#include <sqlcipher/sqlite3.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

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
    struct Token {
        QByteArray utf8;
        int startByte;
        int endByte;
    };
    std::vector<Token> tokens;
    size_t next = 0;
};

/// The UTF-8 byte offset of every UTF-16 position of @p text (and of its end).
std::vector<int> byteOffsets(const QString &text)
{
    std::vector<int> offsets(size_t(text.size()) + 1, 0);
    int bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        offsets[size_t(i)] = bytes;
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            offsets[size_t(i) + 1] = bytes; // a token never starts between the halves
            bytes += 4;
            ++i;
            continue;
        }
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    offsets[size_t(text.size())] = bytes;
    return offsets;
}

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
    auto *cursor = new Cursor{};
    const QString text = QString::fromUtf8(input, bytes < 0 ? qsizetype(qstrlen(input)) : bytes);
    const std::vector<int> offsets = byteOffsets(text);
    const QList<SearchToken> tokens = searchTokens(text);
    cursor->tokens.reserve(size_t(tokens.size()));
    for (const SearchToken &t : tokens)
        cursor->tokens.push_back(
            {t.folded.toUtf8(), offsets[size_t(t.start)], offsets[size_t(t.end)]});
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
    if (cursor->next >= cursor->tokens.size())
        return SQLITE_DONE;
    const Cursor::Token &t = cursor->tokens[cursor->next];
    *token = t.utf8.constData();
    *tokenBytes = int(t.utf8.size());
    *startOffset = t.startByte;
    *endOffset = t.endByte;
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
