// SPDX-License-Identifier: GPL-3.0-or-later
// One folding for the index and the query: what an agent types finds what the
// customer wrote, whichever keyboard either of them used.
#include "services/text/search_folding.h"

#include <QTest>

using namespace threadline::text;

class TestSearchFolding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void arabicAndPersianSpellingsOfOneWordFoldAlike_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("Arabic yeh finds Persian yeh") << u"علي"_qs << u"علی"_qs;
        QTest::newRow("alef maksura is yeh") << u"مصطفى"_qs << u"مصطفی"_qs;
        QTest::newRow("Arabic kaf finds keheh") << u"كريم"_qs << u"کریم"_qs;
        QTest::newRow("teh marbuta finds heh") << u"فاطمة"_qs << u"فاطمه"_qs;
        QTest::newRow("hamza above alef") << u"أحمد"_qs << u"احمد"_qs;
        QTest::newRow("hamza below alef") << u"إبراهيم"_qs << u"ابراهیم"_qs;
        QTest::newRow("madda") << u"آرش"_qs << u"ارش"_qs;
        QTest::newRow("alef wasla") << u"ٱلله"_qs << u"الله"_qs;
        QTest::newRow("hamza on waw") << u"مؤمن"_qs << u"مومن"_qs;
        QTest::newRow("hamza on yeh") << u"رئیس"_qs << u"رییس"_qs;
        QTest::newRow("heh with yeh above") << u"خانۀ"_qs << u"خانه"_qs;
        QTest::newRow("harakat and tanwin") << u"مُحَمَّدٌ"_qs << u"محمد"_qs;
        QTest::newRow("sukun and superscript alef") << u"هٰذَا مِنْ"_qs << u"هذا من"_qs;
        QTest::newRow("tatweel") << u"سـلـام"_qs << u"سلام"_qs;
        QTest::newRow("ZWNJ is part of the word") << u"می‌خواهم"_qs << u"میخواهم"_qs;
        QTest::newRow("presentation forms") << u"\uFEE3\uFEA4\uFEE4\uFEAA"_qs << u"محمد"_qs;
        QTest::newRow("Latin case") << u"ALI Rezaei"_qs << u"ali rezaei"_qs;
        QTest::newRow("Latin accents") << u"José"_qs << u"jose"_qs;
        QTest::newRow("white space runs") << u"  علی\t\u00A0 رضایی "_qs << u"علی رضایی"_qs;
        QTest::newRow("bidi marks pasted along") << u"\u200Fعلی\u200E"_qs << u"علی"_qs;
    }
    void arabicAndPersianSpellingsOfOneWordFoldAlike()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QCOMPARE(foldForSearch(typed), foldForSearch(stored));
    }

    void persianAndArabicIndicDigitsFoldToAscii()
    {
        QCOMPARE(foldForSearch(u"۰۱۲۳۴۵۶۷۸۹"), u"0123456789"_qs);
        QCOMPARE(foldForSearch(u"٠١٢٣٤٥٦٧٨٩"), u"0123456789"_qs);
        QCOMPARE(foldForSearch(u"سفارش ۱۲۳۴"), foldForSearch(u"سفارش 1234"));
        QCOMPARE(foldForSearch(u"\uFF11\uFF12"), u"12"_qs); // full-width
    }

    void foldingIsIdempotent()
    {
        for (const auto &s : {u"علي أحمد"_qs, u"Ärger ۱۲"_qs, u"می‌خواهم"_qs, u"فاطمة"_qs}) {
            const QString once = foldForSearch(s);
            QCOMPARE(foldForSearch(once), once);
        }
    }

    void letterVariantsThatAreDifferentLettersStayApart()
    {
        // Folding widens recall, it must not merge distinct letters.
        QVERIFY(foldForSearch(u"ب") != foldForSearch(u"پ"));
        QVERIFY(foldForSearch(u"ج") != foldForSearch(u"چ"));
        QVERIFY(foldForSearch(u"ز") != foldForSearch(u"ژ"));
        QVERIFY(foldForSearch(u"ت") != foldForSearch(u"ة"));
        QVERIFY(foldForSearch(u"و") != foldForSearch(u"ی"));
    }

    void aCustomerTypedInArabicIsFoundWithAPersianKeyboard()
    {
        QVERIFY(matchesSearch(u"علي كريمي", u"علی"));
        QVERIFY(matchesSearch(u"علی کریمی", u"كريمي"));
        QVERIFY(matchesSearch(u"Mohammad Ali", u"ali"));
        QVERIFY(!matchesSearch(u"علی", u"رضا"));
    }

    void phoneInputAcceptsEveryDigitSystem_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Persian") << u"۰۹۱۲ ۳۴۵ ۶۷۸۹"_qs << u"0912 345 6789"_qs;
        QTest::newRow("Arabic-Indic") << u"+٩٦٦٥٠١٢٣٤٥٦٧"_qs << u"+966501234567"_qs;
        QTest::newRow("mixed") << u"۰۹12٣4"_qs << u"091234"_qs;
        QTest::newRow("pasted from RTL text") << u"\u200E+98 912\u2069"_qs << u"+98 912"_qs;
        QTest::newRow("ASCII untouched") << u"(021) 88-77"_qs << u"(021) 88-77"_qs;
    }
    void phoneInputAcceptsEveryDigitSystem()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QCOMPARE(phoneInput(typed), expected);
    }

    void asciiDigitsChangesOnlyDigits()
    {
        QCOMPARE(asciiDigits(u"کد ۴۲ و ٧"), u"کد 42 و 7"_qs);
        QCOMPARE(asciiDigits(u"\U0001D7D8"), u"0"_qs); // MATHEMATICAL DOUBLE-STRUCK ZERO
    }
};

QTEST_APPLESS_MAIN(TestSearchFolding)
#include "tst_search_folding.moc"
