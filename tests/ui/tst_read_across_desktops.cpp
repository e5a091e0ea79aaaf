// SPDX-License-Identifier: GPL-3.0-or-later
// Two desktops of the same agent on a real hub on loopback: a customer's texts are unread
// on both, the agent reads the thread on one, and the other's count goes to 0. The thread
// read shows the "unread" divider before the first item that was unread.
#include "app/desktop.h"
#include "models/inbox_roles.h"
#include "models/timeline_roles.h"
#include "services/protocol/frame_types.h"
#include "tests/support/desktop_fixture.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"
#include "ui/main_window.h"
#include "ui/timeline_view.h"

#include <QApplication>
#include <QJsonArray>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

namespace {
constexpr int kWaitMs = 30000;

// The unread count a desktop's inbox shows for a customer (-1: not listed).
int unreadOn(app::Desktop &desktop, qint64 customerId)
{
    auto *view = desktop.window()->findChild<QListView *>(QStringLiteral("inbox"));
    auto *filter = qobject_cast<QSortFilterProxyModel *>(view->model());
    const QAbstractItemModel *inbox = filter->sourceModel();
    for (int row = 0; row < inbox->rowCount(); ++row) {
        const QModelIndex i = inbox->index(row, 0);
        if (i.data(models::CustomerIdRole).toLongLong() == customerId)
            return i.data(models::UnreadRole).toInt();
    }
    return -1;
}

// The body of the item the divider stands before (empty: no divider).
QString dividerBefore(app::Desktop &desktop)
{
    const QAbstractItemModel *timeline = desktop.window()->timelineView()->model();
    for (int row = 0; row < timeline->rowCount(); ++row)
        if (timeline->index(row, 0).data(models::UnreadMarkerRole).toBool())
            return timeline->index(row, 0).data(models::BodyRole).toString();
    return {};
}

} // namespace

class TestReadAcrossDesktops : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hub.start(true));
        QVERIFY(m_dir.isValid());
        testing::writeFile(m_dir.filePath(QStringLiteral("password")), "demo\n");
        testing::writeFile(m_dir.filePath(QStringLiteral("passphrase")), "correct horse battery\n");
    }

    void readingOnOneDesktopClearsTheCountOnTheOther()
    {
        auto observer = testing::TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(observer);
        auto front = makeDesktop(QStringLiteral("front"));
        auto back = makeDesktop(QStringLiteral("back"));
        QVERIFY(front->start());
        QVERIFY(back->start());
        QTRY_VERIFY_WITH_TIMEOUT(front->window()->currentCustomer() != 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(back->window()->currentCustomer() != 0, kWaitMs);

        // A customer writes twice while both desktops look elsewhere.
        for (const char *body : {"where is my order?", "hello??"}) {
            QCOMPARE(testing::postInboundSms(m_hub, QStringLiteral("SMe2eread%1").arg(m_sms++, 25, 10, QLatin1Char('0')),
                                             QStringLiteral("+989121250001"), QString::fromLatin1(body))
                         .status,
                     200);
        }
        const auto created = observer->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const qint64 customer =
            created->data.value(QStringLiteral("message")).toObject().value(QStringLiteral("customer_id")).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(unreadOn(*front, customer), 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(unreadOn(*back, customer), 2, kWaitMs);

        // The agent opens the thread on the desktop in front.
        front->window()->show();
        front->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(front->window()));
        front->window()->openCustomer(customer);
        QTRY_COMPARE_WITH_TIMEOUT(dividerBefore(*front), QStringLiteral("where is my order?"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(unreadOn(*front, customer), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(unreadOn(*back, customer), 0, kWaitMs);

        // Another text to the thread the agent is looking at is read as it arrives; the
        // desktop behind counts nothing either, and the divider stays where it was.
        QCOMPARE(testing::postInboundSms(m_hub, QStringLiteral("SMe2eread%1").arg(m_sms++, 25, 10, QLatin1Char('0')),
                                         QStringLiteral("+989121250001"), QStringLiteral("thanks"))
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QAbstractItemModel *t = front->window()->timelineView()->model();
                return t->rowCount() > 0 &&
                       t->index(t->rowCount() - 1, 0).data(models::BodyRole).toString() ==
                           QLatin1String("thanks");
            }(),
            kWaitMs);
        // The hub agrees (a fresh sign-in of the agent has nothing unread there), and so
        // does the desktop behind.
        QTRY_COMPARE_WITH_TIMEOUT(hubUnread(customer), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(unreadOn(*back, customer), 0, kWaitMs);
        QCOMPARE(unreadOn(*front, customer), 0);
        QCOMPARE(dividerBefore(*front), QStringLiteral("where is my order?"));
    }

private:
    int hubUnread(qint64 customerId)
    {
        testing::TestClient fresh;
        if (!fresh.connectTo(m_hub.url()))
            return -1;
        const auto welcome = fresh.hello(QStringLiteral("agent"), QStringLiteral("demo"));
        for (const QJsonValue &v : welcome.data.value(QStringLiteral("unread")).toArray())
            if (v.toObject().value(QStringLiteral("customer_id")).toInteger() == customerId)
                return int(v.toObject().value(QStringLiteral("count")).toInteger());
        return 0;
    }

    std::unique_ptr<app::Desktop> makeDesktop(const QString &name)
    {
        return std::make_unique<app::Desktop>(testing::desktopOptions(
            m_hub.url(), m_dir, m_dir.filePath(QStringLiteral("profile-") + name),
            QStringLiteral("agent"), QStringLiteral("en")));
    }

    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
    int m_sms = 0;
};

QTEST_MAIN(TestReadAcrossDesktops)
#include "tst_read_across_desktops.moc"
