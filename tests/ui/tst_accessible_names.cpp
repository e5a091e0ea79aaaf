// SPDX-License-Identifier: GPL-3.0-or-later
// A screen reader names every control of the agent's desk: the test walks the
// window's widgets on each page a role has and fails on an interactive one whose
// accessible name is empty.
#include "ui/command_palette.h"
#include "ui/main_window.h"

#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "tests/support/sample_customer.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextEdit>

using namespace threadline;

namespace {

bool interactive(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w)
           || qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractItemView *>(w)
           || qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTextEdit *>(w)
           || qobject_cast<const QTabBar *>(w) || qobject_cast<const QAbstractSlider *>(w)
           || qobject_cast<const QAbstractSpinBox *>(w);
}

/// The interactive widgets on screen that a screen reader would announce without a name.
QStringList unnamed(QWidget *window)
{
    QStringList missing;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisible() || !interactive(w) || w->window() != window)
            continue;
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parentWidget()))
            continue; // an editable combo's own field: the combo carries the name
        if (qobject_cast<QHeaderView *>(w) && qobject_cast<QAbstractItemView *>(w->parentWidget()))
            continue; // a table's header: its sections are named by the model
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            missing << QStringLiteral("%1 %2 (in %3)")
                           .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                w->parentWidget() ? w->parentWidget()->objectName() : QString());
    }
    return missing;
}

} // namespace

class TestAccessibleNames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyControlOnEachPageHasAName_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("page");
        QTest::addColumn<int>("atLeast"); // controls on screen, so the walk itself is checked
        QTest::newRow("agent's conversations") << QStringLiteral("agent") << QStringLiteral("conversations") << 20;
        QTest::newRow("supervisor's monitor") << QStringLiteral("supervisor") << QStringLiteral("monitor") << 6;
        QTest::newRow("store's order desk (no order found yet)") << QStringLiteral("store") << QStringLiteral("orders") << 2;
    }

    void everyControlOnEachPageHasAName()
    {
        QFETCH(QString, role);
        QFETCH(QString, page);
        QFETCH(int, atLeast);
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        // Last heard from by email: the composer shows its subject field too.
        inbox.applyCustomers({testing::sampleCustomer(1, QStringLiteral("email")),
                              testing::sampleCustomer(2, QStringLiteral("email"))});
        window.setUser(QStringLiteral("amir"), role);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(page));
        window.openFromSearch(1, 0);
        const QStringList missing = unnamed(&window);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
        int checked = 0;
        for (QWidget *w : window.findChildren<QWidget *>())
            checked += w->isVisible() && interactive(w);
        QVERIFY2(checked >= atLeast, qPrintable(QString::number(checked)));
    }

    void theCommandPaletteNamesItsFieldAndList()
    {
        models::InboxModel inbox;
        models::TimelineModel timeline;
        ui::MainWindow window(&inbox, &timeline);
        window.setUser(QStringLiteral("amir"), QStringLiteral("agent"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.commandPalette()->open();
        const QStringList missing = unnamed(&window);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }
};

QTEST_MAIN(TestAccessibleNames)
#include "tst_accessible_names.moc"
