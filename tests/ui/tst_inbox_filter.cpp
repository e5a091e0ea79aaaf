// SPDX-License-Identifier: GPL-3.0-or-later
// The inbox search finds a customer however the agent's keyboard spells them.
#include "models/inbox_model.h"
#include "models/inbox_roles.h"
#include "ui/inbox_filter.h"

#include <QAbstractItemModelTester>
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

QTEST_GUILESS_MAIN(TestInboxFilter)
#include "tst_inbox_filter.moc"
