// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/search_tokens.h"

#include "services/cache/search_word.h"

#include <algorithm>

namespace threadline::cache {

namespace {

void appendWord(QList<SearchToken> &out, QStringView text, int start, int end)
{
    QString folded = foldSearchWord(text.mid(start, end - start));
    if (!folded.contains(QLatin1Char(' '))) { // nearly every word: no list to split into
        if (!folded.isEmpty())
            out.append({std::move(folded), start, end});
        return;
    }
    // A compatibility form may unfold into several words (ﷲ, ㍿); each is a token.
    for (const QString &part : folded.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out.append({part, start, end});
}

} // namespace

QList<SearchToken> searchTokens(QStringView text)
{
    QList<SearchToken> out;
    int wordStart = -1;
    const int n = int(text.size());
    for (int i = 0; i < n;) {
        char32_t c = text[i].unicode();
        int width = 1;
        if (text[i].isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            width = 2;
        }
        if (isSearchWordPart(c)) {
            if (wordStart < 0)
                wordStart = i;
        } else if (wordStart >= 0) {
            appendWord(out, text, wordStart, i);
            wordStart = -1;
        }
        i += width;
    }
    if (wordStart >= 0)
        appendWord(out, text, wordStart, n);
    return out;
}

QString matchExpression(QStringView query)
{
    // Words followed by a space are finished: matched whole, which the index answers
    // from one term's list. Only the word still being typed is a prefix, because a
    // prefix of a common word or number reads the lists of every term it starts.
    const QList<SearchToken> tokens = searchTokens(query);
    const bool lastIsOpen = !query.isEmpty() && !query.back().isSpace();
    QStringList phrases;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const bool prefix = i == tokens.size() - 1 && lastIsOpen;
        phrases.append(QLatin1Char('"') + tokens.at(i).folded +
                       (prefix ? QLatin1String("*\"") : QLatin1String("\"")));
    }
    phrases.removeDuplicates();
    return phrases.join(QLatin1Char(' '));
}

QList<models::TextRange> matchRanges(QStringView text, QStringView query)
{
    const QList<SearchToken> wanted = searchTokens(query);
    QList<models::TextRange> ranges;
    if (wanted.isEmpty())
        return ranges;
    for (const SearchToken &t : searchTokens(text)) {
        const bool hit = std::any_of(wanted.begin(), wanted.end(), [&](const SearchToken &w) {
            return t.folded.startsWith(w.folded);
        });
        // A word folded into several tokens is marked once.
        if (hit && (ranges.isEmpty() || ranges.constLast().start != t.start))
            ranges.append({t.start, t.end - t.start});
    }
    return ranges;
}

Snippet makeSnippet(QStringView text, QStringView query, int maxChars)
{
    QString flat = text.toString();
    for (QChar &c : flat)
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    const QList<models::TextRange> all = matchRanges(flat, query);
    constexpr int kLeadChars = 30; // context before the first match
    int from = 0;
    if (!all.isEmpty() && all.first().start > kLeadChars && flat.size() > maxChars) {
        from = all.first().start - kLeadChars;
        // Start at a word, and never between the halves of a surrogate pair.
        const int space = int(flat.indexOf(QLatin1Char(' '), from));
        if (space >= 0 && space < all.first().start)
            from = space + 1;
        else if (flat[from].isLowSurrogate())
            ++from;
    }
    int to = std::min(int(flat.size()), from + maxChars);
    if (to < flat.size() && to > 0 && flat[to - 1].isHighSurrogate())
        --to;
    Snippet s;
    const QString lead = from > 0 ? QStringLiteral("…") : QString();
    s.text =
        lead + flat.mid(from, to - from) + (to < flat.size() ? QStringLiteral("…") : QString());
    for (const models::TextRange &r : all) {
        if (r.start < from || r.start >= to)
            continue;
        const int end = std::min(r.start + r.length, to);
        s.highlights.append({int(lead.size()) + r.start - from, end - r.start});
    }
    return s;
}

} // namespace threadline::cache
