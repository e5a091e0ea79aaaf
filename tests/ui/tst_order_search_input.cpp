// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/order_search_input.h"

#include <QSignalSpy>
#include <QTest>

using namespace threadline::ui;
using Kind = OrderQuery::Kind;

Q_DECLARE_METATYPE(threadline::ui::OrderQuery::Kind)

class TestOrderSearchInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void whatTheClerkTypedIsClassifiedAndNormalised_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("normalised");
        const auto row = [](const char *name, const QString &typed, Kind kind, const char *out) {
            QTest::newRow(name) << typed << kind << QString::fromUtf8(out);
        };
        row("blank", u"   "_qs, Kind::Empty, "");
        row("one letter is not worth a lookup", u"z"_qs, Kind::Empty, "");
        row("an order number", u"1001"_qs, Kind::OrderNumber, "1001");
        row("an order number with its hash", u"#1001"_qs, Kind::OrderNumber, "1001");
        row("a hash and a space", u"# 1001"_qs, Kind::OrderNumber, "1001");
        row("a prefixed order number", u"TL-705085"_qs, Kind::OrderNumber, "TL-705085");
        row("a prefixed order number in lower case", u"tl-705085"_qs, Kind::OrderNumber,
            "TL-705085");
        row("an order number in Persian digits", u"۱۰۰۱"_qs, Kind::OrderNumber, "1001");
        row("an order number in Arabic-Indic digits", u"#١٠٠١"_qs, Kind::OrderNumber, "1001");
        row("a prefix and Persian digits", u"TL-۷۰۵۰۸۵"_qs, Kind::OrderNumber, "TL-705085");
        row("an Iranian mobile in Persian digits", u"۰۹۱۲ ۱۲۳ ۴۵۶۷"_qs, Kind::Phone, "09121234567");
        row("the same number written together", u"09121234567"_qs, Kind::Phone, "09121234567");
        row("international with separators", u"+98 (912) 123-4567"_qs, Kind::Phone,
            "+989121234567");
        row("a UAE mobile in Arabic-Indic digits", u"٠٥٠ ١٢٣ ٤٥٦٧"_qs, Kind::Phone, "0501234567");
        row("international in Arabic-Indic digits", u"+٩٧١٥٠١٢٣٤٥٦٧"_qs, Kind::Phone,
            "+971501234567");
        row("pasted from right-to-left text with marks", u"\u200e+98\u00a0912\u200f1234567"_qs,
            Kind::Phone, "+989121234567");
        row("nine digits without a zero", u"912123456"_qs, Kind::Phone, "912123456");
        row("an email", u"Zahra@Example.IR"_qs, Kind::Email, "zahra@example.ir");
        row("an email with spaces around", u"  zahra@example.ir "_qs, Kind::Email,
            "zahra@example.ir");
        row("a Persian name", u"زهرا  احمدی"_qs, Kind::Name, "زهرا احمدی");
        row("an Arabic name", u"أحمد"_qs, Kind::Name, "أحمد");
        row("a Latin name", u"Zahra Ahmadi"_qs, Kind::Name, "Zahra Ahmadi");
        row("a name with a bidi override", u"Ali\u202eFoo"_qs, Kind::Name, "AliFoo");
    }
    void whatTheClerkTypedIsClassifiedAndNormalised()
    {
        QFETCH(QString, typed);
        QFETCH(Kind, kind);
        QFETCH(QString, normalised);
        const OrderQuery q = classifyOrderQuery(typed);
        QCOMPARE(q.kind, kind);
        QCOMPARE(q.normalised, normalised);
    }

    void aLookupIsAskedForOnceTheClerkStopsTyping()
    {
        OrderSearchInput input;
        QSignalSpy lookups(&input, &OrderSearchInput::lookupRequested);
        for (const QChar digit : u"۱۰۰۱"_qs) // as a Persian keyboard types them
            input.insert(QString(digit));
        QCOMPARE(lookups.count(), 0); // not on every key
        QTRY_COMPARE(lookups.count(), 1);
        QCOMPARE(lookups.at(0).at(0).toString(), u"1001"_qs);
        QCOMPARE(input.query().kind, Kind::OrderNumber);
    }

    void enterLooksUpAtOnceAndAgain()
    {
        OrderSearchInput input;
        QSignalSpy lookups(&input, &OrderSearchInput::lookupRequested);
        input.setText(u"Zahra@Example.IR"_qs);
        QTest::keyClick(&input, Qt::Key_Return);
        QCOMPARE(lookups.count(), 1);
        QCOMPARE(lookups.at(0).at(0).toString(), u"zahra@example.ir"_qs);
        QTest::keyClick(&input, Qt::Key_Return);
        QCOMPARE(lookups.count(), 2); // the clerk asks again: the answer may have changed
        // The debounce was cancelled: no third lookup for the same text.
        QVERIFY(!lookups.wait(OrderSearchInput::kDebounceMs * 2));
    }

    void theKindIsAnnouncedWhenItChanges()
    {
        OrderSearchInput input;
        QSignalSpy kinds(&input, &OrderSearchInput::kindChanged);
        input.setText(u"0912"_qs);
        input.setText(u"0912 123 4567"_qs);
        input.setText(u"0912 123 45678"_qs);
        QCOMPARE(kinds.count(), 2);
        QCOMPARE(kinds.at(0).at(0).value<Kind>(), Kind::OrderNumber);
        QCOMPARE(kinds.at(1).at(0).value<Kind>(), Kind::Phone);
        QVERIFY(!OrderSearchInput::kindLabel(Kind::Phone).isEmpty());
        QVERIFY(OrderSearchInput::kindLabel(Kind::Empty).isEmpty());
    }

    void emptyingTheBoxSaysSoAndAsksNothing()
    {
        OrderSearchInput input;
        QSignalSpy lookups(&input, &OrderSearchInput::lookupRequested);
        QSignalSpy cleared(&input, &OrderSearchInput::cleared);
        input.setText(u"1001"_qs);
        input.clear();
        QCOMPARE(cleared.count(), 1);
        QTest::keyClick(&input, Qt::Key_Return);
        QCOMPARE(lookups.count(), 0);
    }
};

QTEST_MAIN(TestOrderSearchInput)
#include "tst_order_search_input.moc"
