// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/search_tokens_utf8.h"

#include "services/cache/search_tokens.h"
#include "services/cache/search_word.h"

#include <QString>

#include <unicode/utf8.h>

#include <array>

namespace threadline::cache {

namespace {

constexpr char32_t kTableEnd = 0x0700;

/// A table character's folding in UTF-8, and whether it is part of a word.
struct TableEntry {
    QByteArray utf8;
    bool wordPart = false;
};

const TableEntry &tableEntry(char32_t c)
{
    static const std::array<TableEntry, kTableEnd + 4> table = [] {
        std::array<TableEntry, kTableEnd + 4> t;
        auto fill = [&t](char32_t u, size_t at) {
            t[at] = {foldedByTable(u).toUtf8(), isSearchWordPart(u)};
        };
        for (char32_t u = 0; u < kTableEnd; ++u)
            if (isFoldedByTable(u))
                fill(u, u);
        for (char32_t u = 0x200C; u <= 0x200F; ++u)
            fill(u, kTableEnd + (u - 0x200C));
        return t;
    }();
    return table[c < kTableEnd ? c : kTableEnd + (c - 0x200C)];
}


} // namespace

Utf8SearchTokens::Utf8SearchTokens(QByteArrayView text)
{
    m_folded.reserve(text.size());
    m_tokens.reserve(size_t(text.size() / 5));
    if (!tokenizeFast(text)) {
        m_folded.clear();
        m_tokens.clear();
        tokenizeSlow(text);
    }
}

bool Utf8SearchTokens::tokenizeFast(QByteArrayView text)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = begin + text.size();
    if (text.size() > INT32_MAX)
        return false; // ICU indexes with 32 bits; the exact way has no such limit
    const auto length = static_cast<int32_t>(text.size());
    int wordStart = -1;     // byte offset of the word being read
    int wordFolded = 0;     // where its folding starts in m_folded
    bool wordTabled = true; // every character so far folds through the table
    auto finishWord = [&](int wordEnd) {
        if (!wordTabled) {
            m_folded.truncate(wordFolded);
            addSlowWord(text.sliced(wordStart, wordEnd - wordStart), wordStart, wordEnd);
        } else if (m_folded.size() > wordFolded) {
            const QByteArrayView folded = QByteArrayView(m_folded).sliced(wordFolded);
            if (!folded.contains(' ')) {
                m_tokens.push_back(
                    {wordFolded, int(m_folded.size()) - wordFolded, wordStart, wordEnd});
            } else { // as searchTokens: each part of an unfolded compatibility form
                int at = wordFolded;
                for (const QByteArrayView part : QByteArray(folded.toByteArray()).split(' ')) {
                    if (!part.isEmpty())
                        m_tokens.push_back({at, int(part.size()), wordStart, wordEnd});
                    at += int(part.size()) + 1;
                }
            }
        }
        wordStart = -1;
    };
    for (const unsigned char *p = begin; p < end;) {
        const int offset = int(p - begin);
        // ICU's strict decoding: overlong forms, surrogates, code points past U+10FFFF
        // and cut-short sequences come out negative, and go the exact way instead.
        int32_t next = offset;
        UChar32 decoded;
        U8_NEXT(begin, next, length, decoded);
        p = begin + next;
        if (decoded < 0)
            return false;
        const auto c = static_cast<char32_t>(decoded);
        const bool tabled = isFoldedByTable(c);
        const bool wordPart = tabled ? tableEntry(c).wordPart : isSearchWordPart(c);
        if (!wordPart) {
            if (wordStart >= 0)
                finishWord(offset);
            continue;
        }
        if (wordStart < 0) {
            wordStart = offset;
            wordFolded = int(m_folded.size());
            wordTabled = true;
        }
        if (!tabled)
            wordTabled = false;
        else if (wordTabled)
            m_folded.append(tableEntry(c).utf8);
    }
    if (wordStart >= 0)
        finishWord(int(text.size()));
    return true;
}

void Utf8SearchTokens::addSlowWord(QByteArrayView word, int start, int end)
{
    const QString folded = foldSearchWord(QString::fromUtf8(word));
    for (const QString &part : folded.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QByteArray utf8 = part.toUtf8();
        m_tokens.push_back({int(m_folded.size()), int(utf8.size()), start, end});
        m_folded.append(utf8);
    }
}

void Utf8SearchTokens::tokenizeSlow(QByteArrayView text)
{
    // Not valid UTF-8: as SQLite's text reads in Qt (each bad sequence one U+FFFD), with
    // offsets counted in that reading's own UTF-8.
    const QString decoded = QString::fromUtf8(text);
    std::vector<int> offsets(size_t(decoded.size()) + 1, 0);
    int bytes = 0;
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        offsets[size_t(i)] = bytes;
        const char16_t c = decoded[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < decoded.size() &&
            decoded[i + 1].isLowSurrogate()) {
            offsets[size_t(i) + 1] = bytes; // a token never starts between the halves
            bytes += 4;
            ++i;
            continue;
        }
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    offsets[size_t(decoded.size())] = bytes;
    for (const SearchToken &t : searchTokens(decoded)) {
        const QByteArray utf8 = t.folded.toUtf8();
        m_tokens.push_back({int(m_folded.size()), int(utf8.size()), offsets[size_t(t.start)],
                            offsets[size_t(t.end)]});
        m_folded.append(utf8);
    }
}

} // namespace threadline::cache
