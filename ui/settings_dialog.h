// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/settings_profile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace threadline::ui {

/// Settings (Ctrl+,): language, digits, calendar, week start, theme, local
/// history and the notification sound — kept in the profile's settings.ini and
/// applied on OK or Apply — and, as a second page, the shared canned responses.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    /// @p iniPath is the profile's settings.ini; @p cannedPage (may be null) is
    /// shown as the "Canned responses" page and owned by the dialog from then on.
    SettingsDialog(const QString &iniPath, QWidget *cannedPage, QWidget *parent = nullptr);

    /// What the controls show now (not yet saved).
    DesktopSettings chosen() const;
    /// Saves to settings.ini, applies what shows at once, emits applied().
    void apply();
    /// "general" or "canned".
    void showPage(const QString &page);

Q_SIGNALS:
    void applied(const threadline::ui::DesktopSettings &settings);

private:
    void updateLanguageNote();

    QString m_iniPath;
    DesktopSettings m_loaded;
    QTabWidget *m_pages;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QComboBox *m_digits;
    QComboBox *m_calendar;
    QComboBox *m_weekStart;
    QComboBox *m_theme;
    QSpinBox *m_retention;
    QCheckBox *m_sound;
};

} // namespace threadline::ui
