// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct sqlite3;

namespace threadline::cache {

/// Registers the FTS4 tokenizer "threadline" on a connection: words as
/// searchTokens() splits them, folded, with their byte offsets in the original
/// text. Every connection that writes messages needs it (the index triggers use
/// it), so Database::open registers it. Returns an SQLite result code.
int registerSearchTokenizer(sqlite3 *db);

} // namespace threadline::cache
