// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCalendar>
#include <QDate>
#include <QLocale>
#include <QString>

namespace threadline::ui {

/// The calendar an agent reads dates in: Jalali (Solar Hijri) for Persian,
/// Islamic civil for Arabic, Gregorian otherwise — unless the user chose one.
QCalendar calendarFor(const QLocale &locale);

/// The user's choice: "gregorian", "jalali", "islamic", or "" to follow the
/// language. Unknown names mean "". Applies to every date shown from now on.
void setCalendarPreference(const QString &name);
QString calendarPreference();

/// Latin digits 0-9 in every number and date the interface formats, whatever
/// the language (many Persian and Arabic agents read invoices and phones in
/// them); false shows the locale's own digits.
void setLatinDigits(bool latin);
bool latinDigits();
/// @p formatted with the locale's digits (and its Arabic separators) turned
/// into 0-9 when Latin digits are chosen; unchanged otherwise.
QString inChosenDigits(const QString &formatted, const QLocale &locale = QLocale());
/// A count or number in the chosen digits: "12", «۱۲» or "12" in a Persian UI.
QString formatNumber(qint64 n, const QLocale &locale = QLocale());
/// A time of day, short format, in the chosen digits.
QString formatTime(QTime time, const QLocale &locale = QLocale());

/// The first day of the week in date pickers: Qt::Saturday, Qt::Sunday,
/// Qt::Monday, or 0 for the locale's own (Saturday in Iran, Sunday in Saudi
/// Arabia, Sunday in the US).
void setWeekStartPreference(int day);
int weekStartPreference();
Qt::DayOfWeek firstDayOfWeek(const QLocale &locale = QLocale());

/// A day separator in the thread: "Wednesday, March 20, 2024",
/// «چهارشنبه ۱ فروردین ۱۴۰۳», «الأربعاء، ١٠ رمضان ١٤٤٥ هـ».
QString dayLabel(QDate date, const QLocale &locale = QLocale());

/// A compact date: "3/20/24", «۱۴۰۳/۱/۱».
QString shortDate(QDate date, const QLocale &locale = QLocale());

/// How long ago, in the locale's words and digits: "5 min ago", «۵ دقیقه پیش»,
/// «منذ ٥ دقائق»; a short date after a week.
QString relativeTime(qint64 ms, qint64 nowMs, const QLocale &locale = QLocale());

/// Puts @p n, in the locale's digits, where @p translated has %1. Arabic
/// translations spell out one and two («دقیقتین») and have no %1 there.
QString withNumber(const QString &translated, qint64 n, const QLocale &locale = QLocale());

/// A call's duration: "4:07", «۴:۰۷».
QString callDuration(int seconds, const QLocale &locale = QLocale());

} // namespace threadline::ui
