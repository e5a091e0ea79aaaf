// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/calendar_format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTime>

namespace threadline::ui {

namespace {
/// Islamic dates carry their era so they are never mistaken for Gregorian
/// ones; it belongs to the date format, so it follows the locale.
QString withEra(const QString &date, const QCalendar &calendar, const QLocale &locale)
{
    if (!calendar.isLunar())
        return date;
    switch (locale.language()) {
    case QLocale::Arabic:
        return date + QStringLiteral(" هـ");
    case QLocale::Persian:
        return date + QStringLiteral(" ه‍.ق");
    default:
        return date + QStringLiteral(" AH");
    }
}
} // namespace

namespace {
QString &preference()
{
    static QString chosen; // GUI thread only, like every date formatter here
    return chosen;
}
} // namespace

void setCalendarPreference(const QString &name)
{
    const bool known = name == QLatin1String("gregorian") || name == QLatin1String("jalali")
                       || name == QLatin1String("islamic");
    preference() = known ? name : QString();
}

QString calendarPreference()
{
    return preference();
}

namespace {
bool &latin()
{
    static bool chosen = false; // GUI thread only, like the calendar choice
    return chosen;
}
int &weekStart()
{
    static int chosen = 0;
    return chosen;
}
} // namespace

void setLatinDigits(bool on)
{
    latin() = on;
}

bool latinDigits()
{
    return latin();
}

QString inChosenDigits(const QString &formatted, const QLocale &locale)
{
    const QString zero = locale.zeroDigit();
    if (!latin() || zero.size() != 1 || zero.at(0) == QLatin1Char('0'))
        return formatted;
    const char16_t first = zero.at(0).unicode();
    QString out = formatted;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= first && u <= first + 9)
            c = QChar(u'0' + (u - first));
        else if (u == u'\u066B') // Arabic decimal separator, beside Latin digits
            c = QLatin1Char('.');
        else if (u == u'\u066C') // Arabic thousands separator
            c = QLatin1Char(',');
    }
    return out;
}

QString formatNumber(qint64 n, const QLocale &locale)
{
    return inChosenDigits(locale.toString(n), locale);
}

QString formatTime(QTime time, const QLocale &locale)
{
    return inChosenDigits(locale.toString(time, QLocale::ShortFormat), locale);
}

void setWeekStartPreference(int day)
{
    const bool known = day == Qt::Saturday || day == Qt::Sunday || day == Qt::Monday;
    weekStart() = known ? day : 0;
}

int weekStartPreference()
{
    return weekStart();
}

Qt::DayOfWeek firstDayOfWeek(const QLocale &locale)
{
    return weekStart() ? static_cast<Qt::DayOfWeek>(weekStart()) : locale.firstDayOfWeek();
}

QCalendar calendarFor(const QLocale &locale)
{
    if (preference() == QLatin1String("gregorian"))
        return QCalendar(QCalendar::System::Gregorian);
    if (preference() == QLatin1String("jalali"))
        return QCalendar(QCalendar::System::Jalali);
    if (preference() == QLatin1String("islamic"))
        return QCalendar(QCalendar::System::IslamicCivil);
    switch (locale.language()) {
    case QLocale::Persian:
        return QCalendar(QCalendar::System::Jalali);
    case QLocale::Arabic:
        return QCalendar(QCalendar::System::IslamicCivil);
    default:
        return QCalendar(QCalendar::System::Gregorian);
    }
}

QString dayLabel(QDate date, const QLocale &locale)
{
    const QCalendar calendar = calendarFor(locale);
    return inChosenDigits(
        withEra(locale.toString(date, QLocale::LongFormat, calendar), calendar, locale), locale);
}

QString shortDate(QDate date, const QLocale &locale)
{
    const QCalendar calendar = calendarFor(locale);
    return inChosenDigits(
        withEra(locale.toString(date, QLocale::ShortFormat, calendar), calendar, locale), locale);
}

QString relativeTime(qint64 ms, qint64 nowMs, const QLocale &locale)
{
    const qint64 minutes = std::max<qint64>(0, (nowMs - ms) / 60000);
    // The count picks the plural form (Arabic has six); %1 carries the locale's digits.
    const auto ago = [&locale](const char *text, qint64 n) {
        return withNumber(
            QCoreApplication::translate("RelativeTime", text, nullptr, static_cast<int>(n)), n,
            locale);
    };
    if (minutes < 1)
        return QCoreApplication::translate("RelativeTime", "just now");
    if (minutes < 60)
        return ago(QT_TRANSLATE_N_NOOP("RelativeTime", "%1 min ago"), minutes);
    if (minutes < 24 * 60)
        return ago(QT_TRANSLATE_N_NOOP("RelativeTime", "%1 h ago"), minutes / 60);
    if (minutes < 7 * 24 * 60)
        return ago(QT_TRANSLATE_N_NOOP("RelativeTime", "%1 d ago"), minutes / (24 * 60));
    return shortDate(QDateTime::fromMSecsSinceEpoch(ms).date(), locale);
}

QString withNumber(const QString &translated, qint64 n, const QLocale &locale)
{
    return translated.contains(QLatin1String("%1")) ? translated.arg(formatNumber(n, locale)) : translated;
}

QString callDuration(int seconds, const QLocale &locale)
{
    return inChosenDigits(locale.toString(seconds / 60) + QLatin1Char(':')
                              + locale.toString(seconds % 60).rightJustified(2, locale.zeroDigit().at(0)),
                          locale);
}

} // namespace threadline::ui
