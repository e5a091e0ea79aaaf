// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: every choice is kept in the profile's settings.ini and shows at once.
#include "app/command_line.h"
#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "ui/calendar_format.h"
#include "ui/interface_language.h"
#include "ui/main_window.h"
#include "ui/settings_apply.h"
#include "ui/settings_dialog.h"
#include "ui/theme.h"
#include "ui/timeline_delegate.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDir>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

namespace {
bool hasNonLatinDigit(const QString &s)
{
    for (QChar c : s)
        if (c.isDigit() && (c < QLatin1Char('0') || c > QLatin1Char('9')))
            return true;
    return false;
}

bool hasLatinDigit(const QString &s)
{
    for (QChar c : s)
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            return true;
    return false;
}

void choose(QWidget *dialog, const char *name, const QVariant &value)
{
    auto *box = dialog->findChild<QComboBox *>(QLatin1String(name));
    QVERIFY2(box, name);
    const int index = box->findData(value);
    QVERIFY2(index >= 0, name);
    box->setCurrentIndex(index);
}

void pressOk(QWidget *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

QList<models::Customer> customers()
{
    QList<models::Customer> list;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 1; i <= 12; ++i) {
        models::Customer c;
        c.id = i;
        c.name = QStringLiteral("مشتری %1").arg(i);
        c.status = QStringLiteral("open");
        c.lastAt = now - i * 5 * 60 * 1000;
        c.lastChannel = QStringLiteral("sms");
        c.lastDirection = QStringLiteral("in");
        c.lastPreview = QStringLiteral("سلام");
        list.append(c);
    }
    return list;
}

/// Paints one inbound message with the application palette and counts the
/// pixels of @p colour.
int pixelsOf(const QColor &colour)
{
    models::Message m;
    m.id = 1;
    m.customerId = 7;
    m.channel = QStringLiteral("sms");
    m.direction = QStringLiteral("in");
    m.body = QStringLiteral("Where is my order?");
    m.at = 1732530000000;
    models::TimelineModel model;
    model.showCustomer(7);
    model.applyPage(7, {m}, m.at, 1, true);
    ui::TimelineDelegate delegate;
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 800, 10);
    option.font = QApplication::font();
    option.palette = QApplication::palette();
    const QSize size = delegate.sizeHint(option, model.index(0));
    option.rect = QRect(QPoint(0, 0), size);
    QImage image(size, QImage::Format_RGB32);
    image.fill(option.palette.color(QPalette::Base));
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, model.index(0));
    }
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) == colour.rgb();
    return count;
}
} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(ini());
        ui::useInterfaceLanguage(QStringLiteral("en"));
        ui::applyDisplaySettings({});
        ui::applyTheme(QStringLiteral("light"));
    }

    void everyChoiceIsKeptInTheProfileAndReadBackAtTheNextStart()
    {
        ui::SettingsDialog dialog(ini(), nullptr);
        dialog.show();
        choose(&dialog, "settingsLanguage", QStringLiteral("ar"));
        choose(&dialog, "settingsDigits", true);
        choose(&dialog, "settingsCalendar", QStringLiteral("islamic"));
        choose(&dialog, "settingsWeekStart", int(Qt::Monday));
        choose(&dialog, "settingsTheme", QStringLiteral("dark"));
        dialog.findChild<QSpinBox *>(QStringLiteral("settingsRetention"))->setValue(30);
        dialog.findChild<QCheckBox *>(QStringLiteral("settingsSound"))->setChecked(false);
        QSignalSpy applied(&dialog, &ui::SettingsDialog::applied);
        pressOk(&dialog);
        QCOMPARE(applied.count(), 1);

        const QSettings saved(ini(), QSettings::IniFormat);
        QCOMPARE(saved.value(QStringLiteral("language")).toString(), QStringLiteral("ar"));
        QCOMPARE(saved.value(QStringLiteral("digits")).toString(), QStringLiteral("latin"));
        QCOMPARE(saved.value(QStringLiteral("calendar")).toString(), QStringLiteral("islamic"));
        QCOMPARE(saved.value(QStringLiteral("week_start")).toString(), QStringLiteral("monday"));
        QCOMPARE(saved.value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(saved.value(QStringLiteral("retention_days")).toInt(), 30);
        QCOMPARE(saved.value(QStringLiteral("notification_sound")).toBool(), false);

        // A second opening shows what was saved.
        const ui::DesktopSettings back = ui::loadDesktopSettings(ini());
        QCOMPARE(back, dialog.chosen());
        ui::SettingsDialog again(ini(), nullptr);
        QCOMPARE(again.chosen(), back);
    }

    void aLanguageChoiceSaysWhenItAppliesAndTheCommandLineStillWins()
    {
        ui::SettingsDialog dialog(ini(), nullptr);
        dialog.show();
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("settingsLanguageNote"));
        QVERIFY(!note->isVisible());
        choose(&dialog, "settingsLanguage", QStringLiteral("fa"));
        QVERIFY(note->isVisible());
        pressOk(&dialog);

        const QString profile = m_dir.path();
        auto parsed = app::parseCommandLine({QStringLiteral("threadline"), QStringLiteral("--profile"), profile});
        QCOMPARE(std::get<app::Options>(parsed).language, QStringLiteral("fa"));
        parsed = app::parseCommandLine({QStringLiteral("threadline"), QStringLiteral("--profile"),
                                        profile, QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(std::get<app::Options>(parsed).language, QStringLiteral("en"));
        QCOMPARE(ui::loadDesktopSettings(ini()).language, QStringLiteral("fa")); // unchanged
    }

    void latinDigitsMakeAPersianInboxShowZeroToNine()
    {
        ui::useInterfaceLanguage(QStringLiteral("fa"));
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        window.setSettingsPath(ini());
        inbox.applyCustomers(customers());
        window.show();
        auto *sections = window.findChild<QTabBar *>(QStringLiteral("inboxSections"));
        QTRY_VERIFY(sections->tabText(2).contains(QStringLiteral("۱۲")));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // The inbox draws each customer's time with relativeTime.
        QVERIFY(hasNonLatinDigit(ui::relativeTime(now - 5 * 60 * 1000, now)));

        ui::SettingsDialog *dialog = window.openSettings();
        choose(dialog, "settingsDigits", true);
        pressOk(dialog);
        QTRY_VERIFY2(sections->tabText(2).contains(QStringLiteral("12")),
                     qPrintable(sections->tabText(2)));
        QVERIFY(!hasNonLatinDigit(sections->tabText(2)));
        const QString fiveMinutes = ui::relativeTime(now - 5 * 60 * 1000, now);
        QVERIFY2(fiveMinutes.contains(QLatin1Char('5')) && !hasNonLatinDigit(fiveMinutes),
                 qPrintable(fiveMinutes));
        const QString longAgo = ui::relativeTime(now - 30LL * 24 * 3600 * 1000, now);
        QVERIFY2(hasLatinDigit(longAgo) && !hasNonLatinDigit(longAgo), qPrintable(longAgo));
        QVERIFY(!hasNonLatinDigit(ui::dayLabel(QDate(2024, 3, 20))));
        QCOMPARE(ui::dayLabel(QDate(2024, 3, 20)).contains(QStringLiteral("1403")), true); // Jalali still
        QCOMPARE(ui::loadDesktopSettings(ini()).latinDigits, true);
    }

    void theChosenFirstDayOfTheWeekReachesEveryDatePicker()
    {
        QCOMPARE(QLocale().firstDayOfWeek(), Qt::Sunday); // en_US
        ui::SettingsDialog dialog(ini(), nullptr);
        dialog.show();
        choose(&dialog, "settingsWeekStart", int(Qt::Saturday));
        pressOk(&dialog);

        QDateTimeEdit snoozeUntil;
        snoozeUntil.setCalendarPopup(true);
        snoozeUntil.show();
        QCalendarWidget *popup = snoozeUntil.calendarWidget();
        popup->ensurePolished();
        QCOMPARE(popup->firstDayOfWeek(), Qt::Saturday);
        QCalendarWidget picker;
        picker.show();
        QCOMPARE(picker.firstDayOfWeek(), Qt::Saturday);
        QCOMPARE(ui::loadDesktopSettings(ini()).weekStart, int(Qt::Saturday));

        // And one already on screen follows a new choice.
        ui::SettingsDialog second(ini(), nullptr);
        second.show();
        choose(&second, "settingsWeekStart", int(Qt::Monday));
        pressOk(&second);
        QCOMPARE(picker.firstDayOfWeek(), Qt::Monday);
    }

    void theDarkThemeDarkensThePaletteAndTheThreadStaysReadable()
    {
        QVERIFY(!ui::isDark(QApplication::palette()));
        QVERIFY(pixelsOf(ui::bubbleFill(ui::Bubble::Inbound, QApplication::palette())) > 1000);
        ui::SettingsDialog dialog(ini(), nullptr);
        dialog.show();
        choose(&dialog, "settingsTheme", QStringLiteral("dark"));
        pressOk(&dialog);

        const QPalette dark = QApplication::palette();
        QVERIFY(ui::isDark(dark));
        QVERIFY(dark.color(QPalette::Window).lightness() < 80);
        QVERIFY(dark.color(QPalette::Text).lightness() > 200);
        QTRY_COMPARE(dialog.palette().color(QPalette::Window), dark.color(QPalette::Window));
        // The thread's cards take their dark fills, and text reads on each.
        QVERIFY(pixelsOf(ui::bubbleFill(ui::Bubble::Inbound, dark)) > 1000);
        for (auto kind : {ui::Bubble::Inbound, ui::Bubble::Outbound, ui::Bubble::Note,
                          ui::Bubble::Order, ui::Bubble::System}) {
            const QColor fill = ui::bubbleFill(kind, dark);
            QVERIFY2(ui::contrastRatio(fill, dark.color(QPalette::Text)) >= 7.0,
                     qPrintable(fill.name()));
            QVERIFY(fill.lightness() < 100);
            QVERIFY(ui::contrastRatio(ui::bubbleFill(kind, QApplication::style()->standardPalette()),
                                      QColor(Qt::black)) >= 7.0);
        }
        // The inbox's selected row too.
        QVERIFY(ui::contrastRatio(ui::selectionFill(dark), dark.color(QPalette::Text)) >= 4.5);
        QCOMPARE(ui::loadDesktopSettings(ini()).theme, QStringLiteral("dark"));

        // Back to light: the palette follows.
        ui::SettingsDialog light(ini(), nullptr);
        light.show();
        choose(&light, "settingsTheme", QStringLiteral("light"));
        pressOk(&light);
        QVERIFY(!ui::isDark(QApplication::palette()));
    }

    void keepHistoryReachesTheAppAsARetentionChange()
    {
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        window.setSettingsPath(ini());
        window.show();
        QSignalSpy retention(&window, &ui::MainWindow::retentionChanged);
        QSignalSpy applied(&window, &ui::MainWindow::settingsApplied);
        // Ctrl+, opens Settings.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(window.findChild<ui::SettingsDialog *>());
        auto *dialog = window.findChild<ui::SettingsDialog *>();
        QTRY_VERIFY(dialog->isVisible());
        dialog->findChild<QSpinBox *>(QStringLiteral("settingsRetention"))->setValue(14);
        dialog->findChild<QCheckBox *>(QStringLiteral("settingsSound"))->setChecked(false);
        pressOk(dialog);
        QCOMPARE(retention.count(), 1);
        QCOMPARE(retention.at(0).at(0).toInt(), 14);
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.at(0).at(0).value<ui::DesktopSettings>().sound, false);
        QCOMPARE(ui::loadDesktopSettings(ini()).retentionDays, 14);
    }

    void aDamagedSettingsFileFallsBackToTheDefaults()
    {
        {
            QSettings bad(ini(), QSettings::IniFormat);
            bad.setValue(QStringLiteral("language"), QStringLiteral("klingon"));
            bad.setValue(QStringLiteral("theme"), QStringLiteral("neon"));
            bad.setValue(QStringLiteral("week_start"), QStringLiteral("friday"));
            bad.setValue(QStringLiteral("retention_days"), -4);
        }
        const ui::DesktopSettings s = ui::loadDesktopSettings(ini());
        QCOMPARE(s, ui::DesktopSettings{});
    }

    void inPersianTheDialogIsMirroredAndTranslated()
    {
        ui::useInterfaceLanguage(QStringLiteral("fa"));
        ui::SettingsDialog dialog(ini(), nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.layoutDirection(), Qt::RightToLeft);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("تنظیمات"));
        saveScreenshot(&dialog, QStringLiteral("settings-fa.png"));
        ui::useInterfaceLanguage(QStringLiteral("en"));
        ui::SettingsDialog english(ini(), nullptr);
        english.show();
        QVERIFY(QTest::qWaitForWindowExposed(&english));
        QCOMPARE(english.layoutDirection(), Qt::LeftToRight);
        saveScreenshot(&english, QStringLiteral("settings-en.png"));
    }

private:
    /// THREADLINE_SCREENSHOT_DIR=docs/screenshots keeps a picture of the dialog.
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("THREADLINE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }

    QString ini() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settings_dialog.moc"
