// SPDX-License-Identifier: GPL-3.0-or-later
// Dates and counts as a Persian, Arabic or English reader expects them.
#include "ui/calendar_format.h"
#include "ui/interface_language.h"

#include <QApplication>
#include <QTest>

using namespace threadline::ui;

namespace {
const QLocale kPersian(QLocale::Persian, QLocale::Iran);
const QLocale kArabic(QLocale::Arabic, QLocale::SaudiArabia);
const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);
constexpr qint64 kNow = 1732530000000; // 2024-11-25
constexpr qint64 kMinute = 60 * 1000;
} // namespace

class TestCalendarFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        setCalendarPreference(QString());
        useInterfaceLanguage(QStringLiteral("en"));
    }

    void eachLanguageReadsItsOwnCalendar()
    {
        QCOMPARE(calendarFor(kPersian).name(), u"Jalali"_qs);
        QCOMPARE(calendarFor(kArabic).name(), u"Islamic Civil"_qs);
        QCOMPARE(calendarFor(kEnglish).name(), u"Gregorian"_qs);
    }

    void nowruz1403IsTheTwentiethOfMarch2024()
    {
        const QDate nowruz(2024, 3, 20);
        const auto jalali = calendarFor(kPersian).partsFromDate(nowruz);
        QCOMPARE(jalali.year, 1403);
        QCOMPARE(jalali.month, 1);
        QCOMPARE(jalali.day, 1);
        QCOMPARE(shortDate(nowruz, kPersian), u"۱۴۰۳/۱/۱"_qs);
        const QString day = dayLabel(nowruz, kPersian);
        QVERIFY2(day.contains(u"فروردین") && day.contains(u"۱۴۰۳") && day.contains(u"چهارشنبه"),
                 qPrintable(day));
        // The day before is still the last day of 1402 (Esfand 29).
        QVERIFY(dayLabel(nowruz.addDays(-1), kPersian).contains(u"اسفند ۱۴۰۲"));
    }

    void anArabicReaderSeesTheHijriDateWithArabicIndicDigits()
    {
        const QDate firstOfRamadan(2024, 3, 11); // 1 Ramadan 1445 in the civil (tabular) calendar
        const auto hijri = calendarFor(kArabic).partsFromDate(firstOfRamadan);
        QCOMPARE(hijri.year, 1445);
        QCOMPARE(hijri.month, 9);
        QCOMPARE(hijri.day, 1);
        const QString day = dayLabel(firstOfRamadan, kArabic);
        QVERIFY2(day.contains(u"رمضان") && day.contains(u"١٤٤٥") && day.endsWith(u"هـ"),
                 qPrintable(day));
    }

    void anArabicReaderMayChooseTheGregorianCalendar()
    {
        setCalendarPreference(QStringLiteral("gregorian"));
        const QString day = dayLabel(QDate(2024, 3, 11), kArabic);
        QVERIFY2(day.contains(u"٢٠٢٤") && !day.contains(u"رمضان"), qPrintable(day));
        setCalendarPreference(QStringLiteral("nonsense")); // back to the language's own
        QVERIFY(dayLabel(QDate(2024, 3, 11), kArabic).contains(u"رمضان"));
    }

    void englishStaysGregorian()
    {
        QCOMPARE(dayLabel(QDate(2024, 3, 20), kEnglish), u"Wednesday, March 20, 2024"_qs);
    }

    void relativeTimesUsePersianWordsAndDigits()
    {
        useInterfaceLanguage(QStringLiteral("fa"));
        QCOMPARE(relativeTime(kNow - 5 * kMinute, kNow, kPersian), u"۵ دقیقه پیش"_qs);
        QCOMPARE(relativeTime(kNow - 3 * 60 * kMinute, kNow, kPersian), u"۳ ساعت پیش"_qs);
        QCOMPARE(relativeTime(kNow - 2 * 24 * 60 * kMinute, kNow, kPersian), u"۲ روز پیش"_qs);
        QCOMPARE(relativeTime(kNow - 10 * 1000, kNow, kPersian), u"همین حالا"_qs);
        // After a week: the Jalali date.
        QCOMPARE(relativeTime(QDateTime(QDate(2024, 3, 20), QTime(12, 0)).toMSecsSinceEpoch(), kNow,
                              kPersian),
                 u"۱۴۰۳/۱/۱"_qs);
    }

    void relativeTimesUseArabicPluralForms()
    {
        useInterfaceLanguage(QStringLiteral("ar"));
        QCOMPARE(relativeTime(kNow - 1 * kMinute, kNow, kArabic), u"منذ دقيقة"_qs);
        QCOMPARE(relativeTime(kNow - 2 * kMinute, kNow, kArabic), u"منذ دقيقتين"_qs);
        QCOMPARE(relativeTime(kNow - 5 * kMinute, kNow, kArabic), u"منذ ٥ دقائق"_qs);
        QCOMPARE(relativeTime(kNow - 11 * kMinute, kNow, kArabic), u"منذ ١١ دقيقة"_qs);
    }

    void relativeTimesInEnglish()
    {
        QCOMPARE(relativeTime(kNow - 5 * kMinute, kNow, kEnglish), u"5 min ago"_qs);
        QCOMPARE(relativeTime(kNow - 30 * 1000, kNow, kEnglish), u"just now"_qs);
    }

    void callDurationsUseTheLocalesDigits()
    {
        QCOMPARE(callDuration(247, kPersian), u"۴:۰۷"_qs);
        QCOMPARE(callDuration(247, kEnglish), u"4:07"_qs);
    }
};

QTEST_MAIN(TestCalendarFormat)
#include "tst_calendar_format.moc"
