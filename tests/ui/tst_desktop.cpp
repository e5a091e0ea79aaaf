// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop as an agent uses it, signed in to a real hub on loopback.
#include "app/desktop.h"
#include "models/timeline_roles.h"
#include "models/inbox_roles.h"
#include "ui/composer.h"
#include "ui/conversation_bar.h"
#include "ui/main_window.h"
#include "ui/timeline_view.h"
#include "services/protocol/frame_types.h"
#include "tests/support/desktop_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QListView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QCompleter>
#include <QAbstractItemView>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

namespace {
constexpr int kWaitMs = 30000;

using testing::writeFile;
} // namespace

class TestDesktop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hub.start(true));
        QVERIFY(m_hub.addUser(QStringLiteral("colleague"), QStringLiteral("agent"), QStringLiteral("pw")));
        QVERIFY(m_dir.isValid());
        writeFile(m_dir.filePath(QStringLiteral("password")), "demo\n");
        writeFile(m_dir.filePath(QStringLiteral("passphrase")), "correct horse battery\n");
    }

    void anAgentSignsInAndSeesTheFirstCustomersWholeThread()
    {
        auto desktop = makeDesktop(QStringLiteral("en"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0, kWaitMs);
        auto *timeline = window->timelineView()->model();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->rowCount() >= 50, kWaitMs);
        auto *inbox = window->findChild<QListView *>(QStringLiteral("inbox"));
        QVERIFY(inbox->model()->rowCount() >= 200);
        // Every channel of the customer is in the one thread.
        QSet<QString> channels;
        for (int row = 0; row < timeline->rowCount(); ++row)
            channels.insert(timeline->index(row, 0).data(models::ChannelRole).toString());
        QVERIFY2(channels.size() >= 3, qPrintable(QStringList(channels.values()).join(u',')));
    }

    void aReplyShowsAtOnceAndIsConfirmedByTheHub()
    {
        auto desktop = makeDesktop(QStringLiteral("en"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        auto *timeline = window->timelineView()->model();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->rowCount() > 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(window->composer()->isEnabled(), kWaitMs);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        window->composer()->setChannel(QStringLiteral("note"));
        auto *body = window->composer()->findChild<QPlainTextEdit *>();
        body->setFocus();
        const QString text = QStringLiteral("Promised a callback tomorrow at 10.");
        body->setPlainText(text);
        QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(body->toPlainText().isEmpty());
        // At once: the local echo, as soon as the outbox holds it (well inside a
        // second; the hub's answer is not needed for it).
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithBody(timeline, text).size(), 1, 1000);
        // Then confirmed: it carries the hub's id instead of the local one, once.
        QTRY_VERIFY_WITH_TIMEOUT(rowsWithBody(timeline, text).size() == 1
                                     && !rowsWithBody(timeline, text).first().startsWith(u"c:"),
                                 kWaitMs);
    }

    void aHalfWrittenReplyWaitsForItsCustomerAcrossARestart()
    {
        const QString text = QStringLiteral("سلام، بستهٔ شما فردا ارسال می‌شود و");
        qint64 customer = 0;
        {
            auto desktop = makeDesktop(QStringLiteral("drafts"));
            QVERIFY(desktop->start());
            ui::MainWindow *window = desktop->window();
            QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0 && window->composer()->isEnabled(),
                                     kWaitMs);
            customer = window->currentCustomer();
            auto *body = window->composer()->findChild<QPlainTextEdit *>();
            body->setPlainText(text);
            // Another customer: the composer is theirs, empty.
            auto *inbox = window->findChild<QListView *>(QStringLiteral("inbox"));
            inbox->setCurrentIndex(inbox->model()->index(1, 0));
            QTRY_VERIFY(window->currentCustomer() != customer);
            QVERIFY(body->toPlainText().isEmpty());
            // Back: the draft is there.
            window->openCustomer(customer);
            QCOMPARE(body->toPlainText(), text);
        }
        auto desktop = makeDesktop(QStringLiteral("drafts"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0, kWaitMs);
        window->openCustomer(customer);
        auto *body = window->composer()->findChild<QPlainTextEdit *>();
        QTRY_COMPARE_WITH_TIMEOUT(body->toPlainText(), text, kWaitMs);
    }

    void anAgentTakesAConversationThenResolvesIt()
    {
        auto desktop = makeDesktop(QStringLiteral("en"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0, kWaitMs);
        auto *bar = window->findChild<ui::ConversationBar *>();
        QVERIFY(bar);
        auto *inbox = window->findChild<QListView *>(QStringLiteral("inbox"));
        const auto current = [&] { return inbox->currentIndex(); };
        // Signed in: "Take" knows who "me" is.
        QTRY_VERIFY_WITH_TIMEOUT(bar->isEnabled() && button(bar, QStringLiteral("Take"), QStringLiteral("Return to queue")),
                                 kWaitMs);
        const qint64 customer = window->currentCustomer();
        if (current().data(models::AssigneeRole).toString() == QLatin1String("agent"))
            clickButton(bar, QStringLiteral("Return to queue")); // start from the queue
        QTRY_VERIFY_WITH_TIMEOUT(current().data(models::AssigneeRole).toString().isEmpty(), kWaitMs);

        clickButton(bar, QStringLiteral("Take"));
        QTRY_COMPARE_WITH_TIMEOUT(current().data(models::AssigneeRole).toString(),
                                  QStringLiteral("agent"), kWaitMs);
        QCOMPARE(window->currentCustomer(), customer);
        // The thread says so too: a system item, as every colleague sees it.
        auto *timeline = window->timelineView()->model();
        QTRY_VERIFY_WITH_TIMEOUT(lastChannel(timeline) == QLatin1String("system"), kWaitMs);

        if (current().data(models::StatusRole).toString() == QLatin1String("resolved"))
            clickButton(bar, QStringLiteral("Reopen"));
        QTRY_VERIFY_WITH_TIMEOUT(current().data(models::StatusRole).toString() != QLatin1String("resolved"),
                                 kWaitMs);
        clickButton(bar, QStringLiteral("Resolve"));
        QTRY_COMPARE_WITH_TIMEOUT(current().data(models::StatusRole).toString(),
                                  QStringLiteral("resolved"), kWaitMs);
    }

    void typingASlashOffersCannedResponsesFilledInForThisCustomer()
    {
        auto desktop = makeDesktop(QStringLiteral("canned"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->composer()->isEnabled(), kWaitMs);
        auto *completer = window->composer()->findChild<QCompleter *>();
        QVERIFY(completer);
        QTRY_VERIFY_WITH_TIMEOUT(completer->model()->rowCount() > 0, kWaitMs); // from the hub
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        auto *body = window->composer()->findChild<QPlainTextEdit *>();
        body->setFocus();
        QTest::keyClicks(body, QStringLiteral("/"));
        QTRY_VERIFY(completer->popup()->isVisible());
        const QString title = completer->model()->index(0, 0).data().toString();
        completer->activated(title);
        QVERIFY(!body->toPlainText().startsWith(u'/'));
        QVERIFY(!body->toPlainText().isEmpty());
        QVERIFY2(!body->toPlainText().contains(QStringLiteral("{customer_name}")),
                 qPrintable(body->toPlainText()));
    }

    void aColleagueOnTheSameThreadIsSeenTyping()
    {
        auto desktop = makeDesktop(QStringLiteral("collision"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        auto *bar = window->findChild<ui::ConversationBar *>();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0
                                     && button(bar, QStringLiteral("Take"), QStringLiteral("Return to queue")),
                                 kWaitMs);
        const qint64 customer = window->currentCustomer();

        testing::TestClient colleague;
        QVERIFY(colleague.connectTo(m_hub.url()));
        QCOMPARE(colleague.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type,
                 protocol::type::welcome);
        // The hub knows this desktop is on the thread…
        QTRY_VERIFY_WITH_TIMEOUT(
            colleague.command(protocol::type::viewing, {{QStringLiteral("customer_id"), customer}})
                .data.value(QStringLiteral("viewers")).toArray().contains(QStringLiteral("agent")),
            kWaitMs);
        // …and the agent sees the colleague start writing.
        colleague.command(protocol::type::typing, {{QStringLiteral("customer_id"), customer},
                                                   {QStringLiteral("typing"), true}});
        auto *state = bar->findChild<QLabel *>();
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("colleague"))
                                     && state->text().contains(QStringLiteral("typing")),
                                 kWaitMs);
    }

    void theSidePanelShowsTheCustomersOrdersAndWhatWeKnow()
    {
        // A customer with an order, found the way any agent could.
        testing::TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        QCOMPARE(client.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type,
                 protocol::type::welcome);
        qint64 customer = 0;
        QString number;
        const auto page = client.command(protocol::type::customersPage, {});
        for (const auto &c : page.data.value(QStringLiteral("customers")).toArray()) {
            const qint64 id = c.toObject().value(QStringLiteral("id")).toInteger();
            const auto orders = client.command(protocol::type::orderLookup,
                                               {{QStringLiteral("customer_id"), id}})
                                    .data.value(QStringLiteral("orders")).toArray();
            if (!orders.isEmpty()) {
                customer = id;
                number = orders.first().toObject().value(QStringLiteral("number")).toString();
                break;
            }
        }
        QVERIFY(customer > 0);

        auto desktop = makeDesktop(QStringLiteral("panel"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentCustomer() != 0, kWaitMs);
        window->openCustomer(customer);
        QCOMPARE(window->currentCustomer(), customer);
        auto *orders = window->findChild<QListWidget *>(QStringLiteral("customerOrders"));
        QVERIFY(orders);
        const auto listed = [orders, number] {
            for (int i = 0; i < orders->count(); ++i)
                if (orders->item(i)->text().contains(number))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), kWaitMs);
    }

    void inPersianTheWholeWindowIsMirrored()
    {
        QApplication::setLayoutDirection(Qt::RightToLeft);
        auto desktop = makeDesktop(QStringLiteral("fa"));
        QVERIFY(desktop->start());
        ui::MainWindow *window = desktop->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->timelineView()->model()->rowCount() > 0, kWaitMs);
        auto *inbox = window->findChild<QListView *>(QStringLiteral("inbox"));
        const int inboxX = inbox->mapTo(window, QPoint(0, 0)).x();
        const int threadX = window->timelineView()->mapTo(window, QPoint(0, 0)).x();
        QVERIFY2(inboxX > threadX, "the inbox sits on the right in a right-to-left layout");
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }

private:
    static bool button(QWidget *parent, const QString &text, const QString &orText)
    {
        for (auto *b : parent->findChildren<QToolButton *>())
            if ((b->text() == text || b->text() == orText) && b->isEnabled())
                return true;
        return false;
    }

    static void clickButton(QWidget *parent, const QString &text)
    {
        for (auto *button : parent->findChildren<QToolButton *>())
            if (button->text() == text) {
                QTest::mouseClick(button, Qt::LeftButton);
                return;
            }
        QFAIL(qPrintable(QStringLiteral("no button ") + text));
    }

    static QString lastChannel(QAbstractItemModel *timeline)
    {
        const int rows = timeline->rowCount();
        return rows ? timeline->index(rows - 1, 0).data(models::ChannelRole).toString() : QString();
    }

    static QStringList rowsWithBody(QAbstractItemModel *timeline, const QString &body)
    {
        QStringList keys;
        for (int row = 0; row < timeline->rowCount(); ++row)
            if (timeline->index(row, 0).data(models::BodyRole).toString() == body)
                keys.append(timeline->index(row, 0).data(models::MessageKeyRole).toString());
        return keys;
    }

    std::unique_ptr<app::Desktop> makeDesktop(const QString &language)
    {
        return std::make_unique<app::Desktop>(testing::desktopOptions(
            m_hub.url(), m_dir, m_dir.filePath(QStringLiteral("profile-") + language), QStringLiteral("agent"),
            language));
    }

    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
