// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace threadline::text {

/// Folds text for matching. The same function is applied to what is indexed and
/// to what the agent types, so «علي» (Arabic yeh) finds «علی» (Persian yeh),
/// «كتاب» finds «کتاب», «مدرسة» finds «مدرسه», «أحمد» finds «احمد», «۰۹۱۲» finds
/// "0912" and "ALI" finds "ali".
///
/// In order:
///  - compatibility decomposition (NFKD): Arabic presentation forms become letters,
///    hamza and madda carriers split into letter + mark (أ إ آ ؤ ئ ۀ);
///  - Arabic harakat, tanwin, shadda, sukun, superscript alef, Quranic marks and
///    Latin combining accents are dropped;
///  - letter variants: ي ى → ی, ك → ک, ة ە ہ ھ → ه, ٱ → ا;
///  - tatweel and every format character (ZWNJ, ZWJ, LRM, RLM, ALM, bidi
///    embeddings and isolates, soft hyphen) are dropped. ZWNJ is dropped rather
///    than read as a space: in Persian it joins the parts of ONE word
///    («می‌خواهم», «کتاب‌ها»), and many keyboards cannot type it, so the same word
///    arrives as «میخواهم» far more often than as «می خواهم»;
///  - every decimal digit (Persian, Arabic-Indic, Devanagari, full-width…) → ASCII;
///  - Unicode case folding; runs of white space become one space, trimmed.
QString foldForSearch(QStringView text);

/// True when the folded @p query occurs in the folded @p text.
/// Both arguments are raw; use foldForSearch once and QString::contains when
/// matching one query against many rows.
bool matchesSearch(QStringView text, QStringView query);

/// Every decimal digit, whatever its script, as its ASCII digit; nothing else changes.
QString asciiDigits(QStringView text);

/// A phone number as typed or pasted: ASCII digits, with the invisible marks that
/// copying from right-to-left text brings along (LRM, RLM, ALM, isolates) and
/// tatweel removed. Spaces, '+', '-', '(' and ')' are kept for the phone parser.
QString phoneInput(QStringView text);

} // namespace threadline::text
