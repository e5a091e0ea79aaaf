// SPDX-License-Identifier: GPL-3.0-or-later
// A supervisor hands a conversation to the signed-in agent on a real hub: the
// agent's desktop shows a notice naming the customer (never what they wrote),
// with a sound unless the agent turned it off.
#include "app/desktop.h"
#include "models/inbox_roles.h"
#include "services/text/safe_text.h"
#include "ui/assignment_alert.h"
#include "ui/main_window.h"
#include "tests/support/http_post.h"
#include "tests/support/desktop_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonObject>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

namespace {
constexpr int kWaitMs = 30000;

using testing::writeFile;
} // namespace

class TestAssignmentAlert : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hub.start(true));
        QVERIFY(m_dir.isValid());
        writeFile(m_dir.filePath(QStringLiteral("password")), "demo\n");
        writeFile(m_dir.filePath(QStringLiteral("passphrase")), "correct horse battery\n");
        m_supervisor = testing::TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(m_supervisor);
    }

    void aConversationHandedToMeIsAnnouncedWithTheCustomersName()
    {
        auto desktop = makeDesktop(QStringLiteral("sound-on"));
        QVERIFY(desktop->start());
        QSignalSpy shown(desktop->assignmentAlert(), &ui::AssignmentAlert::shown);
        const auto [customerId, name] = notMine(desktop.get());
        QVERIFY(customerId > 0);

        const auto ack = m_supervisor->command(
            QStringLiteral("assign"),
            {{QStringLiteral("customer_id"), customerId}, {QStringLiteral("assignee"), QStringLiteral("agent")}});
        QCOMPARE(ack.type, QStringLiteral("ack"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kWaitMs);
        const QString title = shown.at(0).at(0).toString();
        const QString text = shown.at(0).at(1).toString();
        QCOMPARE(title, QStringLiteral("New conversation for you"));
        QVERIFY2(text.contains(text::isolate(name)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("supervisor")));
        QCOMPARE(shown.at(0).at(2).toBool(), true); // beeped
        // Only names: nothing the customer wrote is in the notice.
        QVERIFY(!text.contains(QStringLiteral("assigned the conversation")));

        // Giving it to a colleague is not news for me.
        m_supervisor->command(QStringLiteral("assign"),
                              {{QStringLiteral("customer_id"), customerId},
                               {QStringLiteral("assignee"), QStringLiteral("supervisor")}});
        QTest::qWait(1500); // nothing must arrive: a negative needs a while
        QCOMPARE(shown.count(), 1);
    }

    void withTheSoundOffTheNoticeIsSilent()
    {
        const QString profile = m_dir.filePath(QStringLiteral("profile-sound-off"));
        QDir().mkpath(profile);
        QSettings(QDir(profile).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
            .setValue(QStringLiteral("notification_sound"), false);
        auto desktop = makeDesktop(QStringLiteral("sound-off"));
        QVERIFY(desktop->start());
        QSignalSpy shown(desktop->assignmentAlert(), &ui::AssignmentAlert::shown);
        const auto [customerId, name] = notMine(desktop.get());
        QVERIFY(customerId > 0);
        m_supervisor->command(QStringLiteral("transfer"),
                              {{QStringLiteral("customer_id"), customerId},
                               {QStringLiteral("assignee"), QStringLiteral("agent")},
                               {QStringLiteral("note"), QStringLiteral("VIP, call back")}});
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kWaitMs);
        QCOMPARE(shown.at(0).at(2).toBool(), false);
        QVERIFY(!shown.at(0).at(1).toString().contains(QStringLiteral("VIP, call back")));
    }

    void myCustomerWritingWhileIWorkElsewhereIsAnnouncedWithoutTheirWords()
    {
        auto desktop = makeDesktop(QStringLiteral("background"));
        QVERIFY(desktop->start());
        QSignalSpy shown(desktop->assignmentAlert(), &ui::AssignmentAlert::shown);
        QVERIFY(notMine(desktop.get()).first > 0); // signed in, inbox loaded
        // A new customer writes by SMS; the supervisor gives them to the agent.
        const QString phone = QStringLiteral("+989127770011");
        const qint64 customerId = smsFrom(phone, QStringLiteral("Hello, first message"));
        QVERIFY(customerId > 0);
        QVERIFY(m_supervisor->command(QStringLiteral("assign"),
                                      {{QStringLiteral("customer_id"), customerId},
                                       {QStringLiteral("assignee"), QStringLiteral("agent")}})
                    .type == QStringLiteral("ack"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kWaitMs);

        // In front of the window a new message needs no notice...
        desktop->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(desktop->window()));
        QVERIFY(smsFrom(phone, QStringLiteral("Are you there?")) == customerId);
        QTest::qWait(1500); // nothing must arrive: a negative needs a while
        QCOMPARE(shown.count(), 1);
        // ...with another window in front, it gets one.
        QWidget elsewhere;
        elsewhere.show();
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        QVERIFY(!desktop->window()->isActiveWindow());
        const QString secret = QStringLiteral("my card PIN is 4321");
        QVERIFY(smsFrom(phone, secret) == customerId);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, kWaitMs);
        QCOMPARE(shown.at(1).at(0).toString(), QStringLiteral("Your customer wrote"));
        QVERIFY(!shown.at(1).at(1).toString().contains(QStringLiteral("4321")));
    }

private:
    /// An inbound SMS through the hub's Twilio webhook; the customer it landed on.
    qint64 smsFrom(const QString &phone, const QString &body)
    {
        const QByteArray form = "MessageSid=SM" + QByteArray::number(++m_sid) + "&From="
                                + QUrl::toPercentEncoding(phone) + "&To=%2B982191000000&Body="
                                + QUrl::toPercentEncoding(body) + "&NumMedia=0";
        const auto reply = testing::httpPost(testing::hubHttpUrl(m_hub, QStringLiteral("/ingress/sms/twilio")),
                                             form, "application/x-www-form-urlencoded");
        if (reply.status != 200)
            return 0;
        const auto created = m_supervisor->waitForEvent(
            QStringLiteral("message.created"), [&body](const protocol::Envelope &e) {
                return e.data.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")).toString()
                       == body;
            });
        return created ? created->data.value(QStringLiteral("message")).toObject()
                             .value(QStringLiteral("customer_id")).toInteger()
                       : 0;
    }

    /// A customer in the signed-in desktop's inbox who is not the agent's yet.
    static std::pair<qint64, QString> notMine(app::Desktop *desktop)
    {
        auto *inbox = desktop->window()->findChild<QListView *>(QStringLiteral("inbox"));
        std::pair<qint64, QString> found{0, QString()};
        const bool ready = QTest::qWaitFor([&] {
            if (desktop->window()->currentCustomer() == 0)
                return false;
            QAbstractItemModel *model = inbox->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                const QModelIndex i = model->index(row, 0);
                if (i.data(models::AssigneeRole).toString() != QLatin1String("agent")) {
                    found = {i.data(models::CustomerIdRole).toLongLong(),
                             i.data(models::CustomerNameRole).toString()};
                    return true;
                }
            }
            return false;
        }, kWaitMs);
        return ready ? found : std::pair<qint64, QString>{0, QString()};
    }

    std::unique_ptr<app::Desktop> makeDesktop(const QString &name)
    {
        return std::make_unique<app::Desktop>(testing::desktopOptions(
            m_hub.url(), m_dir, m_dir.filePath(QStringLiteral("profile-") + name), QStringLiteral("agent"),
            QStringLiteral("en")));
    }

    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
    std::unique_ptr<testing::TestClient> m_supervisor;
    int m_sid = 0;
};

QTEST_MAIN(TestAssignmentAlert)
#include "tst_assignment_alert.moc"
