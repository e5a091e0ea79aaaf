// SPDX-License-Identifier: GPL-3.0-or-later
// Outbound replies under faults (issue 8, docs/outbound.md "Retries, restarts and
// duplicates"): desktops reply by SMS (scripts/sms_api.py, a Twilio-compatible API on
// loopback) and email (Debian's aiosmtpd) while the hub is killed -9 and restarted again
// and again. Afterwards every reply reached its provider once — an SMS whose try a crash
// interrupted is looked up at the provider, not sent again; an email sent again in that
// window carries the same Message-ID and the hub says so in its log — and every desktop
// shows the final status. With THREADLINE_FAULTS_POSTGRES set, the same with two hubs on
// one PostgreSQL database, one of them killed repeatedly, and a hub that dies mid-try
// whose reply the other takes over once the lease ran out.
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/mail_server.h"
#include "tests/support/postgres_server.h"
#include "tests/support/sms_api.h"
#include "tests/support/test_client.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {

QString k(const char *s)
{
    return QString::fromLatin1(s);
}

bool onPostgres()
{
    return qEnvironmentVariableIsSet("THREADLINE_FAULTS_POSTGRES");
}

/// An agent's desktop: signs in again after each hub restart, resuming from the last event
/// it applied, and keeps the latest delivery status of every message it heard of.
class Desk {
public:
    explicit Desk(const HubProcess &hub) : m_hub(hub) {}

    bool connect()
    {
        m_client = std::make_unique<TestClient>();
        if (!m_client->connectTo(m_hub.url()))
            return false;
        return m_client->hello(k("agent"), k("demo"), m_seq).type == protocol::type::welcome &&
               m_client->waitForEvent(protocol::type::live).has_value();
    }

    /// A reply; returns its message id (0 when refused or the hub did not answer).
    qint64 reply(qint64 customerId, const QString &channel, const QString &body)
    {
        QJsonObject data{{k("customer_id"), customerId}, {k("channel"), channel},
                         {k("body"), body}};
        if (channel == protocol::channel::email)
            data.insert(k("subject"), k("Your order"));
        const auto ack = m_client->command(protocol::type::sendMessage, data);
        if (ack.type != protocol::type::ack)
            return 0;
        return ack.data.value(k("message")).toObject().value(k("id")).toInteger();
    }

    /// Applies what arrived: statuses of created messages and status changes.
    void absorb()
    {
        if (!m_client)
            return;
        for (const protocol::Envelope &e : std::exchange(m_client->events(), {})) {
            if (e.seq > m_seq)
                m_seq = e.seq;
            if (e.type == protocol::type::messageStatus)
                m_status.insert(e.data.value(k("message_id")).toInteger(),
                                e.data.value(k("status")).toString() + QLatin1Char(' ') +
                                    e.data.value(k("reason")).toString());
        }
    }

    QString statusOf(qint64 messageId) const { return m_status.value(messageId).trimmed(); }

private:
    const HubProcess &m_hub;
    std::unique_ptr<TestClient> m_client;
    qint64 m_seq = 0;
    QHash<qint64, QString> m_status;
};

/// One reply the test sent and what it must end as.
struct Reply {
    qint64 id = 0;
    QString channel;
    QString body;
};

/// Final: delivered for SMS, sent for email (SMTP has no delivered), or the documented
/// "delivery unknown" failure when the provider could not be asked.
bool isFinal(const Reply &r, const QString &status)
{
    if (status.startsWith(k("failed delivery unknown")))
        return true;
    return status == (r.channel == protocol::channel::sms ? k("delivered") : k("sent"));
}

/// Message ids the hubs logged as "outcome of its last try is unknown".
QSet<qint64> unknownOutcomes(const QList<const HubProcess *> &hubs)
{
    static const QRegularExpression line(
        QStringLiteral("outbound: message (\\d+): the outcome of its last try is unknown"));
    QSet<qint64> ids;
    for (const HubProcess *hub : hubs) {
        const QDir logs(hub->folder() + QStringLiteral("/logs"));
        for (const QString &name : logs.entryList(QDir::Files)) {
            QFile f(logs.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(f.readAll());
            for (auto it = line.globalMatch(text); it.hasNext();)
                ids.insert(it.next().captured(1).toLongLong());
        }
    }
    return ids;
}

QString logsOf(const HubProcess &hub)
{
    QString text;
    const QDir logs(hub.folder() + QStringLiteral("/logs"));
    for (const QString &name : logs.entryList(QDir::Files)) {
        QFile f(logs.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            text += QString::fromUtf8(f.readAll());
    }
    return text;
}

QByteArray customerMail(int n)
{
    return "From: Customer " + QByteArray::number(n) + " <customer" + QByteArray::number(n) +
           "@example.ir>\r\nTo: shop@threadline.test\r\nSubject: Order\r\nMessage-ID: <order." +
           QByteArray::number(n) + "@example.ir>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0330\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n\r\nWhere is my order?\r\n";
}

/// A customer who wrote by email; their id, or 0.
qint64 emailCustomer(const HubProcess &hub, int n)
{
    const HttpReply r = httpPost(hubHttpUrl(hub, k("/ingress/email")), customerMail(n),
                                 "message/rfc822");
    return r.status == 201 ? r.json().value(k("customer_id")).toInteger() : 0;
}

/// The Message-ID header of a received mail.
QByteArray messageIdOf(const QByteArray &mail)
{
    static const QRegularExpression header(QStringLiteral("(?im)^Message-ID:\\s*(\\S+)"));
    return header.match(QString::fromLatin1(mail)).captured(1).toLatin1();
}

} // namespace

class TestOutboundFaults : public QObject {
    Q_OBJECT

    SmsApi m_sms;
    MailServer m_mail;
    quint16 m_mailPort = 0;

    QStringList providerArguments(const QStringList &extra = {}) const
    {
        return providerArguments(m_sms, extra);
    }
    QStringList providerArguments(const SmsApi &sms, const QStringList &extra) const
    {
        return sms.hubArguments() +
               QStringList{k("--smtp-host"), k("127.0.0.1"), k("--smtp-port"),
                           QString::number(m_mailPort), k("--smtp-from"),
                           k("shop@threadline.test"), k("--outbound-attempts"), k("20"),
                           k("--outbound-retry-seconds"), k("0.2")} +
               extra;
    }

    /// Mail copies received per reply body.
    QList<QByteArray> mailsWithBody(const QString &body) const
    {
        QList<QByteArray> out;
        for (const QByteArray &mail : m_mail.messages())
            if (mail.contains(body.toUtf8()))
                out.append(mail);
        return out;
    }

    /// Every reply reached its provider once (an email twice only where the hub logged
    /// that it could not know, and then with one Message-ID) and every desk shows it final.
    void checkExactlyOnce(const SmsApi &sms, const QList<Reply> &replies, QList<Desk *> desks,
                          const QList<const HubProcess *> &hubs)
    {
        for (const Reply &r : replies) {
            bool settled = QTest::qWaitFor(
                [&] {
                    for (Desk *d : desks) {
                        d->absorb();
                        if (!isFinal(r, d->statusOf(r.id)))
                            return false;
                    }
                    return true;
                },
                120000);
            QVERIFY2(settled, qPrintable(QStringLiteral("reply %1 (%2) ends as '%3'")
                                             .arg(r.id)
                                             .arg(r.channel, desks.first()->statusOf(r.id))));
        }
        const QSet<qint64> unknown = unknownOutcomes(hubs);
        int smsUnknown = 0;
        for (const Reply &r : replies) {
            if (r.channel == protocol::channel::sms) {
                QCOMPARE(sms.countWithBody(r.body), 1);
                smsUnknown += unknown.contains(r.id) ? 1 : 0;
                continue;
            }
            const QList<QByteArray> copies = mailsWithBody(r.body);
            QVERIFY2(!copies.isEmpty(), qPrintable(r.body));
            if (copies.size() > 1) {
                QVERIFY2(unknown.contains(r.id), qPrintable(r.body));
                for (const QByteArray &copy : copies)
                    QCOMPARE(messageIdOf(copy), messageIdOf(copies.first()));
            }
        }
        qInfo("%lld replies; %lld hub restarts found a try with an unknown outcome (%d SMS, "
              "looked up at the provider)",
              qint64(replies.size()), qint64(unknown.size()), smsUnknown);
    }

    /// An SMS reply the API keeps without ever answering the hub's POST (mode "hold"):
    /// `id` is set once the provider has it.
    static void heldAtTheProvider(const SmsApi &sms, Desk &desk, qint64 customerId,
                                  const QString &body, qint64 &id)
    {
        QVERIFY(sms.setMode(k("hold")));
        const qint64 reply = desk.reply(customerId, protocol::channel::sms, body);
        QVERIFY(reply > 0);
        QTRY_COMPARE_WITH_TIMEOUT(sms.countWithBody(body), 1, 15000);
        id = reply;
    }

    /// A fresh database on the test's PostgreSQL server for both hubs; its URL, or empty.
    static QString shareFreshDatabase(HubProcess &one, HubProcess &other)
    {
        PostgresServer *postgres = PostgresServer::shared();
        const QString db = postgres ? postgres->createDatabase() : QString();
        one.useDatabase(db);
        other.useDatabase(db);
        return db;
    }

private Q_SLOTS:
    void init()
    {
        // One binary, two ctest runs: the SQLite tests, and those named "OnPostgres".
        const bool wantsPostgres = QByteArray(QTest::currentTestFunction()).contains("OnPostgres");
        if (wantsPostgres != onPostgres())
            QSKIP(wantsPostgres ? "the PostgreSQL run (tst_outbound_faults_postgres)"
                                : "the SQLite run (tst_outbound_faults)");
        if (wantsPostgres && !PostgresServer::isInstalled())
            QSKIP(qPrintable(PostgresServer::skipReason()));
    }

    void initTestCase()
    {
        // Each POST is answered 150 ms after the message was kept: kills land in that window.
        QVERIFY(m_sms.start(0.2, 0.15));
        m_mailPort = freePort();
        QVERIFY(m_mail.start(m_mailPort));
    }

    void twentyKillsDuringTrafficSendEveryReplyExactlyOnce()
    {
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY2(hub.start(true, providerArguments()), hub.stderrText().constData());
        const qint64 mailCustomer = emailCustomer(hub, 1);
        QVERIFY(mailCustomer > 0);
        Desk first(hub), second(hub);
        QList<Reply> replies;
        auto *random = QRandomGenerator::global();
        for (int round = 0; round < 20; ++round) {
            QVERIFY2(first.connect() && second.connect(), hub.stderrText().constData());
            for (const auto &[customer, channel] :
                 {std::pair{qint64(3), protocol::channel::sms},
                  std::pair{qint64(5), protocol::channel::sms},
                  std::pair{mailCustomer, protocol::channel::email}}) {
                const QString body = QStringLiteral("fault reply %1 to %2 by %3")
                                         .arg(round)
                                         .arg(customer)
                                         .arg(channel);
                Desk &desk = replies.size() % 2 ? first : second;
                const qint64 id = desk.reply(customer, channel, body);
                QVERIFY2(id > 0, qPrintable(body));
                replies.append(Reply{id, channel, body});
            }
            QTest::qWait(int(random->bounded(300)));
            first.absorb();
            second.absorb();
            hub.kill();
            QVERIFY2(hub.restart(), hub.stderrText().constData());
        }
        QVERIFY(first.connect() && second.connect());
        checkExactlyOnce(m_sms, replies, {&first, &second}, {&hub});
    }

    void anSmsWhoseAnswerTheHubNeverHeardIsFoundAtTheProviderNotSentAgain()
    {
        HubProcess hub(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY2(hub.start(true, providerArguments()), hub.stderrText().constData());
        Desk desk(hub);
        QVERIFY(desk.connect());
        const QString body = QStringLiteral("the provider took it; the hub never heard");
        qint64 id = 0;
        heldAtTheProvider(m_sms, desk, 3, body, id);
        QVERIFY(id > 0);
        hub.kill(); // handed over, not recorded
        QVERIFY(m_sms.setMode(k("normal")));
        QVERIFY2(hub.restart(), hub.stderrText().constData());
        QVERIFY(desk.connect());
        checkExactlyOnce(m_sms, {Reply{id, protocol::channel::sms, body}}, {&desk}, {&hub});
        QVERIFY(unknownOutcomes({&hub}).contains(id));
    }

    void twoHubsOnPostgresSendEveryReplyOnceWhileOneIsKilledAgainAndAgain()
    {
        HubProcess steady(QStringLiteral(THREADLINE_HUB_BINARY));
        HubProcess crashy(QStringLiteral(THREADLINE_HUB_BINARY));
        QVERIFY(!shareFreshDatabase(steady, crashy).isEmpty());
        // Long enough that a hub slowed by a loaded machine keeps its leases; the restarted hub
        // takes its own replies back at once anyway (same host and port).
        const QStringList lease{k("--outbound-lease-seconds"), k("5")};
        QVERIFY2(steady.start(true, providerArguments(lease)), steady.stderrText().constData());
        QVERIFY2(crashy.start(true, providerArguments(lease)), crashy.stderrText().constData());
        const qint64 mailCustomer = emailCustomer(steady, 2);
        QVERIFY(mailCustomer > 0);
        Desk onSteady(steady), onCrashy(crashy);
        QVERIFY(onSteady.connect());
        QList<Reply> replies;
        auto *random = QRandomGenerator::global();
        for (int round = 0; round < 6; ++round) {
            QVERIFY2(onCrashy.connect(), crashy.stderrText().constData());
            for (Desk *desk : {&onSteady, &onCrashy}) {
                for (const auto &[customer, channel] :
                     {std::pair{qint64(3), protocol::channel::sms},
                      std::pair{mailCustomer, protocol::channel::email}}) {
                    const QString body = QStringLiteral("two hubs, round %1, %2 to %3 via %4")
                                             .arg(round)
                                             .arg(channel)
                                             .arg(customer)
                                             .arg(desk == &onSteady ? k("steady") : k("crashy"));
                    const qint64 id = desk->reply(customer, channel, body);
                    QVERIFY2(id > 0, qPrintable(body));
                    replies.append(Reply{id, channel, body});
                }
            }
            QTest::qWait(int(random->bounded(300)));
            onCrashy.absorb();
            crashy.kill();
            QVERIFY2(crashy.restart(), crashy.stderrText().constData());
        }
        QVERIFY(onCrashy.connect());
        checkExactlyOnce(m_sms, replies, {&onSteady, &onCrashy}, {&steady, &crashy});
    }

    void aHubKilledMidTryOnPostgresLeavesItsReplyToTheOtherHubAfterTheLease()
    {
        HubProcess survivor(QStringLiteral(THREADLINE_HUB_BINARY));
        HubProcess victim(QStringLiteral(THREADLINE_HUB_BINARY));
        const QString db = shareFreshDatabase(survivor, victim);
        QVERIFY(!db.isEmpty());
        PostgresServer *postgres = PostgresServer::shared();
        // Callbacks late enough that only the survivor's question can settle the reply.
        SmsApi sms;
        QVERIFY(sms.start(6));
        const QStringList lease{k("--outbound-lease-seconds"), k("3")};
        QVERIFY2(victim.start(true, providerArguments(sms, lease)), victim.stderrText().constData());
        Desk onSurvivor(survivor), onVictim(victim);
        QVERIFY(onVictim.connect());

        // The victim, alone yet, claims the reply and hands it over; the API keeps it and
        // never answers. The survivor starts and leaves it alone while the lease runs.
        const QString body = QStringLiteral("handed over by a hub that died");
        qint64 id = 0;
        heldAtTheProvider(sms, onVictim, 5, body, id);
        QVERIFY(id > 0);
        QVERIFY2(survivor.start(true, providerArguments(sms, lease)), survivor.stderrText().constData());
        QVERIFY(onSurvivor.connect());
        const QString dbName = db.section(QLatin1Char('/'), -1).section(QLatin1Char('?'), 0, 0);
        const QString victimOwner =
            postgres->psql(dbName, QStringLiteral("SELECT owner FROM outbound WHERE message_id = %1")
                                         .arg(id))
                .trimmed();
        QVERIFY2(victimOwner.endsWith(QStringLiteral(":%1").arg(victim.port())),
                 qPrintable(victimOwner));
        victim.kill();
        QVERIFY(sms.setMode(k("normal")));

        // Within a few leases the survivor holds it, asked the provider, and recorded it.
        auto holder = [&] {
            return postgres->psql(dbName, QStringLiteral("SELECT owner || ' ' || handed_over"
                                                         " FROM outbound WHERE message_id = %1")
                                              .arg(id));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(holder().endsWith(QStringLiteral(":%1 1").arg(survivor.port())),
                                  qPrintable(holder() + QLatin1Char('\n') + logsOf(survivor)),
                                  20000);
        QVERIFY(unknownOutcomes({&survivor}).contains(id));
        QCOMPARE(sms.countWithBody(body), 1);

        // The provider's callbacks go to the victim's address: back there, they land.
        QVERIFY2(victim.restart(), victim.stderrText().constData());
        checkExactlyOnce(sms, {Reply{id, protocol::channel::sms, body}}, {&onSurvivor},
                         {&survivor, &victim});
    }
};

QTEST_GUILESS_MAIN(TestOutboundFaults)
#include "tst_outbound_faults.moc"
