// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings_profile.h"

#include <QSettings>
#include <algorithm>
#include <QStringList>

namespace threadline::ui {

namespace {
QString oneOf(const QString &value, const QStringList &allowed)
{
    return allowed.contains(value) ? value : QString();
}

int weekStartFromName(const QString &name)
{
    if (name == QLatin1String("saturday"))
        return Qt::Saturday;
    if (name == QLatin1String("sunday"))
        return Qt::Sunday;
    if (name == QLatin1String("monday"))
        return Qt::Monday;
    return 0;
}

QString weekStartName(int day)
{
    switch (day) {
    case Qt::Saturday:
        return QStringLiteral("saturday");
    case Qt::Sunday:
        return QStringLiteral("sunday");
    case Qt::Monday:
        return QStringLiteral("monday");
    default:
        return QString();
    }
}
} // namespace

DesktopSettings loadDesktopSettings(const QString &iniPath)
{
    const QSettings ini(iniPath, QSettings::IniFormat);
    DesktopSettings s;
    s.language = oneOf(ini.value(QStringLiteral("language")).toString(),
                       {QStringLiteral("en"), QStringLiteral("fa"), QStringLiteral("ar")});
    s.latinDigits = ini.value(QStringLiteral("digits")).toString() == QLatin1String("latin");
    s.calendar = oneOf(ini.value(QStringLiteral("calendar")).toString(),
                       {QStringLiteral("gregorian"), QStringLiteral("jalali"), QStringLiteral("islamic")});
    s.weekStart = weekStartFromName(ini.value(QStringLiteral("week_start")).toString());
    s.theme = oneOf(ini.value(QStringLiteral("theme")).toString(),
                    {QStringLiteral("light"), QStringLiteral("dark")});
    s.retentionDays = std::clamp(ini.value(QStringLiteral("retention_days"), 0).toInt(), 0, 3650);
    s.sound = ini.value(QStringLiteral("notification_sound"), true).toBool();
    return s;
}

void saveDesktopSettings(const QString &iniPath, const DesktopSettings &s)
{
    QSettings ini(iniPath, QSettings::IniFormat);
    ini.setValue(QStringLiteral("language"), s.language);
    ini.setValue(QStringLiteral("digits"),
                 s.latinDigits ? QStringLiteral("latin") : QStringLiteral("locale"));
    ini.setValue(QStringLiteral("calendar"), s.calendar);
    ini.setValue(QStringLiteral("week_start"), weekStartName(s.weekStart));
    ini.setValue(QStringLiteral("theme"), s.theme.isEmpty() ? QStringLiteral("system") : s.theme);
    ini.setValue(QStringLiteral("retention_days"), s.retentionDays);
    ini.setValue(QStringLiteral("notification_sound"), s.sound);
    ini.sync();
}

} // namespace threadline::ui
