// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace threadline::ui {

/// What an agent chose in Settings, kept in the profile's settings.ini (beside
/// the server and user name; never a secret).
struct DesktopSettings {
    QString language;        ///< "", "en", "fa" or "ar" ("" follows the system)
    bool latinDigits = false; ///< 0-9 instead of the locale's digits
    QString calendar;        ///< "", "gregorian", "jalali" or "islamic"
    int weekStart = 0;       ///< 0 (the locale's), Qt::Saturday, Qt::Sunday or Qt::Monday
    QString theme;           ///< "" (system), "light" or "dark"
    int retentionDays = 0;   ///< keep this many days locally; 0 keeps everything
    bool sound = true;       ///< a short sound with a new-assignment notice

    friend bool operator==(const DesktopSettings &, const DesktopSettings &) = default;
};

/// Reads the choices from @p iniPath; unknown or damaged values fall back to
/// the defaults, so a hand-edited file cannot stop the desktop from starting.
DesktopSettings loadDesktopSettings(const QString &iniPath);
void saveDesktopSettings(const QString &iniPath, const DesktopSettings &settings);

} // namespace threadline::ui
