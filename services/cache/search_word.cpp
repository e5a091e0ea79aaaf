// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/search_word.h"

#include "services/text/search_folding.h"

#include <QChar>

#include <algorithm>
#include <array>

namespace threadline::cache {

namespace {

constexpr char32_t kTableEnd = 0x0700;

} // namespace

bool isSearchWordPart(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier: // tatweel
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format: // ZWNJ and ZWJ join the parts of one Persian word
        return true;
    default:
        return false;
    }
}

bool isFoldedByTable(char32_t c)
{
    return c < 0x80 || (c >= 0x0600 && c < kTableEnd) || (c >= 0x200C && c <= 0x200F);
}

const QString &foldedByTable(char32_t c)
{
    static const std::array<QString, kTableEnd + 4> table = [] {
        std::array<QString, kTableEnd + 4> t;
        for (char16_t u = 0; u < kTableEnd; ++u)
            if (isFoldedByTable(u))
                t[u] = text::foldForSearch(QStringView(&u, 1));
        for (char16_t u = 0x200C; u <= 0x200F; ++u)
            t[kTableEnd + (u - 0x200C)] = text::foldForSearch(QStringView(&u, 1));
        return t;
    }();
    return table[c < kTableEnd ? c : kTableEnd + (c - 0x200C)];
}

QString foldSearchWord(QStringView word)
{
    if (!std::all_of(word.begin(), word.end(),
                     [](QChar c) { return isFoldedByTable(c.unicode()); }))
        return text::foldForSearch(word);
    QString out;
    out.reserve(word.size());
    for (const QChar c : word)
        out += foldedByTable(c.unicode());
    return out;
}

} // namespace threadline::cache
