// SPDX-License-Identifier: GPL-3.0-or-later
// The bar above the thread: what can be done with the open conversation, and why not.
#include "ui/conversation_bar.h"

#include "tests/support/sample_customer.h"
#include "ui/desk_actions.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>

using namespace threadline;
using testing::sampleCustomer;

namespace {

QAction *action(const ui::ConversationBar &bar, const char *id)
{
    for (QAction *a : bar.commands())
        if (a->objectName() == QLatin1String(id))
            return a;
    return nullptr;
}

} // namespace

class TestConversationBar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void beforeSignInTakeSaysWhyAndANewMessageLeavesItAlone()
    {
        ui::ConversationBar bar;
        auto customer = sampleCustomer(3);
        bar.setCustomer(customer);
        QAction *take = action(bar, "take");
        QAction *resolve = action(bar, "resolve");
        QVERIFY(take && resolve);
        QVERIFY(!take->isEnabled());
        QCOMPARE(ui::whyUnavailable(take), QStringLiteral("Not signed in yet"));
        QVERIFY(resolve->isEnabled());

        // A new message in the open thread: nothing on the bar changes, so no button is
        // told to re-measure (each change would lay the window out again).
        QSignalSpy takeChanged(take, &QAction::changed);
        QSignalSpy resolveChanged(resolve, &QAction::changed);
        customer.itemCount += 1;
        customer.lastAt += 1000;
        bar.setCustomer(customer);
        QCOMPARE(takeChanged.count(), 0);
        QCOMPARE(resolveChanged.count(), 0);

        bar.setUser(QStringLiteral("amir"));
        QVERIFY(take->isEnabled());
        QVERIFY(ui::whyUnavailable(take).isEmpty());
        bar.setCustomer(std::nullopt);
        QVERIFY(!take->isEnabled());
        QCOMPARE(ui::whyUnavailable(resolve), QStringLiteral("No conversation is open"));
    }
};

QTEST_MAIN(TestConversationBar)
#include "tst_conversation_bar.moc"
