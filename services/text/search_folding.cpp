// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/text/search_folding.h"

#include <QList>

namespace threadline::text {

namespace {

bool isDroppedMark(char32_t c)
{
    return (c >= 0x0300 && c <= 0x036F)     // Latin combining accents (after NFKD)
           || (c >= 0x0610 && c <= 0x061A)  // Arabic honorifics and small marks
           || (c >= 0x064B && c <= 0x065F)  // harakat, tanwin, shadda, sukun, hamza/madda marks
           || c == 0x0670                   // superscript alef
           || (c >= 0x06D6 && c <= 0x06DC)  // Quranic annotation marks
           || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8
           || (c >= 0x06EA && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08FF);
}

char32_t foldLetter(char32_t c)
{
    switch (c) {
    case 0x064A: // ARABIC LETTER YEH
    case 0x0649: // ARABIC LETTER ALEF MAKSURA
        return 0x06CC; // ARABIC LETTER FARSI YEH
    case 0x0643: // ARABIC LETTER KAF
        return 0x06A9; // ARABIC LETTER KEHEH (Persian kaf)
    case 0x0629: // ARABIC LETTER TEH MARBUTA: «مدرسة» and «مدرسه» are the same word
    case 0x06D5: // ARABIC LETTER AE (what HEH WITH YEH ABOVE decomposes to)
    case 0x06C1: // ARABIC LETTER HEH GOAL
    case 0x06BE: // ARABIC LETTER HEH DOACHASHMEE
        return 0x0647; // ARABIC LETTER HEH
    case 0x0671: // ARABIC LETTER ALEF WASLA
        return 0x0627; // ARABIC LETTER ALEF
    default:
        return c;
    }
}

void appendCodePoint(QString &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar(QChar::highSurrogate(c)));
        out.append(QChar(QChar::lowSurrogate(c)));
    } else {
        out.append(QChar(static_cast<char16_t>(c)));
    }
}

/// ASCII '0'..'9' for any decimal digit (category Nd), -1 otherwise.
int decimalDigit(char32_t c)
{
    if (QChar::category(c) != QChar::Number_DecimalDigit)
        return -1;
    return QChar::digitValue(c);
}

} // namespace

QString foldForSearch(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const char32_t c : decomposed.toUcs4()) {
        if (isDroppedMark(c) || c == 0x0640 /* tatweel */ || QChar::category(c) == QChar::Other_Format)
            continue;
        if (QChar::isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        if (const int digit = decimalDigit(c); digit >= 0) {
            out.append(QLatin1Char(static_cast<char>('0' + digit)));
            continue;
        }
        appendCodePoint(out, foldLetter(c));
    }
    // Recompose what is left (Hangul, Latin letters whose accents were kept by
    // nothing above) and fold case last, so Ⅻ and ß compare as their folds.
    return out.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

bool matchesSearch(QStringView text, QStringView query)
{
    return foldForSearch(text).contains(foldForSearch(query));
}

QString asciiDigits(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (const int digit = decimalDigit(c); digit >= 0)
            out.append(QLatin1Char(static_cast<char>('0' + digit)));
        else
            appendCodePoint(out, c);
    }
    return out;
}

QString phoneInput(QStringView text)
{
    QString out;
    for (const char32_t c : asciiDigits(text).toUcs4()) {
        if (QChar::category(c) == QChar::Other_Format || c == 0x0640)
            continue;
        appendCodePoint(out, QChar::isSpace(c) ? U' ' : c);
    }
    return out.simplified();
}

} // namespace threadline::text
