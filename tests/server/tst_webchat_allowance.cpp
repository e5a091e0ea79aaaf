// SPDX-License-Identifier: GPL-3.0-or-later
// A web chat visitor's message allowance: a burst, then a steady pace, with the clock
// driven by the test.
#include "server/webchat_allowance.h"

#include <QTest>

using threadline::server::MessageAllowance;

class TestWebChatAllowance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aVisitorMaySendABurstAndThenMustWait()
    {
        MessageAllowance allowance(3, 1000);
        const qint64 t0 = 1'700'000'000'000;
        QVERIFY(allowance.spend(t0));
        QVERIFY(allowance.spend(t0 + 10));
        QVERIFY(allowance.spend(t0 + 20));
        QVERIFY(!allowance.spend(t0 + 30));
        QVERIFY(!allowance.spend(t0 + 999));
        // One message a second comes back.
        QVERIFY(allowance.spend(t0 + 1000));
        QVERIFY(!allowance.spend(t0 + 1500));
        QVERIFY(allowance.spend(t0 + 2000));
    }

    void aLongPauseGivesBackTheBurstButNoMore()
    {
        MessageAllowance allowance(2, 1000);
        const qint64 t0 = 1'700'000'000'000;
        QVERIFY(allowance.spend(t0));
        QVERIFY(allowance.spend(t0));
        QVERIFY(!allowance.isFull(t0 + 1000));
        QVERIFY(allowance.isFull(t0 + 60'000));
        QVERIFY(allowance.spend(t0 + 60'000));
        QVERIFY(allowance.spend(t0 + 60'000));
        QVERIFY(!allowance.spend(t0 + 60'000));
    }

    void aFreshAllowanceIsFull()
    {
        MessageAllowance allowance(8, 1000);
        QVERIFY(allowance.isFull(1'700'000'000'000));
    }
};

QTEST_MAIN(TestWebChatAllowance)
#include "tst_webchat_allowance.moc"
