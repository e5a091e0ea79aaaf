// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace threadline::ui {

/// An amount a shop sent as a decimal string, read exactly: "1234.10" is 123410 cents,
/// never the double 1234.0999…, so nothing is rounded by surprise on the way to the
/// screen. `minor` is the amount in the currency's smallest unit.
struct ExactAmount {
    bool valid = false;
    bool negative = false;
    qint64 minor = 0;
    int decimals = 0; ///< the currency's minor units: 2 for USD, 0 for IRR
};

/// How many decimals @p currency (ISO 4217) is written with: ICU's table (USD 2,
/// IRR 0, JPY 0, KWD 3); the toman (IRT, not ISO but what Iranian shops write) 0;
/// 2 for a code nobody knows.
int currencyDecimals(const QString &currency);

/// @p amount ("1234.10", "-5", "48500000.00") in @p decimals, rounded half away from
/// zero on its digits when it has more of them. Anything else (exponents, commas, two
/// dots, over 15 integer digits) is not valid.
ExactAmount parseAmount(const QString &amount, int decimals);

/// An order's amount as the reader reads money: the UI locale's digits, grouping,
/// decimal separator and currency pattern, the currency's own symbol in that
/// language and its own decimals — "$1,234.10", «‎$ ۱٬۲۳۴٫۱۰», «۴۸٬۵۰۰٬۰۰۰ ریال»
/// — in Latin digits when the user chose them. What does not parse is shown as it
/// came, isolated, with its code.
QString formatMoney(const QString &amount, const QString &currency,
                    const QLocale &locale = QLocale());

} // namespace threadline::ui
