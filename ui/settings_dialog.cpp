// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings_dialog.h"

#include "ui/settings_apply.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace threadline::ui {

namespace {
QComboBox *choice(QWidget *parent, const QString &name,
                  std::initializer_list<std::pair<QString, QVariant>> items)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    for (const auto &[label, value] : items)
        box->addItem(label, value);
    return box;
}

void select(QComboBox *box, const QVariant &value)
{
    box->setCurrentIndex(std::max(0, box->findData(value)));
}

/// A form row whose label is the control's accessible name and its buddy (Alt+letter).
void addRow(QFormLayout *form, const QString &label, QWidget *control)
{
    auto *caption = new QLabel(label, form->parentWidget());
    caption->setBuddy(control);
    control->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    form->addRow(caption, control);
}
} // namespace

SettingsDialog::SettingsDialog(const QString &iniPath, QWidget *cannedPage, QWidget *parent)
    : QDialog(parent), m_iniPath(iniPath), m_loaded(loadDesktopSettings(iniPath)),
      m_pages(new QTabWidget(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto *general = new QWidget(m_pages);
    auto *form = new QFormLayout(general);

    // Language names are written in their own language: whoever cannot read
    // the current one still finds theirs.
    m_language = choice(general, QStringLiteral("settingsLanguage"),
                        {{tr("System language"), QString()},
                         {QStringLiteral("English"), QStringLiteral("en")},
                         {QStringLiteral("فارسی"), QStringLiteral("fa")},
                         {QStringLiteral("العربية"), QStringLiteral("ar")}});
    m_languageNote = new QLabel(tr("The new language applies the next time Threadline starts."),
                                general);
    m_languageNote->setObjectName(QStringLiteral("settingsLanguageNote"));
    m_languageNote->setWordWrap(true);
    m_digits = choice(general, QStringLiteral("settingsDigits"),
                      {{tr("The language's digits"), false}, {tr("Latin digits (0-9)"), true}});
    m_calendar = choice(general, QStringLiteral("settingsCalendar"),
                        {{tr("As the language has it"), QString()},
                         {tr("Gregorian"), QStringLiteral("gregorian")},
                         {tr("Persian (Jalali)"), QStringLiteral("jalali")},
                         {tr("Islamic (civil)"), QStringLiteral("islamic")}});
    m_weekStart = choice(general, QStringLiteral("settingsWeekStart"),
                         {{tr("As the language has it"), 0},
                          {tr("Saturday"), int(Qt::Saturday)},
                          {tr("Sunday"), int(Qt::Sunday)},
                          {tr("Monday"), int(Qt::Monday)}});
    m_theme = choice(general, QStringLiteral("settingsTheme"),
                     {{tr("System"), QString()},
                      {tr("Light"), QStringLiteral("light")},
                      {tr("Dark"), QStringLiteral("dark")}});
    m_retention = new QSpinBox(general);
    m_retention->setObjectName(QStringLiteral("settingsRetention"));
    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("Keep everything"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setToolTip(tr("Older conversations stay on the server."));
    m_sound = new QCheckBox(tr("Play a sound with a new-assignment notice"), general);
    m_sound->setObjectName(QStringLiteral("settingsSound"));
    m_sound->setAccessibleName(m_sound->text());

    addRow(form, tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);
    addRow(form, tr("&Digits:"), m_digits);
    addRow(form, tr("&Calendar:"), m_calendar);
    addRow(form, tr("&Week starts on:"), m_weekStart);
    addRow(form, tr("&Theme:"), m_theme);
    addRow(form, tr("&Keep history on this computer:"), m_retention);
    addRow(form, tr("Notifications:"), m_sound);

    select(m_language, m_loaded.language);
    select(m_digits, m_loaded.latinDigits);
    select(m_calendar, m_loaded.calendar);
    select(m_weekStart, m_loaded.weekStart);
    select(m_theme, m_loaded.theme);
    m_retention->setValue(m_loaded.retentionDays);
    m_sound->setChecked(m_loaded.sound);
    updateLanguageNote();
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLanguageNote);

    m_pages->addTab(general, tr("General"));
    if (cannedPage)
        m_pages->addTab(cannedPage, tr("Canned responses"));

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    m_language->setFocus();
    resize(560, 460);
}

DesktopSettings SettingsDialog::chosen() const
{
    DesktopSettings s;
    s.language = m_language->currentData().toString();
    s.latinDigits = m_digits->currentData().toBool();
    s.calendar = m_calendar->currentData().toString();
    s.weekStart = m_weekStart->currentData().toInt();
    s.theme = m_theme->currentData().toString();
    s.retentionDays = m_retention->value();
    s.sound = m_sound->isChecked();
    return s;
}

void SettingsDialog::apply()
{
    const DesktopSettings s = chosen();
    saveDesktopSettings(m_iniPath, s);
    applyDisplaySettings(s);
    Q_EMIT applied(s);
}

void SettingsDialog::showPage(const QString &page)
{
    m_pages->setCurrentIndex(page == QLatin1String("canned") && m_pages->count() > 1 ? 1 : 0);
}

void SettingsDialog::updateLanguageNote()
{
    // The interface is built in one language; another needs a fresh start.
    m_languageNote->setVisible(m_language->currentData().toString() != m_loaded.language);
}

} // namespace threadline::ui
