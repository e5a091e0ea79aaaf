// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sms_segments.h"

#include <QTest>

using threadline::ui::countSmsSegments;

class TestSmsSegments : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plainLatinTextFitsOneSmsUpTo160Characters()
    {
        const auto s = countSmsSegments(QString(160, QLatin1Char('a')));
        QVERIFY(!s.ucs2);
        QCOMPARE(s.segments, 1);
        QCOMPARE(s.remaining, 0);
        QCOMPARE(countSmsSegments(QString(161, QLatin1Char('a'))).segments, 2);
    }

    void aLongLatinMessageIsSplitIn153s()
    {
        const auto s = countSmsSegments(QString(306, QLatin1Char('a')));
        QCOMPARE(s.segments, 2);
        QCOMPARE(countSmsSegments(QString(307, QLatin1Char('a'))).segments, 3);
    }

    void extensionCharactersCostTwo()
    {
        const auto s = countSmsSegments(QStringLiteral("€{}"));
        QVERIFY(!s.ucs2);
        QCOMPARE(s.units, 6);
    }

    void persianAndArabicNeedUnicodeAt70And67()
    {
        const QString persian = QStringLiteral("سفارش شما آماده است");
        auto s = countSmsSegments(persian);
        QVERIFY(s.ucs2);
        QCOMPARE(s.segments, 1);
        QCOMPARE(s.remaining, 70 - static_cast<int>(persian.size()));
        QCOMPARE(countSmsSegments(QString(70, QChar(0x0628))).segments, 1);
        QCOMPARE(countSmsSegments(QString(71, QChar(0x0628))).segments, 2);
        QCOMPARE(countSmsSegments(QString(135, QChar(0x0628))).segments, 3);
    }

    void anEmptyBodyIsNoSms()
    {
        QCOMPARE(countSmsSegments(QString()).segments, 0);
    }
};

QTEST_GUILESS_MAIN(TestSmsSegments)
#include "tst_sms_segments.moc"
