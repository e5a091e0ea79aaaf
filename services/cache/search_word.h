// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace threadline::cache {

/// What makes a word for search: letters, digits and marks, with ZWNJ, ZWJ and tatweel
/// kept inside the word they join. Shared by searchTokens() and Utf8SearchTokens.
bool isSearchWordPart(char32_t c);

/// Whether `c` folds on its own, through a table: ASCII and the Arabic block (Persian and
/// Arabic as typed on any keyboard), with ZWNJ, ZWJ, LRM and RLM. foldForSearch
/// normalises a whole string (NFKD, NFKC, case folding): correct for any script, and slow.
/// For these characters folding a word is folding each character on its own — nothing
/// there recomposes with a neighbour once the marks are dropped.
bool isFoldedByTable(char32_t c);
/// foldForSearch of `c` alone; only for isFoldedByTable characters.
const QString &foldedByTable(char32_t c);

/// A word folded for search: through the table when every character is in it, else by
/// foldForSearch. May hold spaces when a compatibility form unfolds into several words.
QString foldSearchWord(QStringView word);

} // namespace threadline::cache
