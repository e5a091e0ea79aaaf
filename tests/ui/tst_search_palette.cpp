// SPDX-License-Identifier: GPL-3.0-or-later
// Global search as an agent uses it: the whole desktop signed in to a real hub on
// loopback, driven from the keyboard.
#include "app/desktop.h"
#include "models/search_results_model.h"
#include "models/timeline_roles.h"
#include "services/protocol/frame_types.h"
#include "tests/support/desktop_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"
#include "ui/desk_actions.h"
#include "ui/interface_language.h"
#include "ui/main_window.h"
#include "ui/search_palette.h"
#include "ui/shortcut_sheet.h"
#include "ui/timeline_view.h"

#include <QAction>
#include <QDir>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QShortcut>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

namespace {
constexpr int kWaitMs = 30000;
constexpr qint64 kCustomer = 7;

using testing::typeText;
using testing::writeFile;

bool hasCustomer(const models::SearchResultsModel *results, qint64 customerId)
{
    for (int row = 0; row < results->rowCount(); ++row)
        if (const auto *hit = results->hitAt(row); hit && hit->customerId == customerId)
            return true;
    return false;
}

int rowOfMessage(const models::SearchResultsModel *results, qint64 messageId)
{
    for (int row = 0; row < results->rowCount(); ++row)
        if (const auto *hit = results->hitAt(row); hit && hit->messageId == messageId)
            return row;
    return -1;
}
} // namespace

class TestSearchPalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hub.start(true));
        QVERIFY(m_hub.addUser(QStringLiteral("colleague"), QStringLiteral("agent"),
                              QStringLiteral("pw")));
        QVERIFY(m_dir.isValid());
        writeFile(m_dir.filePath(QStringLiteral("password")), "demo\n");
        writeFile(m_dir.filePath(QStringLiteral("passphrase")), "correct horse battery\n");
        // A colleague's note, written in Persian (ZWNJ, Persian yeh).
        auto colleague = testing::TestClient::signedIn(m_hub.url(), QStringLiteral("colleague"),
                                                       QStringLiteral("pw"));
        QVERIFY(colleague);
        const auto ack = colleague->command(
            protocol::type::addNote,
            {{QStringLiteral("customer_id"), kCustomer},
             {QStringLiteral("body"), QStringLiteral("مشتری پسته‌های کرمانی سفارش داده بود")}});
        m_noteId = ack.data.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(m_noteId > 0);
        // The same word in another customer's thread, for searching within one thread.
        const auto other = colleague->command(
            protocol::type::addNote,
            {{QStringLiteral("customer_id"), kCustomer + 1},
             {QStringLiteral("body"), QStringLiteral("پسته رسید")}});
        QVERIFY(other.data.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")).toInteger() > 0);
    }

    void ctrlKOpensTypingFindsAndEnterOpensTheThreadAtTheMessage()
    {
        auto desktop = makeDesktop();
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0, kWaitMs);
        QVERIFY(window->currentCustomer() != kCustomer);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        ui::SearchPalette *palette = window->searchPalette();
        QVERIFY(!palette->isVisible());

        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(palette->isVisible());
        QTRY_VERIFY(palette->queryField()->hasFocus());

        // Typed with Arabic yeh and no ZWNJ: the Persian note is still found.
        typeText(palette->queryField(), QStringLiteral("پستههاي کرماني"));
        const auto *results = palette->results();
        QTRY_VERIFY_WITH_TIMEOUT(rowOfMessage(results, m_noteId) >= 0, kWaitMs);
        const int row = rowOfMessage(results, m_noteId);
        const auto *hit = results->hitAt(row);
        QCOMPARE(hit->customerId, kCustomer);
        QVERIFY(!hit->highlights.isEmpty());
        QCOMPARE(hit->snippet.mid(hit->highlights.first().start, hit->highlights.first().length),
                 QStringLiteral("پسته‌های"));
        // Grouped: a header row before the first hit.
        QVERIFY(results->data(results->index(0), models::SearchResultsModel::IsHeaderRole).toBool());

        // The arrows walk the hits (never onto a header); Enter opens the chosen one.
        for (int i = 0; i < results->rowCount()
                        && palette->resultsView()->currentIndex().row() != row; ++i)
            QTest::keyClick(palette->queryField(), Qt::Key_Down);
        QCOMPARE(palette->resultsView()->currentIndex().row(), row);
        QTest::keyClick(palette->queryField(), Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QCOMPARE(window->currentCustomer(), kCustomer);
        ui::TimelineView *timeline = window->timelineView();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->revealedIndex().isValid(), kWaitMs);
        QCOMPARE(timeline->revealedIndex().data(models::MessageKeyRole).toString(),
                 QString::number(m_noteId));
        QCOMPARE(timeline->currentIndex(), QModelIndex(timeline->revealedIndex()));
        QVERIFY(timeline->viewport()->rect().intersects(timeline->visualRect(timeline->currentIndex())));

        // Esc closes without opening anything.
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(palette->isVisible());
        QCOMPARE(palette->queryField()->selectedText(), QStringLiteral("پستههاي کرماني"));
        QTest::keyClick(palette->queryField(), Qt::Key_Escape);
        QVERIFY(!palette->isVisible());
        QCOMPARE(window->currentCustomer(), kCustomer);
    }

    void ctrlFSearchesOnlyTheOpenThread()
    {
        auto desktop = makeDesktop();
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0, kWaitMs);
        window->openCustomer(kCustomer);
        QCOMPARE(window->currentCustomer(), kCustomer);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        ui::SearchPalette *palette = window->searchPalette();
        QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(palette->isVisible());
        QVERIFY(palette->findChild<QLabel *>(QStringLiteral("searchScope"))->isVisible());
        // Two threads have the word; only the open customer's message comes back.
        typeText(palette->queryField(), QStringLiteral("پسته"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOfMessage(palette->results(), m_noteId) >= 0, kWaitMs);
        for (int row = 0; row < palette->results()->rowCount(); ++row)
            if (const auto *hit = palette->results()->hitAt(row))
                QCOMPARE(hit->customerId, kCustomer);
        // Globally, both threads have it.
        QTest::keyClick(palette->queryField(), Qt::Key_Escape);
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        palette->queryField()->setText(QStringLiteral("پسته"));
        QTRY_VERIFY_WITH_TIMEOUT(hasCustomer(palette->results(), kCustomer + 1), kWaitMs);
        QTest::keyClick(palette->queryField(), Qt::Key_Escape);
        QVERIFY(!palette->isVisible());
    }

    /// THREADLINE_SCREENSHOT_DIR=docs/screenshots saves the palette with results, in
    /// English and Persian, for the README.
    void screenshotsOfThePaletteOnRequest_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fa") << QStringLiteral("fa");
    }
    void screenshotsOfThePaletteOnRequest()
    {
        const QString dir = qEnvironmentVariable("THREADLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set THREADLINE_SCREENSHOT_DIR to save screenshots");
        QFETCH(QString, language);
        ui::useInterfaceLanguage(language); // as main() does for --lang, before the window exists
        auto desktop = makeDesktop(language);
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        window->resize(1400, 860);
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(window->timelineView()->model()->rowCount() > 0, kWaitMs);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        ui::SearchPalette *palette = window->searchPalette();
        typeText(palette->queryField(), QStringLiteral("پسته"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOfMessage(palette->results(), m_noteId) >= 0, kWaitMs);
        QTest::qWait(200);
        QVERIFY(window->grab().save(QDir(dir).filePath(QStringLiteral("search-palette-%1.png").arg(language))));
        ui::useInterfaceLanguage(QStringLiteral("en"));
    }

    void f1ShowsASheetWithEveryKeyOfTheDesk()
    {
        auto desktop = makeDesktop();
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0, kWaitMs);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_F1);
        auto *sheet = window->findChild<ui::ShortcutSheet *>();
        QVERIFY(sheet);
        QVERIFY(sheet->isVisible());
        QList<QKeySequence> listed;
        for (const auto &entry : ui::ShortcutSheet::entries(window->deskActions()->actions()))
            listed += entry.keys;
        // Every key that works on the agent's desk right now is on the sheet, whether
        // it is an action or a lone shortcut.
        int checked = 0;
        const auto check = [&](const QKeySequence &keys) {
            ++checked;
            QVERIFY2(listed.contains(keys), qPrintable(keys.toString() + QStringLiteral(" is not on the sheet")));
        };
        for (const QShortcut *shortcut : window->findChildren<QShortcut *>()) {
            const auto *owner = qobject_cast<const QWidget *>(shortcut->parent());
            if (!shortcut->isEnabled() || !owner || !owner->isVisible()
                || shortcut->context() == Qt::WidgetShortcut || owner->window() != window)
                continue;
            check(shortcut->key());
        }
        for (const QAction *action : window->findChildren<QAction *>())
            if (action->isEnabled() && ui::inContext(action))
                for (const QKeySequence &keys : action->shortcuts())
                    check(keys);
        QVERIFY(checked >= 20);
        sheet->close();
        QTest::keyClick(window, Qt::Key_Slash, Qt::ControlModifier);
        QTRY_VERIFY(window->findChild<ui::ShortcutSheet *>() && window->findChild<ui::ShortcutSheet *>()->isVisible());
    }

private:
    std::unique_ptr<app::Desktop> makeDesktop(const QString &language = QStringLiteral("en"))
    {
        return std::make_unique<app::Desktop>(testing::desktopOptions(
            m_hub.url(), m_dir, m_dir.filePath(QStringLiteral("profile-") + language), QStringLiteral("agent"),
            language));
    }

    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
    qint64 m_noteId = 0;
};

QTEST_MAIN(TestSearchPalette)
#include "tst_search_palette.moc"
