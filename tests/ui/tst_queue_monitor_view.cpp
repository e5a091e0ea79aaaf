// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's queue monitor: drilling into a queue or an agent, handing a
// conversation to someone else (action or drag and drop), colour that is never
// the only sign, and a mirrored layout in Persian.
//
// With THREADLINE_SCREENSHOT_DIR set, it also saves queue-monitor-en.png and
// queue-monitor-fa.png of a realistic floor there (docs/screenshots/).
#include "models/agent_floor_model.h"
#include "models/agent_floor_roles.h"
#include "models/floor_history.h"
#include "models/inbox_model.h"
#include "models/inbox_roles.h"
#include "models/queue_monitor_model.h"
#include "models/queue_monitor_roles.h"
#include "ui/calendar_format.h"
#include "ui/interface_language.h"
#include "ui/queue_monitor_chart.h"
#include "ui/queue_monitor_view.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialog>
#include <QDir>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace threadline;
using models::QueueMonitorModel;

namespace {
constexpr qint64 kNow = 1'710'921'600'000; // 2024-03-20 08:00 UTC

models::QueueStats stats(const QString &queue, const QString &channel, int waiting, qint64 longestS,
                         double sla)
{
    models::QueueStats q;
    q.queue = queue;
    q.channel = channel;
    q.waiting = waiting;
    q.longestWaitMs = longestS * 1000;
    q.averageWaitMs = longestS * 400;
    q.averageHandleMs = (240 + waiting * 7) * 1000;
    q.sla = sla;
    q.slaTargetS = queue == u"vip" ? 20 : 60;
    q.amberWaitS = queue == u"vip" ? 60 : 180;
    q.redWaitS = queue == u"vip" ? 120 : 420;
    return q;
}

/// The floor at @p at, @p t from 0 (an hour ago) to 1 (now): a morning rush
/// building up in orders.
models::FloorSnapshot floor(qint64 at, double t)
{
    const auto wave = [t](double phase, double amplitude) {
        return amplitude * (0.5 + 0.5 * std::sin(6.28 * (t * 1.5 + phase)));
    };
    const int chat = 2 + int(wave(0.0, 4)), sms = 1 + int(wave(0.3, 3) + 6 * t),
              email = 3 + int(wave(0.6, 2) + 3 * t);
    const int vipChat = int(wave(0.2, 2)), vipEmail = t > 0.8 ? 1 : 0;
    const int general = 1 + int(wave(0.5, 3));
    models::FloorSnapshot s;
    s.at = at;
    const double ordersSla = 0.93 - 0.25 * t;
    s.queues = {
        stats(u"general"_qs, {}, general, 40 + qint64(wave(0.1, 60)), 0.91),
        stats(u"general"_qs, u"chat"_qs, general, 40 + qint64(wave(0.1, 60)), 0.93),
        stats(u"orders"_qs, {}, chat + sms + email, 200 + qint64(300 * t), ordersSla),
        stats(u"orders"_qs, u"chat"_qs, chat, 90 + qint64(60 * t), ordersSla + 0.07),
        stats(u"orders"_qs, u"email"_qs, email, 200 + qint64(300 * t), ordersSla - 0.02),
        stats(u"orders"_qs, u"sms"_qs, sms, 150 + qint64(120 * t), ordersSla + 0.04),
        stats(u"vip"_qs, {}, vipChat + vipEmail, 25 + qint64(70 * t), 0.86 - 0.1 * t),
        stats(u"vip"_qs, u"chat"_qs, vipChat, 25 + qint64(30 * t), 0.9),
        stats(u"vip"_qs, u"email"_qs, vipEmail, 25 + qint64(70 * t), 0.82 - 0.1 * t),
    };
    s.agents = {{u"ali"_qs, u"available"_qs, 1},  {u"maryam"_qs, u"busy"_qs, 4},
                {u"reza"_qs, u"busy"_qs, 3},      {u"sara"_qs, u"available"_qs, 2},
                {u"nima"_qs, u"away"_qs, 2},      {u"leila"_qs, u"busy"_qs, 5},
                {u"omid"_qs, u"available"_qs, 0}, {u"parisa"_qs, u"offline"_qs, 0}};
    return s;
}

models::Customer customer(qint64 id, const QString &name, const QString &queue,
                          const QString &channel, const QString &assignee, qint64 waitingS,
                          const QString &status = u"open"_qs)
{
    models::Customer c;
    c.id = id;
    c.name = name;
    c.queue = queue;
    c.lastChannel = channel;
    c.assignee = assignee;
    c.status = status;
    c.lastAt = kNow - waitingS * 1000 - id;
    c.waitingSince = waitingS > 0 ? kNow - waitingS * 1000 : 0;
    return c;
}

QList<models::Customer> customers(bool persian)
{
    const auto n = [persian](const char *en, const QString &fa) {
        return persian ? fa : QString::fromUtf8(en);
    };
    return {
        customer(11, n("Zahra Ahmadi", u"زهرا احمدی"_qs), u"orders"_qs, u"email"_qs, {}, 412),
        customer(12, n("Hamid Karimi", u"حمید کریمی"_qs), u"orders"_qs, u"sms"_qs, {}, 265),
        customer(13, n("Fatemeh Rahimi", u"فاطمه رحیمی"_qs), u"orders"_qs, u"chat"_qs, u"maryam"_qs,
                 95),
        customer(14, n("Amir Hosseini", u"امیر حسینی"_qs), u"orders"_qs, u"email"_qs, u"leila"_qs,
                 0),
        customer(15, n("Nasrin Mohammadi", u"نسرین محمدی"_qs), u"orders"_qs, u"sms"_qs,
                 u"maryam"_qs, 180),
        customer(16, n("Kaveh Jafari", u"کاوه جعفری"_qs), u"orders"_qs, u"chat"_qs, {}, 0,
                 u"resolved"_qs),
        customer(21, n("Laleh Sadeghi", u"لاله صادقی"_qs), u"general"_qs, u"chat"_qs, u"reza"_qs,
                 62),
        customer(31, n("Babak Moradi", u"بابک مرادی"_qs), u"vip"_qs, u"email"_qs, u"sara"_qs, 94),
    };
}

QStringList listedNames(QListView *list)
{
    QStringList names;
    for (int r = 0; r < list->model()->rowCount(); ++r)
        names.append(list->model()->index(r, 0).data().toString());
    return names;
}

QModelIndex rowWith(QAbstractItemModel *model, int role, const QString &value)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(role).toString() == value)
            return model->index(r, 0);
    return {};
}
} // namespace

class TestQueueMonitorView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        ui::useInterfaceLanguage(QStringLiteral("en"));
        m_inbox = std::make_unique<models::InboxModel>();
        m_inbox->applyCustomers(customers(false));
        m_view = std::make_unique<ui::QueueMonitorView>();
        m_view->setConversations(m_inbox.get());
        m_view->applySnapshot(floor(kNow, 1));
        m_view->resize(1300, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup()
    {
        m_view.reset();
        m_inbox.reset();
        ui::useInterfaceLanguage(QStringLiteral("en"));
    }

    void selectingAQueueShowsItsOpenConversationsLongestWaitingFirst()
    {
        selectQueueRow(u"orders"_qs, {});
        // Kaveh's conversation is resolved: not shown.
        QCOMPARE(listedNames(conversations()),
                 (QStringList{u"Zahra Ahmadi"_qs, u"Hamid Karimi"_qs, u"Nasrin Mohammadi"_qs,
                              u"Fatemeh Rahimi"_qs, u"Amir Hosseini"_qs}));
        QVERIFY(title()->text().contains(u"orders"));
    }

    void aChannelRowNarrowsTheQueueToThatChannel()
    {
        selectQueueRow(u"orders"_qs, u"sms"_qs);
        QCOMPARE(listedNames(conversations()),
                 (QStringList{u"Hamid Karimi"_qs, u"Nasrin Mohammadi"_qs}));
    }

    void selectingAnAgentShowsTheConversationsAssignedToThem()
    {
        selectQueueRow(u"vip"_qs, {});
        auto *agents = m_view->findChild<QTableView *>(u"agentTable"_qs);
        const QModelIndex maryam = rowWith(agents->model(), models::AgentNameRole, u"maryam"_qs);
        QVERIFY(maryam.isValid());
        agents->selectionModel()->select(maryam, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
        QCOMPARE(listedNames(conversations()),
                 (QStringList{u"Nasrin Mohammadi"_qs, u"Fatemeh Rahimi"_qs}));
        QVERIFY2(
            !m_view->findChild<QTableView *>(u"queueTable"_qs)->selectionModel()->hasSelection(),
            "one drill-down at a time");
        QVERIFY(title()->text().contains(u"maryam"));
    }

    void theDrillDownFollowsTheInboxAsConversationsMove()
    {
        m_view->showQueue(u"vip"_qs);
        QCOMPARE(listedNames(conversations()), QStringList{u"Babak Moradi"_qs});
        models::Customer zahra = customers(false).first();
        zahra.queue = u"vip"_qs;
        m_inbox->applyCustomers({zahra});
        QTRY_COMPARE(listedNames(conversations()),
                     (QStringList{u"Zahra Ahmadi"_qs, u"Babak Moradi"_qs}));
    }

    void droppingAConversationOnAnAgentAsksToAssignItToThem()
    {
        QSignalSpy assigned(m_view.get(), &ui::QueueMonitorView::assignRequested);
        m_view->showQueue(u"orders"_qs, u"sms"_qs);
        QListView *list = conversations();
        const QModelIndex hamid = list->model()->index(0, 0);
        QCOMPARE(hamid.data().toString(), u"Hamid Karimi"_qs);
        QVERIFY(list->model()->flags(hamid) & Qt::ItemIsDragEnabled);
        std::unique_ptr<QMimeData> mime(list->model()->mimeData({hamid}));
        QVERIFY(mime->hasFormat(ui::QueueMonitorView::customerMimeType()));

        auto *agents = m_view->findChild<QTableView *>(u"agentTable"_qs);
        const QModelIndex sara = rowWith(agents->model(), models::AgentNameRole, u"sara"_qs);
        const QPoint at = agents->visualRect(sara.siblingAtColumn(1)).center();
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(agents->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(agents->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(agents->viewport(), &drop);
        QVERIFY(drop.isAccepted());

        QCOMPARE(assigned.count(), 1);
        QCOMPARE(assigned.first().at(0).toLongLong(), 12);
        QCOMPARE(assigned.first().at(1).toString(), u"sara"_qs);
        QCOMPARE(listedNames(conversations()).first(), u"Hamid Karimi"_qs); // drill-down stayed
    }

    void somethingElseDroppedOnTheAgentsIsRefused()
    {
        QSignalSpy assigned(m_view.get(), &ui::QueueMonitorView::assignRequested);
        auto *agents = m_view->findChild<QTableView *>(u"agentTable"_qs);
        QMimeData text;
        text.setText(u"12"_qs);
        const QPoint at = agents->visualRect(agents->model()->index(0, 0)).center();
        QDragEnterEvent enter(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(agents->viewport(), &enter);
        QVERIFY(!enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(agents->viewport(), &drop);
        QCOMPARE(assigned.count(), 0);
    }

    void theReassignActionAsksWithTheChosenAgentAndANote()
    {
        QSignalSpy assigned(m_view.get(), &ui::QueueMonitorView::assignRequested);
        auto *reassign = m_view->findChild<QAction *>(u"reassignAction"_qs);
        QVERIFY(!reassign->isEnabled()); // nothing picked yet
        pickConversation(u"orders"_qs, u"Zahra Ahmadi"_qs);
        QVERIFY(reassign->isEnabled());
        reassign->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_view->findChild<QDialog *>(u"reassignDialog"_qs)));
        QTRY_VERIFY(dialog->isVisible());
        auto *agent = dialog->findChild<QComboBox *>();
        QCOMPARE(agent->count(), 8);
        agent->setCurrentIndex(agent->findData(u"leila"_qs));
        dialog->findChild<QPlainTextEdit *>()->setPlainText(
            u"  Refund approved, needs the label  "_qs);
        dialog->accept();
        QCOMPARE(assigned.count(), 1);
        QCOMPARE(assigned.first().at(0).toLongLong(), 11);
        QCOMPARE(assigned.first().at(1).toString(), u"leila"_qs);
        QCOMPARE(assigned.first().at(2).toString(), u"Refund approved, needs the label"_qs);
    }

    void cancellingTheReassignDialogAsksNothing()
    {
        QSignalSpy assigned(m_view.get(), &ui::QueueMonitorView::assignRequested);
        pickConversation(u"orders"_qs, u"Zahra Ahmadi"_qs);
        m_view->findChild<QAction *>(u"reassignAction"_qs)->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_view->findChild<QDialog *>(u"reassignDialog"_qs)));
        dialog->reject();
        QCOMPARE(assigned.count(), 0);
    }

    void moveToQueueAsksToTransferToTheChosenQueue()
    {
        QSignalSpy transferred(m_view.get(), &ui::QueueMonitorView::transferRequested);
        pickConversation(u"general"_qs, u"Laleh Sadeghi"_qs);
        m_view->findChild<QAction *>(u"transferAction"_qs)->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_view->findChild<QDialog *>(u"transferDialog"_qs)));
        auto *queue = dialog->findChild<QComboBox *>();
        QCOMPARE(queue->count(), 3); // each queue once, not once per channel
        queue->setCurrentIndex(queue->findData(u"vip"_qs));
        dialog->accept();
        QCOMPARE(transferred.count(), 1);
        QCOMPARE(transferred.first().at(0).toLongLong(), 21);
        QCOMPARE(transferred.first().at(1).toString(), u"vip"_qs);
        QCOMPARE(transferred.first().at(2).toString(), QString());
    }

    void enterOrADoubleClickOpensTheThread()
    {
        QSignalSpy opened(m_view.get(), &ui::QueueMonitorView::openCustomerRequested);
        pickConversation(u"vip"_qs, u"Babak Moradi"_qs);
        QListView *list = conversations();
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toLongLong(), 31);
        const QPoint at = list->visualRect(list->model()->index(0, 0)).center();
        // A real double-click: press and release, then the double-click.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(opened.count(), 2);
    }

    void amberAndRedCellsSayItInTextNotOnlyInColour()
    {
        auto *table = m_view->findChild<QTableView *>(u"queueTable"_qs);
        QAbstractItemModel *m = table->model();
        // orders: longest wait 8:20 against red from 7:00; SLA 68% (red below 70%).
        const QModelIndex orders = rowWith(m, models::QueueNameRole, u"orders"_qs);
        const QModelIndex longest = orders.siblingAtColumn(QueueMonitorModel::LongestWaitColumn);
        QCOMPARE(longest.data(models::QueueSeverityRole).toInt(), 2);
        QCOMPARE(longest.data().toString(), u"▲ 8:20"_qs);
        QVERIFY(longest.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(longest.data(Qt::BackgroundRole).canConvert<QColor>());
        QVERIFY(longest.data(Qt::ToolTipRole).toString().contains(u"7:00"));
        // general is fine: no marker, no colour.
        const QModelIndex general = rowWith(m, models::QueueNameRole, u"general"_qs);
        QVERIFY(!general.siblingAtColumn(QueueMonitorModel::SlaColumn)
                     .data()
                     .toString()
                     .contains(u"▲"));
        QVERIFY(!general.siblingAtColumn(QueueMonitorModel::SlaColumn)
                     .data(Qt::BackgroundRole)
                     .isValid());
        // vip: SLA 76%, amber; marked but not bold.
        const QModelIndex vipSla = rowWith(m, models::QueueNameRole, u"vip"_qs)
                                       .siblingAtColumn(QueueMonitorModel::SlaColumn);
        QCOMPARE(vipSla.data().toString(), u"▲ 76%"_qs);
        QVERIFY(!vipSla.data(Qt::FontRole).value<QFont>().bold());
    }

    void agentsSortAndFilterByNameAndPresence()
    {
        auto *agents = m_view->findChild<QTableView *>(u"agentTable"_qs);
        QCOMPARE(agents->model()->rowCount(), 8);
        m_view->findChild<QLineEdit *>(u"agentFilter"_qs)->setText(u"AR"_qs);
        QCOMPARE(agents->model()->rowCount(), 3); // maryam, sara, parisa
        auto *presence = m_view->findChild<QComboBox *>(u"presenceFilter"_qs);
        presence->setCurrentIndex(presence->findData(u"busy"_qs));
        QCOMPARE(agents->model()->rowCount(), 1);
        QCOMPARE(agents->model()->index(0, 0).data(models::AgentNameRole).toString(), u"maryam"_qs);
        m_view->findChild<QLineEdit *>(u"agentFilter"_qs)->clear();
        QCOMPARE(agents->model()->rowCount(), 3);
        agents->sortByColumn(2, Qt::DescendingOrder); // the busiest first
        QCOMPARE(agents->model()->index(0, 0).data(models::AgentNameRole).toString(), u"leila"_qs);
        QCOMPARE(m_view->findChild<QLabel *>(u"agentSummary"_qs)->text(),
                 u"3 available, 3 busy, 1 away"_qs);
    }

    void latinDigitsReachEveryCountOfAPersianMonitor()
    {
        m_view.reset();
        ui::useInterfaceLanguage(QStringLiteral("fa"));
        ui::setLatinDigits(true);
        m_view = std::make_unique<ui::QueueMonitorView>();
        m_view->setConversations(m_inbox.get());
        m_view->applySnapshot(floor(kNow, 1));
        const auto persianDigit = [](const QString &text) {
            for (const QChar c : text)
                if (c.isDigit() && c.unicode() > 0x7f)
                    return true;
            return false;
        };
        QStringList shown{m_view->findChild<QLabel *>(u"agentSummary"_qs)->text()};
        for (const char *name : {"agentTable", "queueTable"}) {
            const QAbstractItemModel *table =
                m_view->findChild<QTableView *>(QString::fromLatin1(name))->model();
            for (int r = 0; r < table->rowCount(); ++r)
                for (int c = 0; c < table->columnCount(); ++c)
                    shown << table->index(r, c).data().toString();
        }
        ui::setLatinDigits(false);
        for (const QString &text : shown)
            QVERIFY2(!persianDigit(text), qPrintable(text));
        QVERIFY(shown.join(QString()).contains(QLatin1Char('3'))); // counts are there, in 0-9
    }

    void theChartHoldsTheLastHour()
    {
        m_view = std::make_unique<ui::QueueMonitorView>();
        feedAnHour(m_view.get());
        auto *chart = m_view->findChild<ui::FloorChart *>();
        QCOMPARE(chart->waitingSeries()->count(), int(m_view->history()->points().size()));
        QCOMPARE(chart->timeAxis()->max().toMSecsSinceEpoch(), kNow);
        QCOMPARE(chart->timeAxis()->min().toMSecsSinceEpoch(), kNow - 3'600'000);
        QCOMPARE(chart->slaAxis()->max(), 100.0);
        QVERIFY(chart->waitingAxis()->max() >= m_view->history()->points().last().waiting);
    }

    void inPersianTheViewIsMirroredChartIncluded()
    {
        m_view.reset();
        ui::useInterfaceLanguage(QStringLiteral("fa"));
        m_view = std::make_unique<ui::QueueMonitorView>();
        m_view->setConversations(m_inbox.get());
        feedAnHour(m_view.get());
        m_view->resize(1300, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(m_view->isRightToLeft());
        auto *queues = m_view->findChild<QTableView *>(u"queueTable"_qs);
        auto *agents = m_view->findChild<QTableView *>(u"agentTable"_qs);
        QVERIFY2(queues->mapTo(m_view.get(), QPoint()).x() >
                     agents->mapTo(m_view.get(), QPoint()).x(),
                 "the queues are on the right, the agents on the left");
        QVERIFY(queues->isRightToLeft());
        auto *chart = m_view->findChild<ui::FloorChart *>();
        QVERIFY2(chart->timeAxis()->isReverse(), "time runs from right to left");
        QCOMPARE(chart->waitingAxis()->alignment(), Qt::AlignRight);
        QCOMPARE(chart->slaAxis()->alignment(), Qt::AlignLeft);
        QCOMPARE(queues->model()->headerData(0, Qt::Horizontal).toString(), u"صف"_qs);
        const QString waiting =
            queues->model()->index(0, QueueMonitorModel::WaitingColumn).data().toString();
        QVERIFY2(!waiting.contains(QRegularExpression(u"[0-9]"_qs)), qPrintable(waiting));
        // Not one word of the interface left in English (customer data is isolated).
        static const QRegularExpression latin(u"[A-Za-z]{2,}"_qs);
        QStringList english;
        const auto check = [&](const QString &text) {
            QString bare;
            int depth = 0;
            for (const QChar c : text) {
                if (c == QChar(0x2066) || c == QChar(0x2067) || c == QChar(0x2068))
                    ++depth;
                else if (c == QChar(0x2069))
                    depth = std::max(0, depth - 1);
                else if (depth == 0)
                    bare.append(c);
            }
            // Key names may stay as they are printed on the keys.
            bare.remove(u"Enter"_qs).remove(u"Ctrl"_qs);
            if (bare.contains(latin))
                english.append(text);
        };
        for (QLabel *label : m_view->findChildren<QLabel *>())
            check(label->text());
        for (QAbstractButton *button : m_view->findChildren<QAbstractButton *>())
            check(button->text() + u' ' + button->toolTip());
        for (QAbstractItemView *view : m_view->findChildren<QAbstractItemView *>()) {
            QAbstractItemModel *m = view->model();
            for (int c = 0; c < m->columnCount(); ++c)
                check(m->headerData(c, Qt::Horizontal).toString());
            for (int r = 0; r < m->rowCount(); ++r)
                for (int c = 0; c < m->columnCount(); ++c)
                    check(m->index(r, c).data().toString());
        }
        auto *presence = m_view->findChild<QComboBox *>(u"presenceFilter"_qs);
        for (int i = 0; i < presence->count(); ++i)
            check(presence->itemText(i));
        check(m_view->findChild<QLineEdit *>(u"agentFilter"_qs)->placeholderText());
        check(chart->waitingSeries()->name() + chart->slaSeries()->name() +
              chart->waitingAxis()->titleText() + chart->slaAxis()->titleText());
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
    }

    void screenshotsOfARealisticFloor_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << u"en"_qs;
        QTest::newRow("Persian") << u"fa"_qs;
    }
    void screenshotsOfARealisticFloor()
    {
        QFETCH(QString, language);
        const QString dir = qEnvironmentVariable("THREADLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set THREADLINE_SCREENSHOT_DIR to save screenshots");
        m_view.reset();
        ui::useInterfaceLanguage(language);
        m_inbox->clear();
        m_inbox->applyCustomers(customers(language == u"fa"));
        m_view = std::make_unique<ui::QueueMonitorView>();
        m_view->setConversations(m_inbox.get());
        feedAnHour(m_view.get());
        m_view->resize(1400, 860);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->showQueue(u"orders"_qs);
        conversations()->setCurrentIndex(conversations()->model()->index(0, 0));
        auto *agents = m_view->findChild<QTableView *>(u"agentTable"_qs);
        agents->sortByColumn(2, Qt::DescendingOrder);
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + u"/queue-monitor-"_qs + language + u".png"_qs;
        QVERIFY(m_view->grab().save(path));
        qInfo("saved %s", qPrintable(path));
    }

private:
    /// An hour of the floor, a snapshot every 20 seconds, ending at kNow.
    static void feedAnHour(ui::QueueMonitorView *view)
    {
        for (int i = 0; i <= 180; ++i)
            view->applySnapshot(floor(kNow - 3'600'000 + i * 20'000, i / 180.0));
    }

    QListView *conversations() const { return m_view->findChild<QListView *>(u"conversations"_qs); }
    QLabel *title() const { return m_view->findChild<QLabel *>(u"drillTitle"_qs); }

    void selectQueueRow(const QString &queue, const QString &channel)
    {
        auto *table = m_view->findChild<QTableView *>(u"queueTable"_qs);
        QAbstractItemModel *m = table->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            if (i.data(models::QueueNameRole) == queue &&
                i.data(models::QueueChannelRole) == channel) {
                table->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
                return;
            }
        }
        QFAIL("no such queue row");
    }

    void pickConversation(const QString &queue, const QString &name)
    {
        m_view->showQueue(queue);
        QListView *list = conversations();
        const QModelIndex i = rowWith(list->model(), Qt::DisplayRole, name);
        QVERIFY(i.isValid());
        list->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect);
        QCOMPARE(m_view->selectedCustomer(), i.data(models::CustomerIdRole).toLongLong());
    }

    std::unique_ptr<models::InboxModel> m_inbox;
    std::unique_ptr<ui::QueueMonitorView> m_view;
};

QTEST_MAIN(TestQueueMonitorView)
#include "tst_queue_monitor_view.moc"
