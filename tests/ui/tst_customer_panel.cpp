// SPDX-License-Identifier: GPL-3.0-or-later
// The side panel follows the open customer as messages arrive, without losing what the
// agent has selected in it.
#include "ui/customer_panel.h"

#include "tests/support/sample_customer.h"

#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QTest>

using namespace threadline;
using testing::sampleCustomer;

namespace {

QListWidget *identityList(ui::CustomerPanel &panel)
{
    for (auto *list : panel.findChildren<QListWidget *>())
        if (list->objectName() != QLatin1String("customerOrders"))
            return list;
    return nullptr;
}

} // namespace

class TestCustomerPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aNewMessageKeepsTheIdentityTheAgentSelected()
    {
        ui::CustomerPanel panel;
        auto customer = sampleCustomer(4);
        panel.setCustomer(customer);
        QListWidget *identities = identityList(panel);
        QVERIFY(identities);
        QCOMPARE(identities->count(), 2);
        identities->setCurrentRow(1); // the email, about to be copied
        QListWidgetItem *selected = identities->currentItem();

        customer.itemCount += 1;
        customer.lastAt += 60'000;
        customer.lastPreview = QStringLiteral("هنوز نرسیده");
        panel.setCustomer(customer);
        QCOMPARE(identities->currentItem(), selected);
        QVERIFY(identities->currentItem()->text().contains(QStringLiteral("c4@example.com")));
        bool counted = false;
        for (auto *label : panel.findChildren<QLabel *>())
            counted = counted || label->text().contains(QStringLiteral("item(s)"))
                      || label->text().contains(QStringLiteral("items in the thread"));
        QVERIFY(counted); // the summary itself did follow
    }

    void aNewIdentityOrAnotherCustomerIsShown()
    {
        ui::CustomerPanel panel;
        auto customer = sampleCustomer(4);
        panel.setCustomer(customer);
        QListWidget *identities = identityList(panel);
        customer.identities.append({QStringLiteral("chat"), QStringLiteral("v-123")});
        panel.setCustomer(customer);
        QCOMPARE(identities->count(), 3);
        QVERIFY(identities->item(2)->text().contains(QStringLiteral("v-123")));

        panel.setCustomer(sampleCustomer(5));
        QCOMPARE(identities->count(), 2);
        QVERIFY(identities->item(1)->text().contains(QStringLiteral("c5@example.com")));

        panel.setCustomer(std::nullopt);
        QCOMPARE(identities->count(), 0);
        panel.setCustomer(sampleCustomer(5)); // the same customer again, after none
        QCOMPARE(identities->count(), 2);
    }

    void aLongAddressIsShortenedInItsMiddleNotScrolledAndItsTooltipGivesItWhole()
    {
        ui::CustomerPanel panel;
        panel.setLayoutDirection(Qt::RightToLeft); // as in fa and ar, where it was seen
        panel.resize(280, 600);
        auto customer = sampleCustomer(4);
        const QString address =
            QStringLiteral("maryam.kazemi.customer-service-follow-up@very-long-company-domain.example.com");
        customer.identities.append({QStringLiteral("email"), address});
        panel.setCustomer(customer);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListWidget *identities = identityList(panel);
        QVERIFY(identities);
        QCOMPARE(identities->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        QCOMPARE(identities->textElideMode(), Qt::ElideMiddle);
        QVERIFY(!identities->horizontalScrollBar()->isVisible());
        QCOMPARE(identities->item(2)->toolTip(), address);
    }
};

QTEST_MAIN(TestCustomerPanel)
#include "tst_customer_panel.moc"
