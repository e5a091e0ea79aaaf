// SPDX-License-Identifier: GPL-3.0-or-later
// Canned responses managed from Settings against a real hub: a supervisor adds,
// changes and deletes them and the composer's "/" follows; an agent reads them
// and, should a change be sent anyway, sees the hub's refusal.
#include "app/desktop.h"
#include "ui/canned_editor.h"
#include "ui/canned_page.h"
#include "ui/composer.h"
#include "ui/main_window.h"
#include "ui/settings_dialog.h"
#include "tests/support/desktop_fixture.h"
#include "tests/support/hub_process.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace threadline;

namespace {
constexpr int kWaitMs = 30000;

using testing::writeFile;

/// Runs @p act on the next modal dialog of type T once it is on screen (the
/// page opens its editor and confirmation with exec()).
template <typename T>
void whenModal(std::function<void(T *)> act)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
            dialog && dialog->isVisible()) {
            poll->stop();
            poll->deleteLater();
            act(dialog);
        }
    });
    poll->start();
}

QStringList titles(QTreeWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        out << list->topLevelItem(i)->text(0);
    return out;
}

QStringList completions(ui::Composer *composer)
{
    QStringList out;
    QAbstractItemModel *model = composer->findChild<QCompleter *>()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, 0).data().toString();
    return out;
}

void select(QTreeWidget *list, const QString &title)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0) == title) {
            list->setCurrentItem(list->topLevelItem(i));
            return;
        }
    QFAIL(qPrintable(QStringLiteral("no canned response ") + title));
}
} // namespace

class TestCannedManagement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hub.start(true));
        QVERIFY(m_dir.isValid());
        writeFile(m_dir.filePath(QStringLiteral("password")), "demo\n");
        writeFile(m_dir.filePath(QStringLiteral("passphrase")), "correct horse battery\n");
    }

    void aSupervisorAddsChangesAndDeletesOneAndTheComposerFollows()
    {
        auto desktop = makeDesktop(QStringLiteral("supervisor"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        ui::Composer *composer = window->composer();
        QTRY_VERIFY_WITH_TIMEOUT(completions(composer).size() > 0, kWaitMs); // the hub's list
        ui::SettingsDialog *settings = window->openSettings(QStringLiteral("canned"));
        auto *page = settings->findChild<ui::CannedPage *>();
        QVERIFY(page && page->isVisible());
        auto *list = page->findChild<QTreeWidget *>(QStringLiteral("cannedList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() > 0, kWaitMs);
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("cannedReadOnly"))->isVisible());
        auto *add = page->findChild<QPushButton *>(QStringLiteral("cannedAdd"));
        QTRY_VERIFY(add->isEnabled());

        // Add.
        const QString title = QStringLiteral("Pickup hours");
        whenModal<ui::CannedEditor>([&](ui::CannedEditor *editor) {
            editor->findChild<QLineEdit *>(QStringLiteral("cannedTitle"))->setText(title);
            editor->findChild<QPlainTextEdit *>(QStringLiteral("cannedBody"))
                ->setPlainText(QStringLiteral("Hi {customer_name}, order {order_number} is ready 9-21."));
            editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        });
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(titles(list).contains(title), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(completions(composer).contains(title), kWaitMs);

        // Change its title and text.
        select(list, title);
        const QString renamed = QStringLiteral("Pickup hours (weekend)");
        whenModal<ui::CannedEditor>([&](ui::CannedEditor *editor) {
            auto *titleEdit = editor->findChild<QLineEdit *>(QStringLiteral("cannedTitle"));
            QCOMPARE(titleEdit->text(), title); // the editor shows what it changes
            titleEdit->setText(renamed);
            editor->findChild<QPlainTextEdit *>(QStringLiteral("cannedBody"))
                ->setPlainText(QStringLiteral("Hi {customer_name}, on weekends we open at 10."));
            editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        });
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("cannedEdit")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(titles(list).contains(renamed), kWaitMs);
        QVERIFY(!titles(list).contains(title)); // replaced, not added
        QTRY_VERIFY_WITH_TIMEOUT(completions(composer).contains(renamed), kWaitMs);
        QVERIFY(!completions(composer).contains(title));

        // Delete, after saying yes.
        select(list, renamed);
        const int before = list->topLevelItemCount();
        whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("cannedDelete")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), before - 1, kWaitMs);
        QVERIFY(!titles(list).contains(renamed));
        QTRY_VERIFY_WITH_TIMEOUT(!completions(composer).contains(renamed), kWaitMs);
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("cannedProblem"))->isVisible());
    }

    void anAgentReadsThemAndIsShownTheHubsRefusalOfAChange()
    {
        auto desktop = makeDesktop(QStringLiteral("agent"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(completions(window->composer()).size() > 0, kWaitMs);
        ui::SettingsDialog *settings = window->openSettings(QStringLiteral("canned"));
        auto *page = settings->findChild<ui::CannedPage *>();
        auto *list = page->findChild<QTreeWidget *>(QStringLiteral("cannedList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() > 0, kWaitMs);
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("cannedReadOnly"))->isVisible());
        for (const char *button : {"cannedAdd", "cannedEdit", "cannedDelete"})
            QVERIFY2(!page->findChild<QPushButton *>(QLatin1String(button))->isEnabled(), button);

        // A change sent anyway (say the role changed meanwhile): the hub decides.
        const int before = list->topLevelItemCount();
        page->requestSave({{QStringLiteral("title"), QStringLiteral("Not mine to add")},
                           {QStringLiteral("language"), QString()},
                           {QStringLiteral("body"), QStringLiteral("…")}});
        auto *problem = page->findChild<QLabel *>(QStringLiteral("cannedProblem"));
        QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), kWaitMs);
        QVERIFY2(problem->text().contains(QStringLiteral("forbidden")), qPrintable(problem->text()));
        QCOMPARE(list->topLevelItemCount(), before);
        QVERIFY(!titles(list).contains(QStringLiteral("Not mine to add")));
    }

private:
    std::unique_ptr<app::Desktop> makeDesktop(const QString &user)
    {
        return std::make_unique<app::Desktop>(testing::desktopOptions(
            m_hub.url(), m_dir, m_dir.filePath(QStringLiteral("profile-") + user), user,
            QStringLiteral("en")));
    }

    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestCannedManagement)
#include "tst_canned_management.moc"
