// SPDX-License-Identifier: GPL-3.0-or-later
// The desk's actions are registered once, and every way of reaching them reads that
// registry: no two actions share a key where both can work, every key is on the
// shortcut sheet and every action the agent can reach is in the command palette.
#include "ui/command_palette.h"
#include "ui/desk_actions.h"
#include "ui/main_window.h"
#include "ui/shortcut_sheet.h"

#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "tests/support/sample_customer.h"

#include <QAction>
#include <QHash>
#include <QLineEdit>
#include <QSet>
#include <QShortcut>
#include <QTest>

using namespace threadline;

using testing::sampleCustomer;

class TestDeskActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyRoleHasOneActionPerKeyEachOnTheSheetAndInThePalette_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("atLeast"); // actions in reach, so an empty registry cannot pass
        QTest::newRow("agent") << QStringLiteral("agent") << 30;
        QTest::newRow("supervisor") << QStringLiteral("supervisor") << 30;
        QTest::newRow("store") << QStringLiteral("store") << 5; // the desk has its own keys
    }

    void everyRoleHasOneActionPerKeyEachOnTheSheetAndInThePalette()
    {
        QFETCH(QString, role);
        QFETCH(int, atLeast);
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        inbox.applyCustomers({sampleCustomer(1), sampleCustomer(2), sampleCustomer(3)});
        window.setUser(QStringLiteral("amir"), role);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFromSearch(2, 0);

        const QList<QAction *> registered = window.deskActions()->actions();
        QSet<QString> ids;
        for (const QAction *action : registered) {
            QVERIFY2(!ids.contains(action->objectName()), qPrintable(action->objectName()));
            ids.insert(action->objectName());
            QVERIFY2(!ui::commandTitle(action).trimmed().isEmpty(), qPrintable(action->objectName()));
        }

        // Each key that works now belongs to one action or one shortcut only.
        QHash<QKeySequence, QString> owner;
        const auto claim = [&](const QKeySequence &keys, const QString &who) {
            QVERIFY2(!owner.contains(keys),
                     qPrintable(keys.toString() + QStringLiteral(": ") + owner.value(keys)
                                + QStringLiteral(" and ") + who));
            owner.insert(keys, who);
        };
        QList<QKeySequence> listed;
        for (const auto &entry : ui::ShortcutSheet::entries(registered))
            listed += entry.keys;
        int reachable = 0;
        for (const QAction *action : registered) {
            if (!ui::inContext(action))
                continue;
            ++reachable;
            for (const QKeySequence &keys : action->shortcuts()) {
                claim(keys, action->objectName());
                QVERIFY2(listed.contains(keys), qPrintable(keys.toString() + QStringLiteral(" is not on the sheet")));
            }
        }
        for (const QShortcut *shortcut : window.findChildren<QShortcut *>()) {
            const auto *holder = qobject_cast<const QWidget *>(shortcut->parent());
            if (shortcut->isEnabled() && holder && holder->isVisible()
                && shortcut->context() != Qt::WidgetShortcut)
                claim(shortcut->key(), QStringLiteral("a shortcut of ") + holder->objectName());
        }
        // No action of the desk is made outside the registry and forgotten there.
        for (const QAction *action : window.findChildren<QAction *>())
            if (!action->shortcuts().isEmpty() && ui::inContext(action) && action->isEnabled())
                QVERIFY2(registered.contains(action), qPrintable(action->text()));
        QVERIFY2(reachable >= atLeast, qPrintable(QString::number(reachable)));

        // The palette, opened on nothing typed, offers every action within reach.
        ui::CommandPalette *palette = window.commandPalette();
        palette->open();
        QVERIFY(palette->isVisible());
        const QList<QAction *> offered = palette->shown();
        for (QAction *action : registered)
            if (ui::inContext(action))
                QVERIFY2(offered.contains(action), qPrintable(action->objectName()));
        QCOMPARE(offered.size(), reachable);
    }

    void aTitleIsFoundByItsStartByTheStartOfItsWordsOrByItsLettersInOrder()
    {
        using ui::commandMatch;
        QCOMPARE(commandMatch(QStringLiteral("resolve"), QStringLiteral("res")), 0);
        QCOMPARE(commandMatch(QStringLiteral("snooze for a week"), QStringLiteral("sn we")), 1);
        QCOMPARE(commandMatch(QStringLiteral("transfer…"), QStringLiteral("ansf")), 2);
        QCOMPARE(commandMatch(QStringLiteral("merge with…"), QStringLiteral("mgw")), 3);
        QCOMPARE(commandMatch(QStringLiteral("resolve"), QStringLiteral("xyz")), -1);
        QCOMPARE(commandMatch(QStringLiteral("reply"), QString()), 0);
    }
};

QTEST_MAIN(TestDeskActions)
#include "tst_desk_actions.moc"
