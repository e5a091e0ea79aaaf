// SPDX-License-Identifier: GPL-3.0-or-later
// The inbox search finds a customer however the agent's keyboard spells them;
// sections, channel, status and label narrow it; waits are coloured by queue.
#include "models/inbox_model.h"
#include "models/inbox_roles.h"
#include "ui/inbox_delegate.h"
#include "ui/inbox_filter.h"
#include "ui/main_window.h"
#include "models/timeline_model.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPalette>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

namespace {
models::Customer customer(qint64 id, const QString &name, QList<models::Identity> identities)
{
    models::Customer c;
    c.id = id;
    c.name = name;
    c.identities = std::move(identities);
    c.lastAt = 1732530000000 - id;
    c.status = QStringLiteral("open");
    return c;
}
} // namespace

class TestInboxFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_inbox = std::make_unique<models::InboxModel>();
        m_filter = std::make_unique<ui::InboxFilter>();
        m_filter->setSourceModel(m_inbox.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_inbox->applyCustomers({
            customer(1, QStringLiteral("علي كريمي"), {{QStringLiteral("phone"), QStringLiteral("+989121234567")}}),
            customer(2, QStringLiteral("Zahra Ahmadi"), {{QStringLiteral("email"), QStringLiteral("zahra@example.ir")}}),
            customer(3, QStringLiteral("فاطمة الزهراء"), {{QStringLiteral("phone"), QStringLiteral("+966501234567")}}),
            customer(4, QStringLiteral("مُحَمَّد رضایی"), {}),
        });
    }
    void cleanup()
    {
        m_tester.reset();
        m_filter.reset();
        m_inbox.reset();
    }

    void findsAnArabicSpelledNameWithAPersianKeyboard()
    {
        QCOMPARE(namesFor(u"علی"_qs), QStringList{u"علي كريمي"_qs});
        QCOMPARE(namesFor(u"کریمی"_qs), QStringList{u"علي كريمي"_qs});
    }

    void findsTehMarbutaWithHehAndIgnoresDiacritics()
    {
        QCOMPARE(namesFor(u"فاطمه"_qs), QStringList{u"فاطمة الزهراء"_qs});
        QCOMPARE(namesFor(u"محمد"_qs), QStringList{u"مُحَمَّد رضایی"_qs});
    }

    void findsLatinNamesAndEmailsWhateverTheCase()
    {
        QCOMPARE(namesFor(u"ZAHRA"_qs), QStringList{u"Zahra Ahmadi"_qs});
        QCOMPARE(namesFor(u"@EXAMPLE.ir"_qs), QStringList{u"Zahra Ahmadi"_qs});
    }

    void findsAPhoneTypedInPersianDigitsOrNationally()
    {
        QCOMPARE(namesFor(u"۰۹۱۲ ۱۲۳"_qs), QStringList{u"علي كريمي"_qs});
        QCOMPARE(namesFor(u"+98 912"_qs), QStringList{u"علي كريمي"_qs});
        QCOMPARE(namesFor(u"٥٠١٢٣"_qs), QStringList{u"فاطمة الزهراء"_qs});
    }

    void anEmptyQueryShowsEveryoneAndANonsenseQueryNoOne()
    {
        QCOMPARE(namesFor(u"xyz"_qs), QStringList{});
        QCOMPARE(namesFor(QString()).size(), 4);
    }

    void aRenamedCustomerIsFoundByTheNewName()
    {
        QCOMPARE(namesFor(u"سارا"_qs), QStringList{});
        m_inbox->applyCustomers({customer(4, QStringLiteral("سارا رضایی"), {})});
        QCOMPARE(namesFor(u"سارا"_qs), QStringList{u"سارا رضایی"_qs});
    }

    void sectionsSplitMineTheQueueAndEveryone()
    {
        models::Customer mine = customer(5, QStringLiteral("Mine Open"), {});
        mine.assignee = QStringLiteral("agent");
        models::Customer mineResolved = customer(6, QStringLiteral("Mine Resolved"), {});
        mineResolved.assignee = QStringLiteral("agent");
        mineResolved.status = QStringLiteral("resolved");
        models::Customer colleagues = customer(7, QStringLiteral("Someone Else's"), {});
        colleagues.assignee = QStringLiteral("nadia");
        m_inbox->applyCustomers({mine, mineResolved, colleagues});
        m_filter->setAgent(QStringLiteral("agent"));

        m_filter->setSection(ui::InboxFilter::Section::Mine);
        QCOMPARE(namesFor(QString()), QStringList{QStringLiteral("Mine Open")});
        m_filter->setSection(ui::InboxFilter::Section::Queue);
        QCOMPARE(namesFor(QString()).size(), 4); // the four unassigned open ones
        QVERIFY(!namesFor(QString()).contains(QStringLiteral("Someone Else's")));
        m_filter->setSection(ui::InboxFilter::Section::All);
        QCOMPARE(namesFor(QString()).size(), 7);
        QCOMPARE(m_filter->count(ui::InboxFilter::Section::Mine), 1);
        QCOMPARE(m_filter->count(ui::InboxFilter::Section::Queue), 4);
    }

    void theQueueIsWorkedLongestWaitingFirst()
    {
        models::Customer waitedLong = customer(9, QStringLiteral("Waited long"), {});
        waitedLong.waitingSince = 1000;
        models::Customer waitedShort = customer(10, QStringLiteral("Waited short"), {});
        waitedShort.waitingSince = 5000;
        m_inbox->applyCustomers({waitedShort, waitedLong});
        m_filter->setSection(ui::InboxFilter::Section::Queue);
        const QStringList names = namesFor(QString());
        QCOMPARE(names.mid(0, 2), (QStringList{QStringLiteral("Waited long"), QStringLiteral("Waited short")}));
        m_filter->setSection(ui::InboxFilter::Section::All); // back to most recent first
        QCOMPARE(namesFor(QString()).first(), QStringLiteral("علي كريمي"));
    }

    void theChannelFilterKeepsCustomersWhoseLastMessageCameThatWay()
    {
        models::Customer bySms = customer(8, QStringLiteral("By SMS"), {});
        bySms.lastChannel = QStringLiteral("sms");
        m_inbox->applyCustomers({bySms});
        m_filter->setChannel(QStringLiteral("sms"));
        QCOMPARE(namesFor(QString()), QStringList{QStringLiteral("By SMS")});
        m_filter->setChannel(QString());
        QCOMPARE(namesFor(QString()).size(), 5);
    }

    void theStatusFilterKeepsOpenSnoozedOrResolvedConversations()
    {
        models::Customer snoozed = customer(11, QStringLiteral("Snoozed"), {});
        snoozed.status = QStringLiteral("snoozed");
        snoozed.snoozeUntil = 1732540000000;
        models::Customer resolved = customer(12, QStringLiteral("Resolved"), {});
        resolved.status = QStringLiteral("resolved");
        m_inbox->applyCustomers({snoozed, resolved});

        m_filter->setStatus(QStringLiteral("snoozed"));
        QCOMPARE(namesFor(QString()), QStringList{QStringLiteral("Snoozed")});
        m_filter->setStatus(QStringLiteral("resolved"));
        QCOMPARE(namesFor(QString()), QStringList{QStringLiteral("Resolved")});
        m_filter->setStatus(QStringLiteral("open"));
        QCOMPARE(namesFor(QString()).size(), 4); // the four from init()
        QVERIFY(!namesFor(QString()).contains(QStringLiteral("Snoozed")));
        m_filter->setStatus(QString());
        QCOMPARE(namesFor(QString()).size(), 6);
        // The status narrows the section counts too.
        m_filter->setStatus(QStringLiteral("snoozed"));
        QCOMPARE(m_filter->count(ui::InboxFilter::Section::Queue), 1);
        QCOMPARE(m_filter->count(ui::InboxFilter::Section::All), 1);
    }

    void theLabelFilterKeepsCustomersCarryingThatLabel()
    {
        models::Customer refund = customer(13, QStringLiteral("Wants a refund"), {});
        refund.labels = QStringList{QStringLiteral("refund"), QStringLiteral("vip")};
        models::Customer vip = customer(14, QStringLiteral("Important"), {});
        vip.labels = QStringList{QStringLiteral("vip")};
        m_inbox->applyCustomers({refund, vip});
        QCOMPARE(m_filter->labelsInUse(), (QStringList{QStringLiteral("refund"), QStringLiteral("vip")}));

        m_filter->setLabel(QStringLiteral("refund"));
        QCOMPARE(namesFor(QString()), QStringList{QStringLiteral("Wants a refund")});
        m_filter->setLabel(QStringLiteral("vip"));
        QCOMPARE(namesFor(QString()).size(), 2);
        QCOMPARE(namesFor(u"import"_qs), QStringList{QStringLiteral("Important")}); // with a query
        m_filter->setLabel(QString());
        QCOMPARE(namesFor(QString()).size(), 6);
        // A label nobody carries any more is no longer offered.
        vip.labels.clear();
        refund.labels = QStringList{QStringLiteral("refund")};
        m_inbox->applyCustomers({refund, vip});
        QCOMPARE(m_filter->labelsInUse(), QStringList{QStringLiteral("refund")});
    }

    void eachSectionCountsTheConversationsWithSomethingUnread()
    {
        models::Customer mine = customer(15, QStringLiteral("Mine, unread"), {});
        mine.assignee = QStringLiteral("agent");
        mine.unread = 3;
        models::Customer mineRead = customer(16, QStringLiteral("Mine, read"), {});
        mineRead.assignee = QStringLiteral("agent");
        models::Customer waiting = customer(17, QStringLiteral("Queue, unread"), {});
        waiting.unread = 1;
        waiting.lastChannel = QStringLiteral("sms");
        m_inbox->applyCustomers({mine, mineRead, waiting});
        m_filter->setAgent(QStringLiteral("agent"));

        QCOMPARE(m_filter->unreadCount(ui::InboxFilter::Section::Mine), 1);
        QCOMPARE(m_filter->unreadCount(ui::InboxFilter::Section::Queue), 1);
        QCOMPARE(m_filter->unreadCount(ui::InboxFilter::Section::All), 2);
        m_inbox->addUnread(1, 2); // a customer from init() writes twice
        QCOMPARE(m_filter->unreadCount(ui::InboxFilter::Section::Queue), 2);
        m_inbox->markRead(15); // the agent opened their thread
        QCOMPARE(m_filter->unreadCount(ui::InboxFilter::Section::Mine), 0);
        QCOMPARE(m_filter->count(ui::InboxFilter::Section::Mine), 2);
        // Counts follow the other filters: only SMS conversations now.
        m_filter->setChannel(QStringLiteral("sms"));
        QCOMPARE(m_filter->unreadCount(ui::InboxFilter::Section::All), 1);
    }

    void aWaitTurnsAmberAndRedAtItsQueuesThresholds()
    {
        models::Customer vip = customer(18, QStringLiteral("VIP"), {});
        vip.queue = QStringLiteral("vip");
        models::Customer general = customer(19, QStringLiteral("General"), {});
        general.queue = QStringLiteral("general");
        models::Customer elsewhere = customer(20, QStringLiteral("Unknown queue"), {});
        elsewhere.queue = QStringLiteral("returns");
        m_inbox->applyCustomers({vip, general, elsewhere});
        m_inbox->setQueues({{QStringLiteral("vip"), QStringLiteral("VIP"), 120, 60, 180},
                            {QStringLiteral("general"), QStringLiteral("General"), 300, 180, 600}});
        const QPalette palette;
        const QColor calm = palette.color(QPalette::PlaceholderText);
        const QColor amber(0xb2, 0x6a, 0x00), red(0xc6, 0x28, 0x28);
        const auto colourAfter = [&](qint64 id, int minutes) {
            return ui::InboxDelegate::waitColor(m_inbox->index(m_inbox->rowOf(id)),
                                                minutes * 60 * 1000LL, palette);
        };
        // Two minutes: amber for a VIP (from 1 min), still calm in general (from 3 min).
        QCOMPARE(colourAfter(18, 2), amber);
        QCOMPARE(colourAfter(19, 2), calm);
        // Five minutes: red for a VIP (from 3 min), amber in general (red from 10).
        QCOMPARE(colourAfter(18, 5), red);
        QCOMPARE(colourAfter(19, 5), amber);
        QCOMPARE(colourAfter(19, 10), red);
        // A queue the hub did not describe keeps 15 and 60 minutes.
        QCOMPARE(colourAfter(20, 5), calm);
        QCOMPARE(colourAfter(20, 15), amber);
        QCOMPARE(colourAfter(20, 60), red);
        // Not waiting at all is never coloured.
        QCOMPARE(colourAfter(18, 0), calm);
    }

    void theWindowsFiltersAreReachedByTabAndRememberedPerProfile()
    {
        QTemporaryDir profile;
        const QString ini = profile.filePath(QStringLiteral("settings.ini"));
        models::Customer refund = customer(21, QStringLiteral("Wants a refund"), {});
        refund.labels = QStringList{QStringLiteral("refund")};
        refund.status = QStringLiteral("snoozed");
        refund.unread = 2;
        m_inbox->applyCustomers({refund});
        {
            models::TimelineModel timeline;
            ui::MainWindow window(m_inbox.get(), &timeline);
            window.setSettingsPath(ini);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *search = window.findChild<QLineEdit *>(QStringLiteral("inboxSearch"));
            auto *channel = window.findChild<QComboBox *>(QStringLiteral("inboxChannel"));
            auto *status = window.findChild<QComboBox *>(QStringLiteral("inboxStatus"));
            auto *label = window.findChild<QComboBox *>(QStringLiteral("inboxLabel"));
            // Keyboard first: Tab goes from the search box through the three filters.
            search->setFocus();
            QTRY_VERIFY(search->hasFocus());
            for (QComboBox *next : {channel, status, label}) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                QTRY_COMPARE(QApplication::focusWidget(), next);
            }
            // The labels the inbox carries are offered; choosing narrows the list.
            QTRY_VERIFY(label->findData(QStringLiteral("refund")) > 0);
            status->setCurrentIndex(status->findData(QStringLiteral("snoozed")));
            label->setCurrentIndex(label->findData(QStringLiteral("refund")));
            auto *inbox = window.findChild<QListView *>(QStringLiteral("inbox"));
            QCOMPARE(inbox->model()->rowCount(), 1);
            // The section selector counts the unread conversation.
            auto *sections = window.findChild<QTabBar *>(QStringLiteral("inboxSections"));
            QTRY_COMPARE(sections->tabText(2), QStringLiteral("All (1 · 1 unread)"));
        }
        // The next start of the same profile finds the inbox as it was left.
        models::TimelineModel timeline;
        ui::MainWindow window(m_inbox.get(), &timeline);
        window.setSettingsPath(ini);
        QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("inboxStatus"))->currentData().toString(),
                 QStringLiteral("snoozed"));
        QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("inboxLabel"))->currentData().toString(),
                 QStringLiteral("refund"));
        QCOMPARE(window.findChild<QListView *>(QStringLiteral("inbox"))->model()->rowCount(), 1);
    }

private:
    QStringList namesFor(const QString &query)
    {
        m_filter->setQuery(query);
        QStringList names;
        for (int row = 0; row < m_filter->rowCount(); ++row)
            names.append(m_filter->index(row, 0).data(models::CustomerNameRole).toString());
        return names;
    }

    std::unique_ptr<models::InboxModel> m_inbox;
    std::unique_ptr<ui::InboxFilter> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestInboxFilter)
#include "tst_inbox_filter.moc"
