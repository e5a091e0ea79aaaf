// SPDX-License-Identifier: GPL-3.0-or-later
// The store clerk's order desk: look an order up, see its card and the
// customer's thread, mark it ready or picked up, telling the customer.
#include "models/order_list_model.h"
#include "models/timeline_model.h"
#include "tests/ui/timeline_points.h"
#include "ui/attachment_actions.h"
#include "ui/attachment_list.h"
#include "ui/interface_language.h"
#include "ui/order_desk_view.h"
#include "ui/order_search_input.h"
#include "ui/timeline_view.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace threadline;
using models::Order;

namespace {

constexpr qint64 kHour = 60 * 60 * 1000;

/// A Shopify-like order picked up at the counter.
Order paidOrder(const QString &language = QStringLiteral("en"))
{
    const bool fa = language == QLatin1String("fa");
    Order o;
    o.id = 41;
    o.source = QStringLiteral("shopify");
    o.number = QStringLiteral("#1001");
    o.status = QStringLiteral("paid");
    o.paymentStatus = QStringLiteral("paid");
    o.fulfilmentStatus = QStringLiteral("unfulfilled");
    o.currency = fa ? QStringLiteral("IRR") : QStringLiteral("USD");
    o.total = fa ? QStringLiteral("48500000") : QStringLiteral("409.94");
    o.items = fa ? QList<models::OrderItem>{{u"گوشی سامسونگ گلکسی A54"_qs, 1, u"42000000"_qs},
                                            {u"قاب چرمی"_qs, 2, u"2500000"_qs},
                                            {u"محافظ صفحه"_qs, 1, u"1500000"_qs}}
                 : QList<models::OrderItem>{{u"IPod Nano - 8gb, green"_qs, 1, u"199.00"_qs},
                                            {u"Leather case"_qs, 2, u"89.99"_qs},
                                            {u"Screen protector"_qs, 1, u"24.99"_qs}};
    o.pickupCode = QStringLiteral("K7Q-428");
    o.customerId = 7;
    o.customerName = fa ? QStringLiteral("زهرا احمدی") : QStringLiteral("Zahra Ahmadi");
    o.phone = QStringLiteral("+989121234567");
    o.email = QStringLiteral("zahra@example.ir");
    o.createdAt = QDateTime(QDate(2024, 3, 20), QTime(10, 12)).toMSecsSinceEpoch();
    o.updatedAt = o.createdAt + kHour;
    return o;
}

Order otherCustomersOrder()
{
    Order o = paidOrder();
    o.id = 42;
    o.number = QStringLiteral("TL-705085");
    o.source = QStringLiteral("woocommerce");
    o.status = QStringLiteral("placed");
    o.paymentStatus = QStringLiteral("pending");
    o.customerId = 8;
    o.customerName = QStringLiteral("John Doe");
    o.phone.clear();
    o.total = QStringLiteral("29.35");
    o.items = {{u"Woo Single #1"_qs, 2, u"3.00"_qs},
               {u"Ship Your Idea – Black, M"_qs, 1, u"12.00"_qs}};
    o.updatedAt -= kHour;
    return o;
}

QList<models::Message> customerThread(const QString &language)
{
    const bool fa = language == QLatin1String("fa");
    const qint64 t0 = QDateTime(QDate(2024, 3, 20), QTime(10, 12)).toMSecsSinceEpoch();
    models::Message order;
    order.id = 1;
    order.customerId = 7;
    order.channel = QStringLiteral("order");
    order.direction = QStringLiteral("internal");
    order.author = QStringLiteral("shopify");
    order.body = fa ? u"پرداخت آنلاین، تحویل حضوری در فروشگاه"_qs
                    : u"Paid online, to be picked up in the store"_qs;
    order.meta = {{QStringLiteral("number"), QStringLiteral("#1001")},
                  {QStringLiteral("status"), QStringLiteral("paid")}};
    order.at = t0;
    models::Message sms;
    sms.id = 2;
    sms.customerId = 7;
    sms.channel = QStringLiteral("sms");
    sms.direction = QStringLiteral("in");
    sms.author = fa ? u"زهرا احمدی"_qs : u"Zahra Ahmadi"_qs;
    sms.identity = QStringLiteral("+989121234567");
    sms.body =
        fa ? u"سلام، سفارشم کی آماده می‌شه؟ ساعت ۵ میام فروشگاه."_qs
           : u"Hi, when will my order be ready? I can come by the store at 5."_qs;
    sms.at = t0 + 2 * kHour;
    models::Message reply = sms;
    reply.id = 3;
    reply.direction = QStringLiteral("out");
    reply.author = QStringLiteral("sara");
    reply.body = fa ? u"سلام زهرا جان، تا ساعت ۴ آماده است. کد تحویل را همراه داشته باشید."_qs
                    : u"Hi Zahra, it will be ready by 4. Bring your pickup code."_qs;
    reply.at = t0 + 2 * kHour + 10 * 60 * 1000;
    return {reply, sms, order}; // newest first
}

QString withoutIsolates(const QString &text)
{
    QString out;
    int depth = 0;
    for (const QChar c : text) {
        if (c == QChar(0x2066) || c == QChar(0x2067) || c == QChar(0x2068))
            ++depth;
        else if (c == QChar(0x2069))
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            out.append(c);
    }
    return out;
}

} // namespace

class TestOrderDeskView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        m_view.reset();
        m_orders.reset();
        ui::useInterfaceLanguage(QStringLiteral("en"));
    }

    void beforeAnyLookupTheDeskExplainsWhatToType()
    {
        open();
        QVERIFY(label(u"orderResultsEmpty")->isVisible());
        QVERIFY(label(u"orderResultsEmpty")->text().contains(u"phone number"));
        QVERIFY(label(u"orderNothingSelected")->isVisible());
        QCOMPARE(m_view->currentOrderId(), 0);
    }

    void typingAskedForALookupWithTheNormalisedQuery()
    {
        open();
        QSignalSpy lookups(m_view.get(), &ui::OrderDeskView::lookupRequested);
        auto *search = m_view->findChild<ui::OrderSearchInput *>();
        search->setFocus();
        for (const QChar c : u"۰۹۱۲ ۱۲۳ ۴۵۶۷"_qs) // as a Persian keyboard types them
            search->insert(QString(c));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(lookups.count(), 1);
        QCOMPARE(lookups.at(0).at(0).toString(), u"09121234567"_qs);
        QVERIFY(label(u"orderQueryKind")->text().contains(u"phone number"));
    }

    void aLookupWithNoOrdersSaysWhatWasNotFound()
    {
        open();
        m_orders->setResults(QStringLiteral("9999"), {});
        QVERIFY(label(u"orderResultsEmpty")->isVisible());
        QVERIFY(label(u"orderResultsEmpty")->text().contains(u"9999"));
        QVERIFY(label(u"orderNothingSelected")->isVisible());
    }

    void selectingAnOrderShowsItsCardAndAsksForTheThread()
    {
        open();
        QSignalSpy threads(m_view.get(), &ui::OrderDeskView::threadWanted);
        QSignalSpy pages(m_view->timeline(), &models::TimelineModel::pageWanted);
        m_orders->setResults(QStringLiteral("zahra"), {paidOrder(), otherCustomersOrder()});
        // The first result is opened at once: a number typed usually finds one order.
        QCOMPARE(m_view->currentOrderId(), 41);
        QCOMPARE(threads.count(), 1);
        QCOMPARE(threads.at(0).at(0).toLongLong(), 7);
        QCOMPARE(pages.count(), 1);
        QCOMPARE(m_view->timeline()->customerId(), 7);
        QVERIFY(widget(u"orderCard")->isVisible());
        QVERIFY(label(u"orderNumber")->text().contains(u"#1001"));
        QVERIFY(label(u"orderCustomer")->text().contains(u"Zahra Ahmadi"));
        QCOMPARE(label(u"orderStatus")->text(), u"paid"_qs);
        QCOMPARE(label(u"orderTotal")->text(), u"$409.94"_qs);
        QVERIFY(label(u"orderPickupCode")->text().contains(u"K7Q-428"));
        QVERIFY(label(u"orderPayment")->text().contains(u"not yet fulfilled"));
        QVERIFY(cardText().contains(u"Leather case"));
        QVERIFY(cardText().contains(u"× 2"));
        QVERIFY(cardText().contains(u"$89.99"));

        // Down from the search box walks the results: another customer, another thread.
        auto *search = m_view->findChild<ui::OrderSearchInput *>();
        QTest::keyClick(search, Qt::Key_Down);
        QCOMPARE(m_view->currentOrderId(), 42);
        QCOMPARE(threads.count(), 2);
        QCOMPARE(threads.at(1).at(0).toLongLong(), 8);
        QVERIFY(label(u"orderNumber")->text().contains(u"TL-705085"));
    }

    void anotherLookupKeepsTheSameOrderOpen()
    {
        open();
        m_orders->setResults(QStringLiteral("zahra"), {otherCustomersOrder(), paidOrder()});
        m_view->selectOrder(41);
        QSignalSpy threads(m_view.get(), &ui::OrderDeskView::threadWanted);
        m_orders->setResults(QStringLiteral("1001"), {paidOrder()});
        QCOMPARE(m_view->currentOrderId(), 41);
        QCOMPARE(threads.count(), 0); // the thread on screen is already theirs
    }

    void readyForPickupIsOfferedForAPaidOrderAndTellsTheCustomerOnTheChosenChannel()
    {
        open();
        m_orders->setResults(QStringLiteral("1001"), {paidOrder()});
        QSignalSpy actions(m_view.get(), &ui::OrderDeskView::orderActionRequested);
        auto *ready = button(u"markReady");
        auto *pickedUp = button(u"markPickedUp");
        QVERIFY(ready->isEnabled());
        QVERIFY2(!pickedUp->isEnabled(), "picked up only once the customer was told it is ready");
        auto *sms = m_view->findChild<QRadioButton *>(QStringLiteral("notifySms"));
        auto *email = m_view->findChild<QRadioButton *>(QStringLiteral("notifyEmail"));
        QVERIFY(sms->isVisible() && email->isVisible());
        QVERIFY(sms->isChecked()); // the phone first: a text is read soonest
        QVERIFY(sms->text().contains(u"+989121234567"));
        email->click();
        ready->click();
        QCOMPARE(actions.count(), 1);
        QCOMPARE(actions.at(0).at(0).toLongLong(), 41);
        QCOMPARE(actions.at(0).at(1).toString(), u"ready_for_pickup"_qs);
        QCOMPARE(actions.at(0).at(2).toString(), u"email"_qs);
        QVERIFY2(!ready->isEnabled(), "no second request while the first is on its way");

        // The hub answers with the order, now ready: picked up is next.
        Order nowReady = paidOrder();
        nowReady.status = QStringLiteral("ready_for_pickup");
        nowReady.fulfilmentStatus = QStringLiteral("ready_for_pickup");
        nowReady.handledBy = QStringLiteral("sara");
        nowReady.handledAt = nowReady.updatedAt + kHour;
        nowReady.updatedAt = nowReady.handledAt;
        QVERIFY(m_orders->applyOrder(nowReady));
        QCOMPARE(label(u"orderStatus")->text(), u"ready for pickup"_qs);
        QVERIFY(!ready->isEnabled());
        QVERIFY(pickedUp->isEnabled());
        QVERIFY(email->isChecked()); // the clerk's choice stays
        QVERIFY(label(u"orderHandled")->text().contains(u"sara"));
    }

    void aRefusedActionIsExplainedAndOfferedAgain()
    {
        open();
        m_orders->setResults(QStringLiteral("1001"), {paidOrder()});
        button(u"markReady")->click();
        QVERIFY(!button(u"markReady")->isEnabled());
        m_view->showProblem(QStringLiteral("The hub is unreachable; try again."));
        QVERIFY(label(u"orderProblem")->isVisible());
        QVERIFY(button(u"markReady")->isEnabled());
    }

    void onlyTheChannelsTheOrderHasAreOffered()
    {
        open();
        m_orders->setResults(QStringLiteral("TL-705085"), {otherCustomersOrder()});
        QSignalSpy actions(m_view.get(), &ui::OrderDeskView::orderActionRequested);
        QVERIFY(!m_view->findChild<QRadioButton *>(QStringLiteral("notifySms"))->isVisible());
        auto *email = m_view->findChild<QRadioButton *>(QStringLiteral("notifyEmail"));
        QVERIFY(email->isVisible());
        QVERIFY(email->isChecked());
        m_view->findChild<QRadioButton *>(QStringLiteral("notifyNone"))->click();
        button(u"markReady")->click();
        QCOMPARE(actions.count(), 1);
        QCOMPARE(actions.at(0).at(2).toString(), QString());
    }

    void theDeskIsDrivenFromTheKeyboard()
    {
        open();
        m_orders->setResults(QStringLiteral("1001"), {paidOrder()});
        QSignalSpy actions(m_view.get(), &ui::OrderDeskView::orderActionRequested);
        auto *search = m_view->findChild<ui::OrderSearchInput *>();
        auto *note = m_view->findChild<QLineEdit *>(QStringLiteral("orderNote"));
        note->setFocus();
        QTRY_VERIFY(note->hasFocus());
        QTest::keyClick(note, Qt::Key_F3);
        QTRY_VERIFY(search->hasFocus());
        note->setFocus();
        QTRY_VERIFY(note->hasFocus());
        QTest::keyClick(note, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClick(search, Qt::Key_P, Qt::ControlModifier);
        QCOMPARE(actions.count(), 0); // not ready yet: Ctrl+P does nothing
        QTest::keyClick(search, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(actions.count(), 1);
        QCOMPARE(actions.at(0).at(1).toString(), u"ready_for_pickup"_qs);
        QCOMPARE(actions.at(0).at(2).toString(), u"sms"_qs);
    }

    void aNoteGoesToTheCustomersThread()
    {
        open();
        m_orders->setResults(QStringLiteral("1001"), {paidOrder()});
        QSignalSpy notes(m_view.get(), &ui::OrderDeskView::noteRequested);
        auto *note = m_view->findChild<QLineEdit *>(QStringLiteral("orderNote"));
        QVERIFY(!button(u"addNote")->isEnabled());
        note->setFocus();
        QTest::keyClicks(note, u"Paid in cash for the second case"_qs);
        QTest::keyClick(note, Qt::Key_Return);
        QCOMPARE(notes.count(), 1);
        QCOMPARE(notes.at(0).at(0).toLongLong(), 7);
        QCOMPARE(notes.at(0).at(1).toString(), u"Paid in cash for the second case"_qs);
        QVERIFY(note->text().isEmpty());
    }

    void aPickedUpOrderShowsWhoHandedItOverAndWhen()
    {
        open();
        Order done = paidOrder();
        done.status = QStringLiteral("picked_up");
        done.fulfilmentStatus = QStringLiteral("picked_up");
        done.handledBy = QStringLiteral("sara");
        done.handledAt = QDateTime(QDate(2024, 3, 21), QTime(16, 5)).toMSecsSinceEpoch();
        m_orders->setResults(QStringLiteral("1001"), {done});
        const QString handled = label(u"orderHandled")->text();
        QVERIFY(label(u"orderHandled")->isVisible());
        QVERIFY2(handled.contains(u"Picked up by") && handled.contains(u"sara"),
                 qPrintable(handled));
        QVERIFY2(handled.contains(u"March 21, 2024"), qPrintable(handled));
        QVERIFY2(handled.contains(QLocale().toString(QTime(16, 5), QLocale::ShortFormat)),
                 qPrintable(handled));
        QVERIFY(!button(u"markReady")->isEnabled());
        QVERIFY(!button(u"markPickedUp")->isEnabled());
        QVERIFY(!m_view->findChild<QRadioButton *>(QStringLiteral("notifySms"))->isVisible());
    }

    void anEmailsAttachmentIsSavedFromTheOrderDeskAsFromTheAgentsThread()
    {
        open();
        m_orders->setResults(QStringLiteral("zahra"), {paidOrder()});
        models::Message mail;
        mail.id = 51;
        mail.customerId = 7;
        mail.channel = QStringLiteral("email");
        mail.direction = QStringLiteral("in");
        mail.author = QStringLiteral("Zahra Ahmadi");
        mail.subject = QStringLiteral("Receipt");
        mail.body = QStringLiteral("My receipt is attached.");
        mail.at = paidOrder().createdAt;
        mail.meta = QJsonObject{
            {QStringLiteral("html"), true},
            {QStringLiteral("attachments"),
             QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                    {QStringLiteral("name"), QStringLiteral("receipt.pdf")},
                                    {QStringLiteral("type"), QStringLiteral("application/pdf")},
                                    {QStringLiteral("size"), 48000}}}}};
        m_view->timeline()->applyPage(7, {mail}, mail.at, mail.id, true);
        // The app's wiring: one AttachmentActions for the window, watching this thread too.
        ui::AttachmentActions actions(m_view.get());
        actions.watch(m_view->threadView());
        QString suggested;
        actions.setChooser([&](const QString &s) {
            suggested = s;
            return QStringLiteral("/tmp/chosen-receipt.pdf");
        });
        QSignalSpy saves(&actions, &ui::AttachmentActions::saveRequested);
        QSignalSpy html(&actions, &ui::AttachmentActions::htmlRequested);

        ui::TimelineView &thread = *m_view->threadView();
        QTRY_VERIFY(thread.visualRect(thread.model()->index(0, 0)).height() > 0);
        const QPoint line =
            testing::pointOfLink(thread, ui::email_extras::attachmentScheme + QStringLiteral("0"));
        QVERIFY(line.x() >= 0);
        QTest::mouseClick(thread.viewport(), Qt::LeftButton, {}, line);
        QCOMPARE(saves.size(), 1);
        QCOMPARE(saves.first().at(0).toLongLong(), 51);
        QCOMPARE(saves.first().at(1).toInt(), 0);
        QCOMPARE(saves.first().at(2).toString(), QStringLiteral("/tmp/chosen-receipt.pdf"));
        QVERIFY(suggested.endsWith(QStringLiteral("/receipt.pdf")));

        const QPoint formatting = testing::pointOfLink(thread, ui::email_extras::originalFormatting);
        QVERIFY(formatting.x() >= 0);
        QTest::mouseClick(thread.viewport(), Qt::LeftButton, {}, formatting);
        QCOMPARE(html.size(), 1);
        QCOMPARE(html.first().at(0).toLongLong(), 51);
    }

    void inPersianTheDeskIsMirroredAndSpeaksPersian()
    {
        open(QStringLiteral("fa"));
        m_orders->setResults(QStringLiteral("1001"), {paidOrder(u"fa"_qs), otherCustomersOrder()});
        QVERIFY(m_view->isRightToLeft());
        const auto x = [this](QWidget *w) { return w->mapTo(m_view.get(), QPoint(0, 0)).x(); };
        auto *results = m_view->findChild<QListView *>(QStringLiteral("orderResults"));
        auto *card = m_view->findChild<QWidget *>(QStringLiteral("orderCard"));
        auto *thread = m_view->findChild<ui::TimelineView *>(QStringLiteral("orderThread"));
        QVERIFY2(x(results) > x(card), "the results are on the right");
        QVERIFY2(x(card) > x(thread), "the thread is on the left");
        QCOMPARE(label(u"orderTotal")->text(), u"۴۸٬۵۰۰٬۰۰۰\u00A0ریال"_qs);
        QCOMPARE(label(u"orderStatus")->text(), u"پرداخت شد"_qs);

        // Not one interface word left in English in any state of the card.
        QStringList english;
        const auto check = [&english, this] {
            static const QRegularExpression latinWord(QStringLiteral("[A-Za-z]{2,}"));
            static const QStringList allowed = {u"Ctrl"_qs, u"Enter"_qs};
            for (QWidget *w : m_view->findChildren<QWidget *>()) {
                // The name alone on its label is not isolated (it takes the label's
                // alignment): customer data, not interface text.
                if (!w->isVisibleTo(m_view.get()) || w->objectName() == u"orderCustomer")
                    continue;
                QStringList texts{w->toolTip()};
                if (auto *l = qobject_cast<QLabel *>(w))
                    texts << l->text();
                else if (auto *b = qobject_cast<QAbstractButton *>(w))
                    texts << b->text();
                else if (auto *e = qobject_cast<QLineEdit *>(w))
                    texts << e->placeholderText();
                for (const QString &t : texts)
                    for (auto it = latinWord.globalMatch(withoutIsolates(t)); it.hasNext();)
                        if (const QString word = it.next().captured(); !allowed.contains(word))
                            english << (QString::fromLatin1(w->metaObject()->className()) +
                                        QStringLiteral(": ") + t);
            }
        };
        check();
        QTest::keyClick(m_view->findChild<ui::OrderSearchInput *>(), Qt::Key_Down);
        check();
        Order done = paidOrder(u"fa"_qs);
        done.status = QStringLiteral("picked_up");
        done.fulfilmentStatus = QStringLiteral("picked_up");
        done.paymentStatus = QStringLiteral("paid");
        done.pickupCode.clear();
        done.items.clear();
        done.handledBy = QStringLiteral("sara");
        done.handledAt = done.updatedAt + kHour;
        done.updatedAt = done.handledAt;
        m_orders->setResults(QStringLiteral("1001"), {done});
        check();
        m_orders->setResults(QStringLiteral("9999"), {});
        check();
        english.removeDuplicates();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << u"en"_qs;
        QTest::newRow("Persian") << u"fa"_qs;
    }
    void screenshots()
    {
        QFETCH(QString, language);
        const QString dir = qEnvironmentVariable("THREADLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set THREADLINE_SCREENSHOT_DIR to save the order desk's screenshots");
        open(language);
        m_view->resize(1440, 820);
        Order second = otherCustomersOrder();
        second.customerId = 7;
        second.customerName = paidOrder(language).customerName;
        second.number = QStringLiteral("#998");
        second.status = QStringLiteral("picked_up");
        second.currency = paidOrder(language).currency;
        second.total = language == QLatin1String("fa") ? u"12900000"_qs : u"29.35"_qs;
        m_orders->setResults(QStringLiteral("09121234567"), {paidOrder(language), second});
        auto *search = m_view->findChild<ui::OrderSearchInput *>();
        search->setText(language == QLatin1String("fa") ? u"۰۹۱۲ ۱۲۳ ۴۵۶۷"_qs
                                                        : u"0912 123 4567"_qs);
        const QList<models::Message> items = customerThread(language);
        m_view->timeline()->applyPage(7, items, items.last().at, items.last().id, true);
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QCOMPARE(m_view->timeline()->rowCount(), 3);
        // Laid out: the card's new labels shown and sized, the thread's rows measured.
        auto *number = label(u"orderNumber");
        QTRY_VERIFY(number->width() >= number->sizeHint().width());
        QTRY_VERIFY(label(u"orderTotal")->width() >= label(u"orderTotal")->sizeHint().width());
        auto *thread = m_view->findChild<ui::TimelineView *>(QStringLiteral("orderThread"));
        QTRY_VERIFY(thread->visualRect(thread->model()->index(0, 0)).height() > 0);
        QVERIFY(QDir().mkpath(dir));
        const QString path =
            dir + QStringLiteral("/order-desk-") + language + QStringLiteral(".png");
        QVERIFY(m_view->grab().save(path));
    }

private:
    void open(const QString &language = QStringLiteral("en"))
    {
        ui::useInterfaceLanguage(language);
        m_orders = std::make_unique<models::OrderListModel>();
        m_view = std::make_unique<ui::OrderDeskView>(m_orders.get());
        m_view->resize(1400, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    QLabel *label(QStringView name) const { return m_view->findChild<QLabel *>(name.toString()); }

    QWidget *widget(QStringView name) const
    {
        return m_view->findChild<QWidget *>(name.toString());
    }

    QAbstractButton *button(QStringView name) const
    {
        return m_view->findChild<QAbstractButton *>(name.toString());
    }

    QString cardText() const
    {
        QStringList all;
        for (auto *l :
             m_view->findChild<QWidget *>(QStringLiteral("orderCard"))->findChildren<QLabel *>())
            all << l->text();
        return all.join(u'\n');
    }

    std::unique_ptr<models::OrderListModel> m_orders;
    std::unique_ptr<ui::OrderDeskView> m_view;
};

QTEST_MAIN(TestOrderDeskView)
#include "tst_order_desk_view.moc"
