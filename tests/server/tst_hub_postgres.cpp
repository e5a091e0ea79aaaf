// SPDX-License-Identifier: GPL-3.0-or-later
// The hub on PostgreSQL: the --db URL and its mistakes, migrations from an empty database,
// and two hubs on one database serving desktops together (LISTEN/NOTIFY, one seq order).
#include "server/hub_schema.h"
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/postgres_server.h"
#include "tests/support/test_client.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace threadline;
using namespace threadline::testing;

namespace {

QJsonObject messageOf(const protocol::Envelope &e)
{
    return e.data.value(QStringLiteral("message")).toObject();
}

QByteArray inboundSms(const QString &sid, const QString &from, const QString &body)
{
    QByteArray out;
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("MessageSid"), sid}, std::pair{QStringLiteral("From"), from},
          std::pair{QStringLiteral("To"), QStringLiteral("+982191000000")},
          std::pair{QStringLiteral("Body"), body}, std::pair{QStringLiteral("NumMedia"), QStringLiteral("0")}})
        out += (out.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' +
               QUrl::toPercentEncoding(value);
    return out;
}

/// The durable events a desktop got, checked as the desktop checks them: each one's prev is
/// the seq of the one before (the first's prev is where it went live), seqs only grow.
QString brokenChain(const QList<protocol::Envelope> &frames, qint64 liveSeq)
{
    qint64 last = liveSeq;
    for (const protocol::Envelope &e : frames) {
        if (!e.isDurableEvent())
            continue;
        if (e.prev != last)
            return QStringLiteral("seq %1 came with prev %2 after seq %3").arg(e.seq).arg(e.prev).arg(last);
        if (e.seq <= last)
            return QStringLiteral("seq %1 came after seq %2").arg(e.seq).arg(last);
        last = e.seq;
    }
    return {};
}

} // namespace

class TestHubPostgres : public QObject {
    Q_OBJECT
    PostgresServer m_postgres;
    HubProcess m_hubA{QStringLiteral(THREADLINE_HUB_BINARY)};
    HubProcess m_hubB{QStringLiteral(THREADLINE_HUB_BINARY)};

    std::unique_ptr<TestClient> desktopOn(HubProcess &hub, const QString &user, qint64 *liveSeq)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(hub.url()) ||
            client->hello(user, QStringLiteral("demo")).type != protocol::type::welcome)
            return nullptr;
        const auto live = client->waitForEvent(protocol::type::live);
        if (!live)
            return nullptr;
        *liveSeq = live->data.value(QStringLiteral("seq")).toInteger();
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!PostgresServer::isInstalled())
            QSKIP(qPrintable(PostgresServer::skipReason()));
        QVERIFY2(m_postgres.start(), qPrintable(m_postgres.error()));
        const QString shared = m_postgres.createDatabase(QStringLiteral("two_hubs"));
        QVERIFY2(!shared.isEmpty(), qPrintable(m_postgres.error()));
        m_hubA.useDatabase(shared);
        m_hubB.useDatabase(shared);
        QVERIFY2(m_hubA.start(true), m_hubA.stderrText().constData());
        QVERIFY2(m_hubB.start(), m_hubB.stderrText().constData());
    }

    void anEmptyDatabaseIsMigratedToTheCurrentSchemaOnceAndOpensAgain()
    {
        const QString url = m_postgres.createDatabase(QStringLiteral("fresh"));
        QVERIFY2(!url.isEmpty(), qPrintable(m_postgres.error()));
        HubProcess cli{QStringLiteral(THREADLINE_HUB_BINARY)};
        cli.useDatabase(url);
        QVERIFY2(cli.addUser(QStringLiteral("zahra"), QStringLiteral("agent"), QStringLiteral("pw1")),
                 "user add on an empty PostgreSQL database");
        QVERIFY(cli.addUser(QStringLiteral("omid"), QStringLiteral("store"), QStringLiteral("pw2")));
        QCOMPARE(m_postgres.psql(QStringLiteral("fresh"),
                                 QStringLiteral("SELECT string_agg(version::text, ',' ORDER BY "
                                                "version) FROM schema_version")),
                 [] {
                     QStringList all;
                     for (int v = 1; v <= server::hub_schema::kCurrentVersion; ++v)
                         all.append(QString::number(v));
                     return all.join(QLatin1Char(','));
                 }());
        QCOMPARE(m_postgres.psql(QStringLiteral("fresh"),
                                 QStringLiteral("SELECT string_agg(name, ',' ORDER BY name) FROM users")),
                 QStringLiteral("omid,zahra"));
        // The event log's key is PostgreSQL's own sequence, not a copy of SQLite's.
        QCOMPARE(m_postgres.psql(QStringLiteral("fresh"),
                                 QStringLiteral("SELECT data_type FROM information_schema.columns"
                                                " WHERE table_name = 'events' AND column_name = 'seq'")),
                 QStringLiteral("bigint"));
        const auto find = cli.runCli({QStringLiteral("customer"), QStringLiteral("find"),
                                      QStringLiteral("+989121234567"), QStringLiteral("--db"), url});
        QCOMPARE(find.exitCode, 3);
    }

    void hubsStartingTogetherOnAnEmptyDatabaseMigrateItOnce()
    {
        const QString url = m_postgres.createDatabase(QStringLiteral("together"));
        QVERIFY2(!url.isEmpty(), qPrintable(m_postgres.error()));
        QTemporaryDir dir;
        std::vector<std::unique_ptr<QProcess>> hubs;
        for (int i = 0; i < 4; ++i) {
            const QString password = dir.filePath(QStringLiteral("pw%1").arg(i));
            QFile f(password);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("secret\n");
            f.close();
            auto p = std::make_unique<QProcess>();
            p->start(m_hubA.binary(),
                     {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("agent%1").arg(i),
                      QStringLiteral("--role"), QStringLiteral("agent"),
                      QStringLiteral("--password-file"), password, QStringLiteral("--db"), url});
            hubs.push_back(std::move(p));
        }
        for (auto &p : hubs) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        QCOMPARE(m_postgres.psql(QStringLiteral("together"),
                                 QStringLiteral("SELECT COUNT(*) = COUNT(DISTINCT version) AND"
                                                " MAX(version) = %1 FROM schema_version")
                                     .arg(server::hub_schema::kCurrentVersion)),
                 QStringLiteral("t"));
        QCOMPARE(m_postgres.psql(QStringLiteral("together"), QStringLiteral("SELECT COUNT(*) FROM users")),
                 QStringLiteral("4"));
    }

    void theConfigFileTakesADatabaseUrlAsWritten()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("hub.conf"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[hub]\ndatabase = " + m_postgres.urlFor(QStringLiteral("two_hubs")).toUtf8() +
                "?connect_timeout=5\n");
        f.close();
        const auto r = m_hubA.runCli({QStringLiteral("--config"), config, QStringLiteral("customer"),
                                      QStringLiteral("find"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("\"items\""));
    }

    void aMistakenDatabaseUrlIsAUsageErrorThatNeverShowsThePassword()
    {
        const QString secret = QStringLiteral("hunter2secret");
        for (const QString &url :
             {QStringLiteral("postgresql://zahra:%1@127.0.0.1:99999/hub"),
              QStringLiteral("postgresql://zahra:%1@127.0.0.1:5432/"),
              QStringLiteral("mysql://zahra:%1@127.0.0.1/hub"),
              QStringLiteral("postgres://zahra:%1@127.0.0.1/hub?pool=3"),
              QStringLiteral("postgres://zahra:%1@/hub?host=run/postgresql"),
              QStringLiteral("postgresql://zahra:%1@127.0.0.1/hub?sslmode=sometimes")}) {
            const auto r = m_hubA.runCli({QStringLiteral("--db"), url.arg(secret),
                                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
            QVERIFY2(r.exitCode == 2, qPrintable(url + QStringLiteral(": ") + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.contains("--db: "), r.err.constData());
            QVERIFY2(!r.err.contains(secret.toUtf8()), r.err.constData());
        }
    }

    void aWrongPasswordFailsWithASentenceThatNeverShowsIt()
    {
        QString url = m_postgres.urlFor(QStringLiteral("two_hubs"));
        url.replace(m_postgres.password(), QStringLiteral("not-the-password"));
        const auto r = m_hubA.runCli({QStringLiteral("customer"), QStringLiteral("find"),
                                      QStringLiteral("1"), QStringLiteral("--db"), url});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot open postgresql://threadline@127.0.0.1:"), r.err.constData());
        QVERIFY2(!r.err.contains("not-the-password"), r.err.constData());
    }

    void aUnixSocketFolderInTheUrlReachesTheServer()
    {
        const QString url = QStringLiteral("postgresql://threadline@:%1/two_hubs?host=%2")
                                .arg(m_postgres.port())
                                .arg(m_postgres.socketFolder());
        const auto r = m_hubA.runCli({QStringLiteral("customer"), QStringLiteral("find"),
                                      QStringLiteral("1"), QStringLiteral("--db"), url});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("\"items\""));
    }

    void aTokenFromHubASignsInOnHubB()
    {
        TestClient onA;
        QVERIFY(onA.connectTo(m_hubA.url()));
        const QString token = onA.hello(QStringLiteral("agent"), QStringLiteral("demo"))
                                  .data.value(QStringLiteral("token"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        TestClient onB;
        QVERIFY(onB.connectTo(m_hubB.url()));
        const auto welcome = onB.helloWithToken(token);
        QCOMPARE(welcome.type, protocol::type::welcome);
        QCOMPARE(welcome.data.value(QStringLiteral("user")).toString(), QStringLiteral("agent"));
    }

    void aRepeatedCommandIdOnTheOtherHubGetsTheSameAnswer()
    {
        qint64 live = 0;
        auto onA = desktopOn(m_hubA, QStringLiteral("agent"), &live);
        auto onB = desktopOn(m_hubB, QStringLiteral("agent"), &live);
        QVERIFY(onA && onB);
        const QString id = TestClient::newId();
        const QJsonObject note{{QStringLiteral("customer_id"), 9},
                               {QStringLiteral("body"), QStringLiteral("Promised a callback")}};
        const auto first = onA->command(protocol::type::addNote, note, id);
        const auto again = onB->command(protocol::type::addNote, note, id);
        QCOMPARE(first.type, protocol::type::ack);
        QCOMPARE(again.type, protocol::type::ack);
        QCOMPARE(again.seq, first.seq);
        QCOMPARE(messageOf(again).value(QStringLiteral("id")), messageOf(first).value(QStringLiteral("id")));
    }

    void anSmsIngestedThroughHubAReachesADesktopOnHubB()
    {
        qint64 live = 0;
        auto onB = desktopOn(m_hubB, QStringLiteral("agent"), &live);
        QVERIFY(onB);
        const QString body = QStringLiteral("سلام، سفارشم کی می‌رسد؟");
        QElapsedTimer clock;
        clock.start();
        const HttpReply reply =
            httpPost(hubHttpUrl(m_hubA, QStringLiteral("/ingress/sms/twilio")),
                     inboundSms(QStringLiteral("SMpg0000000000000000000000000001"),
                                QStringLiteral("+989127770001"), body),
                     QByteArrayLiteral("application/x-www-form-urlencoded"));
        QCOMPARE(reply.status, 200);
        const auto created = onB->waitForEvent(
            protocol::type::messageCreated,
            [&](const protocol::Envelope &e) {
                return messageOf(e).value(QStringLiteral("body")).toString() == body;
            },
            5000);
        QVERIFY2(created, "hub B never fanned out what hub A stored");
        // NOTIFY wakes hub B at once; nothing here polls.
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(messageOf(*created).value(QStringLiteral("identity")).toString(),
                 QStringLiteral("+989127770001"));
        QList<protocol::Envelope> received = onB->events();
        received.append(*created); // waitForEvent took it out of the queue
        std::sort(received.begin(), received.end(),
                  [](const auto &a, const auto &b) { return a.seq < b.seq; });
        QCOMPARE(brokenChain(received, live), QString());
    }

    void twoHundredMessagesThroughBothHubsReachDesktopsOnEachInOneGapFreeOrder()
    {
        qint64 liveA = 0;
        qint64 liveB = 0;
        auto readerA = desktopOn(m_hubA, QStringLiteral("supervisor"), &liveA);
        auto readerB = desktopOn(m_hubB, QStringLiteral("agent"), &liveB);
        qint64 writersLive = 0;
        auto writerA = desktopOn(m_hubA, QStringLiteral("agent"), &writersLive);
        auto writerB = desktopOn(m_hubB, QStringLiteral("supervisor"), &writersLive);
        QVERIFY(readerA && readerB && writerA && writerB);
        // Sent without waiting for answers, so the two hubs' transactions interleave.
        constexpr int kMessages = 200;
        QStringList ids;
        for (int i = 0; i < kMessages; ++i) {
            TestClient &writer = i % 2 == 0 ? *writerA : *writerB;
            const QString id = TestClient::newId();
            ids.append(id);
            writer.sendText(QString::fromUtf8(protocol::encode(protocol::makeCommand(
                protocol::type::addNote, id,
                {{QStringLiteral("customer_id"), 1 + i % 10},
                 {QStringLiteral("body"), QStringLiteral("note %1").arg(i)}}))));
        }
        QSet<qint64> ackedSeqs;
        for (int i = 0; i < kMessages; ++i) {
            const auto ack = (i % 2 == 0 ? *writerA : *writerB).waitForAnswer(ids.at(i));
            QVERIFY2(ack.type == protocol::type::ack, qPrintable(QStringLiteral("note %1").arg(i)));
            ackedSeqs.insert(ack.seq);
        }
        QCOMPARE(ackedSeqs.size(), kMessages);

        auto notesSeen = [](TestClient &reader) {
            QSet<QString> bodies;
            for (const protocol::Envelope &e : reader.events())
                if (e.type == protocol::type::messageCreated &&
                    messageOf(e).value(QStringLiteral("body")).toString().startsWith(
                        QLatin1String("note ")))
                    bodies.insert(messageOf(e).value(QStringLiteral("body")).toString());
            return bodies.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(notesSeen(*readerA), kMessages, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(notesSeen(*readerB), kMessages, 60000);

        for (auto [reader, live] :
             {std::pair{readerA.get(), liveA}, std::pair{readerB.get(), liveB}}) {
            QCOMPARE(brokenChain(reader->events(), live), QString());
            QSet<qint64> created;
            for (const protocol::Envelope &e : reader->events())
                if (e.type == protocol::type::messageCreated)
                    created.insert(e.seq);
            for (const qint64 seq : std::as_const(ackedSeqs))
                QVERIFY2(created.contains(seq), qPrintable(QString::number(seq)));
        }
        // Both desktops saw the same events in the same order.
        QList<qint64> seqsA;
        QList<qint64> seqsB;
        for (const protocol::Envelope &e : readerA->events())
            if (e.isDurableEvent())
                seqsA.append(e.seq);
        for (const protocol::Envelope &e : readerB->events())
            if (e.isDurableEvent())
                seqsB.append(e.seq);
        const qint64 from = std::max(liveA, liveB);
        seqsA.removeIf([from](qint64 s) { return s <= from; });
        seqsB.removeIf([from](qint64 s) { return s <= from; });
        QCOMPARE(seqsA, seqsB);
    }
};

QTEST_MAIN(TestHubPostgres)
#include "tst_hub_postgres.moc"
