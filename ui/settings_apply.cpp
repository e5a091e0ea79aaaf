// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings_apply.h"

#include "ui/calendar_format.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QEvent>

namespace threadline::ui {

namespace {
/// Every date picker (a QCalendarWidget, also inside a QDateTimeEdit's popup)
/// starts its weeks on the chosen day. Pickers are created by many screens,
/// so one application-wide filter sets it when each is polished.
class WeekStartFilter : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish)
            if (auto *calendar = qobject_cast<QCalendarWidget *>(watched))
                calendar->setFirstDayOfWeek(firstDayOfWeek());
        return false;
    }
};

void installWeekStartFilter()
{
    static WeekStartFilter *filter = nullptr;
    if (filter || !QCoreApplication::instance())
        return;
    filter = new WeekStartFilter(QCoreApplication::instance());
    QCoreApplication::instance()->installEventFilter(filter);
}
} // namespace

void applyDisplaySettings(const DesktopSettings &settings)
{
    setCalendarPreference(settings.calendar);
    setLatinDigits(settings.latinDigits);
    setWeekStartPreference(settings.weekStart);
    installWeekStartFilter();
    // Pickers already on screen follow at once too.
    for (QWidget *w : QApplication::allWidgets())
        if (auto *calendar = qobject_cast<QCalendarWidget *>(w))
            calendar->setFirstDayOfWeek(firstDayOfWeek());
    if (settings.theme != currentTheme() || !settings.theme.isEmpty())
        applyTheme(settings.theme);
}

} // namespace threadline::ui
