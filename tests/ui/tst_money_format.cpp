// SPDX-License-Identifier: GPL-3.0-or-later
// Order amounts as a Persian, Arabic or English reader writes money.
#include "ui/calendar_format.h"
#include "ui/interface_language.h"
#include "ui/money_format.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace threadline::ui;

namespace {
const QLocale kPersian(QLocale::Persian, QLocale::Iran);
const QLocale kArabic(QLocale::Arabic, QLocale::Egypt);
const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);
const QLocale kGerman(QLocale::German, QLocale::Germany);
const QChar kNbsp(0x00A0);

QJsonDocument sampleOrder(const QString &relative)
{
    QFile file(QStringLiteral(THREADLINE_SOURCE_DIR "/tests/data/orders/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll());
}

/// The text as it looks: without the invisible marks that keep it in order in
/// right-to-left text, and the no-break space (which keeps it on one line) as a space.
QString visible(QString s)
{
    s.remove(QChar(0x200E)).remove(QChar(0x200F)).remove(QChar(0x061C));
    return s.replace(kNbsp, QLatin1Char(' '));
}
} // namespace

class TestMoneyFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        setLatinDigits(false);
        useInterfaceLanguage(QStringLiteral("en"));
    }

    void centsAreReadFromTheDigitsNotThroughADouble()
    {
        const ExactAmount a = parseAmount(QStringLiteral("1234.10"), 2);
        QVERIFY(a.valid);
        QCOMPARE(a.minor, 123410);
        // 2.675 is 2.67499999… as a double; the shop wrote 2.675, which rounds up.
        QCOMPARE(parseAmount(QStringLiteral("2.675"), 2).minor, 268);
        QCOMPARE(parseAmount(QStringLiteral("0.9"), 2).minor, 90);
        QCOMPARE(parseAmount(QStringLiteral("48500000.00"), 0).minor, 48500000);
        QCOMPARE(parseAmount(QStringLiteral("999999999999999.99"), 2).minor, 99999999999999999);
        const ExactAmount refund = parseAmount(QStringLiteral("-12.5"), 2);
        QVERIFY(refund.negative);
        QCOMPARE(refund.minor, 1250);
    }

    void whatIsNotAPlainDecimalIsNotAnAmount()
    {
        for (const char *bad : {"", ".", "1e3", "1,234.10", "1.2.3", "12 USD", "۱۲۳", "0x10",
                                "1234567890123456"})
            QVERIFY2(!parseAmount(QString::fromUtf8(bad), 2).valid, bad);
    }

    void eachCurrencyKeepsItsOwnDecimals()
    {
        QCOMPARE(currencyDecimals(u"USD"_qs), 2);
        QCOMPARE(currencyDecimals(u"EUR"_qs), 2);
        QCOMPARE(currencyDecimals(u"IRR"_qs), 0);
        QCOMPARE(currencyDecimals(u"IRT"_qs), 0);
        QCOMPARE(currencyDecimals(u"JPY"_qs), 0);
        QCOMPARE(currencyDecimals(u"KWD"_qs), 3);
        QCOMPARE(currencyDecimals(u"XYZ"_qs), 2);
    }

    void anEnglishReaderSeesDollarsAndEurosAsUsual()
    {
        QCOMPARE(formatMoney(u"1234.10"_qs, u"USD"_qs, kEnglish), u"$1,234.10"_qs);
        QCOMPARE(formatMoney(u"0.9"_qs, u"usd"_qs, kEnglish), u"$0.90"_qs);
        QCOMPARE(formatMoney(u"1234.5"_qs, u"EUR"_qs, kEnglish), u"€1,234.50"_qs);
        QCOMPARE(visible(formatMoney(u"1234.5"_qs, u"EUR"_qs, kGerman)), u"1.234,50 €"_qs);
        QCOMPARE(formatMoney(u"48500000.00"_qs, u"IRR"_qs, kEnglish),
                 QString(u"IRR"_qs + kNbsp + u"48,500,000"_qs));
    }

    void aPersianReaderSeesPersianDigitsAndSeparatorsWithRialsAfterTheAmount()
    {
        QCOMPARE(formatMoney(u"48500000"_qs, u"IRR"_qs, kPersian),
                 QString(u"۴۸٬۵۰۰٬۰۰۰"_qs + kNbsp + u"ریال"_qs));
        QCOMPARE(visible(formatMoney(u"1234.10"_qs, u"USD"_qs, kPersian)), u"$ ۱٬۲۳۴٫۱۰"_qs);
        QCOMPARE(visible(formatMoney(u"1234.10"_qs, u"EUR"_qs, kPersian)), u"€ ۱٬۲۳۴٫۱۰"_qs);
    }

    void tomansAreCalledTomansInPersian()
    {
        useInterfaceLanguage(QStringLiteral("fa"));
        QCOMPARE(formatMoney(u"4850000.00"_qs, u"IRT"_qs, kPersian),
                 QString(u"۴٬۸۵۰٬۰۰۰"_qs + kNbsp + u"تومان"_qs));
    }

    void anArabicReaderSeesArabicIndicDigits()
    {
        QCOMPARE(visible(formatMoney(u"1234.10"_qs, u"USD"_qs, kArabic)), u"١٬٢٣٤٫١٠ US$"_qs);
        QCOMPARE(visible(formatMoney(u"1234.5"_qs, u"EUR"_qs, kArabic)), u"١٬٢٣٤٫٥٠ €"_qs);
        QCOMPARE(visible(formatMoney(u"48500000"_qs, u"IRR"_qs, kArabic)).left(10),
                 u"٤٨٬٥٠٠٬٠٠٠"_qs);
    }

    void latinDigitsChosenInSettingsReachAmountsToo()
    {
        setLatinDigits(true);
        QCOMPARE(formatMoney(u"48500000"_qs, u"IRR"_qs, kPersian),
                 QString(u"48,500,000"_qs + kNbsp + u"ریال"_qs));
        QCOMPARE(visible(formatMoney(u"1234.10"_qs, u"USD"_qs, kArabic)), u"1,234.10 US$"_qs);
    }

    void theSampleShopsOrdersReadAsMoney()
    {
        const QJsonObject shopify = sampleOrder(u"shopify/order.json"_qs).object();
        const QJsonObject order = shopify.value(u"order"_qs).toObject().isEmpty()
                                      ? shopify
                                      : shopify.value(u"order"_qs).toObject();
        QCOMPARE(order.value(u"currency"_qs).toString(), u"USD"_qs);
        QCOMPARE(formatMoney(order.value(u"total_price"_qs).toString(), u"USD"_qs, kEnglish),
                 u"$409.94"_qs);
        QCOMPARE(visible(formatMoney(order.value(u"total_price"_qs).toString(), u"USD"_qs,
                                     kPersian)),
                 u"$ ۴۰۹٫۹۴"_qs);

        const QJsonDocument woo = sampleOrder(u"woocommerce/orders-00.json"_qs);
        const QJsonObject first =
            woo.isArray() ? woo.array().first().toObject() : woo.object();
        QCOMPARE(formatMoney(first.value(u"total"_qs).toString(),
                             first.value(u"currency"_qs).toString(), kEnglish),
                 u"$29.35"_qs);
        // A line's tax written with one decimal ("0.9") still shows the currency's two.
        QCOMPARE(formatMoney(u"0.9"_qs, first.value(u"currency"_qs).toString(), kArabic)
                     .left(4),
                 u"٠٫٩٠"_qs);
    }

    void whatDoesNotParseIsShownAsItCameIsolated()
    {
        const QString shown = formatMoney(u"12,50"_qs, u"EUR"_qs, kPersian);
        QVERIFY(shown.contains(u"12,50"_qs));
        QVERIFY(shown.contains(u"EUR"_qs));
        QVERIFY(shown.startsWith(QChar(0x2068)));
    }
};

QTEST_MAIN(TestMoneyFormat)
#include "tst_money_format.moc"
