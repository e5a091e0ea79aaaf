// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/money_format.h"

#include "services/text/safe_text.h"
#include "ui/calendar_format.h"

#include <QCoreApplication>

#include <unicode/ucurr.h>

namespace threadline::ui {
namespace {

const QString kToman = QStringLiteral("IRT");
// Stands for the symbol while Qt lays out the locale's currency pattern.
const QString kSymbolMark = QStringLiteral("\uE000");
constexpr int kMaxIntegerDigits = 15; // qint64 minor units hold them with 3 decimals

bool isIsoCode(const QString &code)
{
    if (code.size() != 3)
        return false;
    for (const QChar c : code)
        if (c < u'A' || c > u'Z')
            return false;
    return true;
}

/// The currency's symbol in the reader's language from ICU ("$", "US$", "ریال"),
/// or its code when ICU has none.
QString currencySymbol(const QString &code, const QLocale &locale)
{
    if (code == kToman)
        return QCoreApplication::translate("threadline::ui::Money", "toman",
                                           "the Iranian toman, written after amounts");
    if (!isIsoCode(code))
        return text::isolateStrict(code);
    UErrorCode error = U_ZERO_ERROR;
    UBool isChoiceFormat = false;
    int32_t length = 0;
    const QByteArray name = locale.name().toLatin1();
    const UChar *symbol = ucurr_getName(reinterpret_cast<const UChar *>(code.utf16()),
                                        name.constData(), UCURR_SYMBOL_NAME, &isChoiceFormat,
                                        &length, &error);
    if (U_FAILURE(error) || symbol == nullptr || length <= 0)
        return code;
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(symbol), length);
}

/// @p digits (ASCII) in the locale's digits.
QString localDigits(const QString &digits, const QLocale &locale)
{
    const QString zero = locale.zeroDigit();
    if (zero.size() != 1)
        return digits;
    QString out = digits;
    for (QChar &c : out)
        c = QChar(zero.at(0).unicode() + (c.unicode() - u'0'));
    return out;
}

qint64 powerOfTen(int n)
{
    qint64 p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

} // namespace

int currencyDecimals(const QString &currency)
{
    if (currency == kToman)
        return 0;
    if (!isIsoCode(currency))
        return 2;
    UErrorCode error = U_ZERO_ERROR;
    const int32_t digits = ucurr_getDefaultFractionDigits(
        reinterpret_cast<const UChar *>(currency.utf16()), &error);
    // ICU answers 2 with a warning for a code it does not know, which is what we want too.
    return U_FAILURE(error) ? 2 : std::clamp(int(digits), 0, 3);
}

ExactAmount parseAmount(const QString &amount, int decimals)
{
    ExactAmount out;
    out.decimals = std::clamp(decimals, 0, 3);
    QStringView s = QStringView(amount).trimmed();
    if (s.startsWith(u'-') || s.startsWith(u'+')) {
        out.negative = s.front() == u'-';
        s = s.mid(1);
    }
    const qsizetype dot = s.indexOf(u'.');
    const QStringView whole = dot < 0 ? s : s.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : s.mid(dot + 1);
    const auto allDigits = [](QStringView v) {
        return std::all_of(v.begin(), v.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if ((whole.isEmpty() && fraction.isEmpty()) || whole.size() > kMaxIntegerDigits ||
        !allDigits(whole) || !allDigits(fraction))
        return out;
    qint64 minor = 0;
    for (const QChar c : whole)
        minor = minor * 10 + (c.unicode() - u'0');
    for (int i = 0; i < out.decimals; ++i)
        minor = minor * 10 + (i < fraction.size() ? fraction.at(i).unicode() - u'0' : 0);
    // The first dropped digit decides; the digits are the value, so this is exact.
    if (fraction.size() > out.decimals && fraction.at(out.decimals) >= u'5')
        ++minor;
    out.minor = minor;
    out.negative = out.negative && minor != 0;
    out.valid = true;
    return out;
}

QString formatMoney(const QString &amount, const QString &currency, const QLocale &locale)
{
    const QString code = currency.trimmed().toUpper();
    const ExactAmount a = parseAmount(amount, currencyDecimals(code));
    if (!a.valid) {
        const QString shown = text::isolateStrict(amount.trimmed());
        return code.isEmpty() ? shown : shown + QLatin1Char(' ') + text::isolateStrict(code);
    }
    const qint64 unit = powerOfTen(a.decimals);
    QString number = locale.toString(a.minor / unit); // grouped, in the locale's digits
    if (a.decimals > 0)
        number += locale.decimalPoint() +
                  localDigits(QString::number(a.minor % unit).rightJustified(a.decimals, u'0'),
                              locale);
    if (code.isEmpty())
        return inChosenDigits(a.negative ? locale.negativeSign() + number : number, locale);
    const QString symbol = currencySymbol(code, locale);
    const QString signedNumber = a.negative ? locale.negativeSign() + number : number;
    // Rial and toman are words in Persian, read after the amount as any unit is
    // («۴۸٬۵۰۰٬۰۰۰ ریال»), though CLDR puts symbols first there.
    if (locale.language() == QLocale::Persian && symbol.front().script() == QChar::Script_Arabic)
        return inChosenDigits(signedNumber + QChar(0x00A0) + symbol, locale);
    // The locale's own pattern (where the symbol goes, the sign, the marks that keep it
    // in order in right-to-left text), laid out by Qt around a one, then filled in.
    QString shown = locale.toCurrencyString(qlonglong(a.negative ? -1 : 1), kSymbolMark);
    const QString one = locale.toString(1);
    shown.replace(shown.lastIndexOf(one), one.size(), number);
    // A symbol that is letters ("IRR", "toman") keeps a space from the digits, as
    // CLDR's currency spacing does; "$" and "€" touch them.
    const qsizetype mark = shown.indexOf(kSymbolMark);
    const bool numberAfter = shown.mid(mark + 1, number.size()) == number;
    const bool numberBefore = mark >= number.size() && shown.mid(mark - number.size(), number.size()) == number;
    QString placed = symbol;
    if (numberAfter && symbol.back().isLetter())
        placed += QChar(0x00A0);
    else if (numberBefore && symbol.front().isLetter())
        placed.prepend(QChar(0x00A0));
    shown.replace(mark, kSymbolMark.size(), placed);
    return inChosenDigits(shown, locale);
}

} // namespace threadline::ui
