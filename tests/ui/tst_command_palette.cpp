// SPDX-License-Identifier: GPL-3.0-or-later
// The command palette as an agent uses it: the whole desktop signed in to a real hub
// on loopback, driven from the keyboard. A command runs the very action its button
// and key run, so resolving from the palette resolves on the hub.
#include "app/desktop.h"
#include "models/inbox_roles.h"
#include "tests/support/desktop_fixture.h"
#include "tests/support/hub_process.h"
#include "ui/command_palette.h"
#include "ui/desk_actions.h"
#include "ui/interface_language.h"
#include "ui/main_window.h"
#include "ui/search_palette.h"
#include "ui/timeline_view.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace threadline;

namespace {
constexpr int kWaitMs = 30000;

using testing::typeText;
using testing::writeFile;

QString statusOf(ui::MainWindow *window, qint64 customerId)
{
    auto *inbox = window->findChild<QListView *>(QStringLiteral("inbox"));
    for (int row = 0; row < inbox->model()->rowCount(); ++row) {
        const QModelIndex i = inbox->model()->index(row, 0);
        if (i.data(models::CustomerIdRole).toLongLong() == customerId)
            return i.data(models::StatusRole).toString();
    }
    return {};
}

QString firstShown(ui::CommandPalette *palette)
{
    const auto shown = palette->shown();
    return shown.isEmpty() ? QString() : shown.first()->objectName();
}
} // namespace

class TestCommandPalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hub.start(true));
        QVERIFY(m_dir.isValid());
        writeFile(m_dir.filePath(QStringLiteral("password")), "demo\n");
        writeFile(m_dir.filePath(QStringLiteral("passphrase")), "correct horse battery\n");
    }

    void ctrlShiftPOpensItAndAGreaterThanInSearchSwitchesToIt()
    {
        auto desktop = makeDesktop();
        ui::MainWindow *window = signedIn(*desktop);
        QVERIFY(window);
        ui::CommandPalette *commands = window->commandPalette();
        QVERIFY(!commands->isVisible());

        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(commands->isVisible());
        QTRY_VERIFY(commands->queryField()->hasFocus());
        QVERIFY(commands->shown().size() >= 20);
        QTest::keyClick(commands->queryField(), Qt::Key_Escape);
        QVERIFY(!commands->isVisible());

        // In Ctrl+K, ">" first turns the search into the command palette.
        ui::SearchPalette *search = window->searchPalette();
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(search->isVisible());
        typeText(search->queryField(), QStringLiteral(">"));
        QVERIFY(!search->isVisible());
        QVERIFY(commands->isVisible());
        QTRY_VERIFY(commands->queryField()->hasFocus()); // the next keys go there
        typeText(commands->queryField(), QStringLiteral("log"));
        QCOMPARE(commands->queryField()->text(), QStringLiteral("log"));
        QCOMPARE(firstShown(commands), QStringLiteral("logCall"));
        // Each command shows its key beside its title.
        QVERIFY(commands->list()->currentItem()->text(1).contains(QStringLiteral("Ctrl+L")));
        QTest::keyClick(commands->queryField(), Qt::Key_Escape);
        // The search palette was left empty, ready for a name; ">" pasted with more
        // brings what follows along.
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(search->queryField()->text().isEmpty());
        search->queryField()->setText(QStringLiteral(">merge"));
        QVERIFY(commands->isVisible());
        QCOMPARE(commands->queryField()->text(), QStringLiteral("merge"));
        QCOMPARE(firstShown(commands), QStringLiteral("mergeWith"));
        QTest::keyClick(commands->queryField(), Qt::Key_Escape);
    }

    void enterResolvesTheOpenConversationThroughTheActionCtrlEUses()
    {
        auto desktop = makeDesktop();
        ui::MainWindow *window = signedIn(*desktop);
        QVERIFY(window);
        const qint64 customer = window->currentCustomer();
        QAction *resolve = window->deskActions()->find(QStringLiteral("resolve"));
        QVERIFY(resolve);
        QSignalSpy runs(resolve, &QAction::triggered);
        if (statusOf(window, customer) == QLatin1String("resolved")) {
            QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier); // reopen by the key
            QTRY_VERIFY_WITH_TIMEOUT(statusOf(window, customer) != QLatin1String("resolved"), kWaitMs);
        }
        const int byKey = int(runs.size());

        ui::CommandPalette *commands = window->commandPalette();
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        typeText(commands->queryField(), QStringLiteral("resol"));
        QCOMPARE(firstShown(commands), QStringLiteral("resolve"));
        QTest::keyClick(commands->queryField(), Qt::Key_Return);
        QVERIFY(!commands->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(window, customer), QStringLiteral("resolved"), kWaitMs);
        QCOMPARE(int(runs.size()), byKey + 1); // the same action, run once
        // The title follows the state, as the button's does: now it reopens.
        QTRY_COMPARE(ui::commandTitle(resolve), QStringLiteral("Reopen"));
    }

    void aCommandThatCannotRunIsGreyedWithWhyAndEnterDoesNothing()
    {
        auto desktop = makeDesktop();
        ui::MainWindow *window = signedIn(*desktop);
        QVERIFY(window);
        window->openFirstCustomer();
        const qint64 first = window->currentCustomer();
        ui::CommandPalette *commands = window->commandPalette();
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        typeText(commands->queryField(), QStringLiteral("previous cust"));
        QCOMPARE(firstShown(commands), QStringLiteral("previousCustomer"));
        QTreeWidgetItem *item = commands->list()->currentItem();
        QVERIFY2(item->text(0).contains(QStringLiteral("first customer")), qPrintable(item->text(0)));
        QVERIFY(item->foreground(0).color() != commands->palette().color(QPalette::Text));
        QTest::keyClick(commands->queryField(), Qt::Key_Return);
        QVERIFY(commands->isVisible()); // it says why instead
        QVERIFY(commands->findChild<QLabel *>(QStringLiteral("commandStatus"))->text().contains(
            QStringLiteral("first customer")));
        QTest::qWait(50); // a queued run would have happened by now
        QCOMPARE(window->currentCustomer(), first);
        // What can run is listed before what cannot.
        commands->queryField()->setText(QStringLiteral("customer"));
        const QList<QAction *> shown = commands->shown();
        QVERIFY(shown.size() >= 3);
        QCOMPARE(shown.last()->objectName(), QStringLiteral("previousCustomer"));
        commands->queryField()->setText(QStringLiteral("next cust"));
        QCOMPARE(firstShown(commands), QStringLiteral("nextCustomer"));
        QTest::keyClick(commands->queryField(), Qt::Key_Return);
        QTRY_VERIFY(window->currentCustomer() != first);
    }

    void aCommandJustRunComesFirstNextTime()
    {
        auto desktop = makeDesktop();
        ui::MainWindow *window = signedIn(*desktop);
        QVERIFY(window);
        ui::CommandPalette *commands = window->commandPalette();
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        const QString before = firstShown(commands);
        QVERIFY(before != QLatin1String("sectionQueue"));
        typeText(commands->queryField(), QStringLiteral("show the queue"));
        QCOMPARE(firstShown(commands), QStringLiteral("sectionQueue"));
        QTest::keyClick(commands->queryField(), Qt::Key_Return);
        auto *sections = window->findChild<QTabBar *>(QStringLiteral("inboxSections"));
        QTRY_COMPARE(sections->currentIndex(), 1);
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(commands->queryField()->text().isEmpty());
        QCOMPARE(firstShown(commands), QStringLiteral("sectionQueue"));
        QTest::keyClick(commands->queryField(), Qt::Key_Escape);
    }

    void theCommandsRunLastComeFirstAgainAfterARestart()
    {
        {
            auto desktop = makeDesktop();
            ui::MainWindow *window = signedIn(*desktop);
            QVERIFY(window);
            ui::CommandPalette *commands = window->commandPalette();
            QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
            typeText(commands->queryField(), QStringLiteral("show all"));
            QCOMPARE(firstShown(commands), QStringLiteral("sectionAll"));
            QTest::keyClick(commands->queryField(), Qt::Key_Return);
            auto *sections = window->findChild<QTabBar *>(QStringLiteral("inboxSections"));
            QTRY_COMPARE(sections->currentIndex(), 2);
        } // quit
        auto desktop = makeDesktop();
        ui::MainWindow *window = signedIn(*desktop);
        QVERIFY(window);
        ui::CommandPalette *commands = window->commandPalette();
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(commands->queryField()->text().isEmpty());
        QCOMPARE(firstShown(commands), QStringLiteral("sectionAll"));
        QCOMPARE(commands->recent().value(1), QStringLiteral("sectionQueue")); // the one before
        QTest::keyClick(commands->queryField(), Qt::Key_Escape);
    }

    void aPersianAgentFindsCommandsByTheirPersianTitles()
    {
        ui::useInterfaceLanguage(QStringLiteral("fa"));
        auto desktop = makeDesktop(QStringLiteral("fa"));
        ui::MainWindow *window = signedIn(*desktop);
        QVERIFY(window);
        ui::CommandPalette *commands = window->commandPalette();
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        // Typed with an Arabic yeh: «مشتري» still finds «مشتری بعدی».
        typeText(commands->queryField(), QStringLiteral("مشتري بعد"));
        QCOMPARE(firstShown(commands), QStringLiteral("nextCustomer"));
        QVERIFY(commands->list()->currentItem()->text(0).contains(QStringLiteral("مشتری")));
        commands->queryField()->clear();
        typeText(commands->queryField(), QStringLiteral("انتقال"));
        QCOMPARE(firstShown(commands), QStringLiteral("transfer"));
        QTest::keyClick(commands->queryField(), Qt::Key_Escape);
        ui::useInterfaceLanguage(QStringLiteral("en"));
    }

    /// THREADLINE_SCREENSHOT_DIR=docs/screenshots saves the palette over the agent's
    /// window, and the window alone at 1600×1000 and 1280×800, in English and Persian.
    void screenshotsOnRequest_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fa") << QStringLiteral("fa");
    }
    void screenshotsOnRequest()
    {
        const QString dir = qEnvironmentVariable("THREADLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set THREADLINE_SCREENSHOT_DIR to save screenshots");
        QFETCH(QString, language);
        ui::useInterfaceLanguage(language); // as main() does for --lang, before the window exists
        auto desktop = makeDesktop(language);
        ui::MainWindow *window = signedIn(*desktop);
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(window->timelineView()->model()->rowCount() > 0, kWaitMs);
        for (const QSize size : {QSize(1600, 1000), QSize(1280, 800)}) {
            window->resize(size);
            QTest::qWait(300); // let the view lay out and paint at this size
            QVERIFY(window->grab().save(QDir(dir).filePath(
                QStringLiteral("agent-window-%1-%2.png").arg(language).arg(size.width()))));
        }
        window->resize(1440, 900);
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::qWait(200);
        QVERIFY(window->grab().save(
            QDir(dir).filePath(QStringLiteral("command-palette-%1.png").arg(language))));
        ui::useInterfaceLanguage(QStringLiteral("en"));
    }

private:
    std::unique_ptr<app::Desktop> makeDesktop(const QString &language = QStringLiteral("en"))
    {
        return std::make_unique<app::Desktop>(testing::desktopOptions(
            m_hub.url(), m_dir, m_dir.filePath(QStringLiteral("profile-") + language),
            QStringLiteral("agent"), language));
    }

    /// The agent's window, signed in with a thread open and in front.
    ui::MainWindow *signedIn(app::Desktop &desktop)
    {
        if (!desktop.start())
            return nullptr;
        ui::MainWindow *window = desktop.window();
        window->resize(1440, 900);
        // Signed in ("Take" knows who "me" is) with a customer open.
        if (!QTest::qWaitFor(
                [window] {
                    return window->currentCustomer() != 0
                           && window->deskActions()->find(QStringLiteral("take"))->isEnabled();
                },
                kWaitMs))
            return nullptr;
        window->activateWindow();
        return QTest::qWaitForWindowActive(window) ? window : nullptr;
    }

    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestCommandPalette)
#include "tst_command_palette.moc"
