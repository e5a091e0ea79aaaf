// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/search_hit.h"

#include <QList>
#include <QString>

namespace threadline::cache {

/// A word of text as search sees it: folded (services/text foldForSearch) and
/// where it stands in the original, in UTF-16 positions [start, end).
struct SearchToken {
    QString folded;
    int start = 0;
    int end = 0;
};

/// Splits text into words — letters, digits and marks, with ZWNJ, ZWJ and tatweel
/// kept inside the word they join — and folds each. The cache's FTS4 tokenizer,
/// the query and the highlighting all use this one function, so what is found is
/// exactly what is marked.
QList<SearchToken> searchTokens(QStringView text);

/// The FTS4 MATCH expression for what the agent typed: every word must occur, the
/// last one (still being typed) as the start of a word («کتاب» finds «کتاب‌ها»).
/// Empty when there is no word.
/// Quoted, so nothing the agent types is read as an FTS operator.
QString matchExpression(QStringView query);

/// Where the query's words start words of @p text.
QList<models::TextRange> matchRanges(QStringView text, QStringView query);

/// About @p maxChars of @p text around its first match (line breaks as spaces),
/// with the matches marked in the excerpt.
struct Snippet {
    QString text;
    QList<models::TextRange> highlights;
};
Snippet makeSnippet(QStringView text, QStringView query, int maxChars = 120);

} // namespace threadline::cache
