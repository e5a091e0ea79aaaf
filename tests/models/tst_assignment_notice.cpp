// SPDX-License-Identifier: GPL-3.0-or-later
// Which new thread items the agent is told about, and which not.
#include "models/assignment_notice.h"

#include <QTest>

using namespace threadline::models;
using Kind = AssignmentNotice::Kind;

namespace {
constexpr qint64 kSince = 1732530000000;
qint64 g_nextId = 100;

Message handed(qint64 customer, const QString &event, const QString &by, const QString &to)
{
    Message m;
    m.id = ++g_nextId;
    m.customerId = customer;
    m.channel = QStringLiteral("system");
    m.direction = QStringLiteral("internal");
    m.author = by;
    m.body = QStringLiteral("%1 assigned the conversation to %2").arg(by, to);
    m.at = kSince + 1000;
    m.meta = {{QStringLiteral("event"), event}, {QStringLiteral("from"), QString()},
              {QStringLiteral("to"), to}};
    return m;
}

Message customerWrote(qint64 customer, const QString &channel = QStringLiteral("sms"))
{
    Message m;
    m.id = ++g_nextId;
    m.customerId = customer;
    m.channel = channel;
    m.direction = QStringLiteral("in");
    m.body = QStringLiteral("my card number is 4111…");
    m.at = kSince + 2000;
    return m;
}

QString assignee(qint64 customer)
{
    return customer == 1 ? QStringLiteral("agent") : customer == 2 ? QStringLiteral("colleague")
                                                                   : QString();
}

QList<AssignmentNotice> notices(const QList<Message> &batch, bool windowActive = false)
{
    return assignmentNotices(batch, QStringLiteral("agent"), assignee, windowActive, kSince);
}
} // namespace

class TestAssignmentNotice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSupervisorAssigningMeAConversationIsNews()
    {
        const auto n = notices({handed(5, QStringLiteral("assigned"), QStringLiteral("supervisor"),
                                       QStringLiteral("agent"))});
        QCOMPARE(n.size(), 1);
        QCOMPARE(n.first(), (AssignmentNotice{Kind::Assigned, 5, QStringLiteral("supervisor")}));
    }

    void aTransferToMeIsNewsEvenWithTheWindowInFront()
    {
        const auto n = notices({handed(6, QStringLiteral("transferred"), QStringLiteral("colleague"),
                                       QStringLiteral("agent"))},
                               true);
        QCOMPARE(n.size(), 1);
        QCOMPARE(n.first().kind, Kind::Assigned);
        QCOMPARE(n.first().by, QStringLiteral("colleague"));
    }

    void takingAConversationMyselfIsNotNews()
    {
        QVERIFY(notices({handed(5, QStringLiteral("assigned"), QStringLiteral("agent"),
                                QStringLiteral("agent"))})
                    .isEmpty());
    }

    void aConversationGivenToSomeoneElseOrTheQueueIsNotMine()
    {
        QVERIFY(notices({handed(5, QStringLiteral("assigned"), QStringLiteral("supervisor"),
                                QStringLiteral("colleague")),
                         handed(6, QStringLiteral("transferred"), QStringLiteral("supervisor"),
                                QString()),
                         handed(7, QStringLiteral("resolved"), QStringLiteral("supervisor"),
                                QStringLiteral("agent"))})
                    .isEmpty());
    }

    void myCustomerWritingIsNewsOnlyWhileTheWindowIsInTheBackground()
    {
        const auto background = notices({customerWrote(1)}, false);
        QCOMPARE(background.size(), 1);
        QCOMPARE(background.first(), (AssignmentNotice{Kind::NewMessage, 1, QString()}));
        QVERIFY(notices({customerWrote(1)}, true).isEmpty());
    }

    void someoneElsesOrAQueuedCustomerWritingIsNotMine()
    {
        QVERIFY(notices({customerWrote(2), customerWrote(3)}).isEmpty());
    }

    void notesOrdersAndOurOwnRepliesAreNotACustomerWriting()
    {
        Message reply = customerWrote(1);
        reply.direction = QStringLiteral("out");
        QVERIFY(notices({reply, customerWrote(1, QStringLiteral("order")),
                         customerWrote(1, QStringLiteral("note"))})
                    .isEmpty());
        QCOMPARE(notices({customerWrote(1, QStringLiteral("chat"))}).size(), 1);
        QCOMPARE(notices({customerWrote(1, QStringLiteral("email"))}).size(), 1);
    }

    void historyFromBeforeThisSessionAndLocalEchoesAreNotNews()
    {
        Message old = handed(5, QStringLiteral("assigned"), QStringLiteral("supervisor"),
                             QStringLiteral("agent"));
        old.at = kSince - 1;
        Message echo = customerWrote(1);
        echo.id = 0;
        echo.clientId = QStringLiteral("local");
        QVERIFY(notices({old, echo}).isEmpty());
    }

    void oneNoticePerCustomerAndBeingAssignedWins()
    {
        const auto n = notices({customerWrote(1), customerWrote(1),
                                handed(1, QStringLiteral("transferred"), QStringLiteral("supervisor"),
                                       QStringLiteral("agent")),
                                handed(8, QStringLiteral("assigned"), QStringLiteral("supervisor"),
                                       QStringLiteral("agent"))});
        QCOMPARE(n.size(), 2);
        QCOMPARE(n.at(0), (AssignmentNotice{Kind::Assigned, 1, QStringLiteral("supervisor")}));
        QCOMPARE(n.at(1).customerId, 8);
    }

    void withNobodySignedInThereIsNoNews()
    {
        QVERIFY(assignmentNotices({customerWrote(1)}, QString(), assignee, false, kSince).isEmpty());
    }
};

QTEST_MAIN(TestAssignmentNotice)
#include "tst_assignment_notice.moc"
