// SPDX-License-Identifier: GPL-3.0-or-later
// A store clerk at the counter, signed in to a real hub: finds an online order
// by its number, sees the customer's thread, marks it ready for pickup.
#include "app/desktop.h"
#include "models/order_roles.h"
#include "services/protocol/frame_types.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"
#include "ui/main_window.h"
#include "ui/order_desk_view.h"
#include "ui/order_search_input.h"

#include <QJsonArray>
#include <QListView>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

namespace {
constexpr int kWaitMs = 30000;
}

class TestOrderDeskFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hub.start(true));
        QFile pw(m_dir.filePath(QStringLiteral("password")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("demo\n");
        pw.close();
        QFile pp(m_dir.filePath(QStringLiteral("passphrase")));
        QVERIFY(pp.open(QIODevice::WriteOnly));
        pp.write("counter passphrase\n");
    }

    void aClerkFindsAPaidOrderByNumberAndMarksItReadyForPickup()
    {
        const QJsonObject order = paidOrder();
        QVERIFY2(!order.isEmpty(), "the demo has a paid order waiting for pickup");
        const QString number = order.value(QStringLiteral("number")).toString();

        app::Options o;
        o.server = m_hub.url();
        o.profileDir = m_dir.filePath(QStringLiteral("counter"));
        o.user = QStringLiteral("store");
        o.passwordFile = m_dir.filePath(QStringLiteral("password"));
        o.passphraseFile = m_dir.filePath(QStringLiteral("passphrase"));
        o.interactive = false;
        app::Desktop desktop(o);
        QVERIFY(desktop.start());
        ui::MainWindow *window = desktop.window();
        auto *desk = window->orderDesk();
        QTRY_VERIFY_WITH_TIMEOUT(desk->isVisible(), kWaitMs); // the store's page

        auto *search = desk->findChild<ui::OrderSearchInput *>();
        QVERIFY(search);
        search->setText(number);
        QTest::keyClick(search, Qt::Key_Return);
        auto *results = desk->findChild<QListView *>(QStringLiteral("orderResults"));
        QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() >= 1, kWaitMs);
        QCOMPARE(results->model()->index(0, 0).data(models::OrderNumberRole).toString(), number);

        // The customer's thread comes with it (the hub allows it after the lookup).
        QTRY_VERIFY_WITH_TIMEOUT(window->orderTimeline()->rowCount() > 0, kWaitMs);

        auto *ready = desk->findChild<QPushButton *>(QStringLiteral("markReady"));
        QTRY_VERIFY_WITH_TIMEOUT(ready->isEnabled(), kWaitMs);
        QTest::mouseClick(ready, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            results->model()->index(0, 0).data(models::OrderStatusRole).toString(),
            QStringLiteral("ready_for_pickup"), kWaitMs);
        // And the hub has it, with a pickup event in the customer's thread.
        QTRY_COMPARE_WITH_TIMEOUT(statusOnHub(number), QStringLiteral("ready_for_pickup"), kWaitMs);
    }

private:
    QJsonObject paidOrder()
    {
        testing::TestClient client;
        if (!client.connectTo(m_hub.url())
            || client.hello(QStringLiteral("agent"), QStringLiteral("demo")).type != protocol::type::welcome)
            return {};
        const auto customers = client.command(protocol::type::customersPage, {});
        for (const auto &c : customers.data.value(QStringLiteral("customers")).toArray()) {
            const auto lookup = client.command(
                protocol::type::orderLookup,
                {{QStringLiteral("customer_id"), c.toObject().value(QStringLiteral("id"))}});
            for (const auto &o : lookup.data.value(QStringLiteral("orders")).toArray())
                if (o.toObject().value(QStringLiteral("status")).toString() == QLatin1String("paid"))
                    return o.toObject();
        }
        return {};
    }

    QString statusOnHub(const QString &number)
    {
        testing::TestClient client;
        if (!client.connectTo(m_hub.url())
            || client.hello(QStringLiteral("agent"), QStringLiteral("demo")).type != protocol::type::welcome)
            return {};
        const auto lookup =
            client.command(protocol::type::orderLookup, {{QStringLiteral("query"), number}});
        for (const auto &o : lookup.data.value(QStringLiteral("orders")).toArray())
            if (o.toObject().value(QStringLiteral("number")).toString() == number)
                return o.toObject().value(QStringLiteral("status")).toString();
        return {};
    }

    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestOrderDeskFlow)
#include "tst_order_desk_flow.moc"
