// SPDX-License-Identifier: GPL-3.0-or-later
// While the cache cannot be written, a strip across the top of the window says
// why in plain words; it goes once the cache takes writes again.
#include "ui/storage_banner.h"

#include <QLabel>
#include <QMainWindow>
#include <QTest>

using threadline::ui::StorageBanner;

class TestStorageBanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aFullDiskIsSaidInPlainWordsAcrossTheTopUntilSpaceIsBack()
    {
        QMainWindow window;
        auto *banner = new StorageBanner(&window);
        window.addToolBar(Qt::TopToolBarArea, banner);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!banner->isVisible()); // nothing to say while all is well
        QVERIFY(banner->sentence().isEmpty());

        banner->showProblem(QStringLiteral("disk_full"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->sentence().startsWith(
            QStringLiteral("The disk is full: new messages are not being saved")));
        QCOMPARE(window.toolBarArea(banner), Qt::TopToolBarArea);

        banner->clearProblem();
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->sentence().isEmpty());
    }

    void aReadOnlyProfileAndOtherFailuresHaveTheirOwnSentences()
    {
        QMainWindow window;
        auto *banner = new StorageBanner(&window);
        window.addToolBar(banner);
        window.show();
        banner->showProblem(QStringLiteral("read_only"));
        QVERIFY(banner->sentence().startsWith(QStringLiteral("The profile folder is read-only")));
        banner->showProblem(QStringLiteral("io"));
        QVERIFY(banner->sentence().contains(QStringLiteral("(io)")));
        QVERIFY(banner->isVisible());
    }
};

QTEST_MAIN(TestStorageBanner)
#include "tst_storage_banner.moc"
