// SPDX-License-Identifier: GPL-3.0-or-later
// The threadline-hub command line, and the demo data it seeds.
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {
QString persianDigits(const QString &ascii)
{
    QString out;
    for (const QChar c : ascii)
        out.append(c.isDigit() ? QChar(char16_t(0x06F0 + (c.unicode() - u'0'))) : c);
    return out;
}
} // namespace

class TestHubCli : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

    QJsonObject find(const QString &identity)
    {
        const auto r = m_hub.runCli({QStringLiteral("customer"), QStringLiteral("find"), identity,
                                     QStringLiteral("--db"), m_hub.dbPath()});
        if (r.exitCode != 0)
            return {};
        return QJsonDocument::fromJson(r.out).object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_hub.start(true), m_hub.stderrText().constData()); }

    void customerFindTakesAPhoneWrittenWithPersianDigits()
    {
        // Find a demo customer with an Iranian number, then write it the way people do.
        QString e164;
        qint64 id = 0;
        for (qint64 candidate = 1; candidate < 40 && e164.isEmpty(); ++candidate) {
            const QJsonObject c = find(QString::number(candidate));
            for (const auto &v : c.value(QStringLiteral("identities")).toArray())
                if (v.toObject()
                        .value(QStringLiteral("value"))
                        .toString()
                        .startsWith(QStringLiteral("+989"))) {
                    e164 = v.toObject().value(QStringLiteral("value")).toString();
                    id = candidate;
                }
        }
        QVERIFY(!e164.isEmpty());
        const QString national = QStringLiteral("0") + e164.mid(3, 3) + QLatin1Char(' ') +
                                 e164.mid(6, 3) + QLatin1Char(' ') + e164.mid(9);
        const QJsonObject found = find(persianDigits(national));
        QCOMPARE(found.value(QStringLiteral("id")).toInteger(), id);
        QVERIFY(found.value(QStringLiteral("items")).toArray().size() >= 20);
        QCOMPARE(found.value(QStringLiteral("items")).toArray().size(),
                 found.value(QStringLiteral("item_count")).toInteger());
    }

    void customerFindTakesAnUpperCaseEmail()
    {
        const QJsonObject c = find(QStringLiteral("5"));
        QString email;
        for (const auto &v : c.value(QStringLiteral("identities")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("email"))
                email = v.toObject().value(QStringLiteral("value")).toString();
        QVERIFY(!email.isEmpty());
        QCOMPARE(find(email.toUpper()).value(QStringLiteral("id")).toInteger(), 5);
    }

    void customerFindSaysWhenNobodyMatches()
    {
        const auto r = m_hub.runCli({QStringLiteral("customer"), QStringLiteral("find"),
                                     QStringLiteral("nobody@example.com"), QStringLiteral("--db"),
                                     m_hub.dbPath()});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.err.isEmpty());
    }

    void userAddRefusesAnUnknownRole()
    {
        QTemporaryDir dir;
        const QString passwordFile = dir.filePath(QStringLiteral("pw"));
        QFile f(passwordFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("pw\n");
        f.close();
        const auto r = m_hub.runCli({QStringLiteral("user"), QStringLiteral("add"),
                                     QStringLiteral("eve"), QStringLiteral("--role"),
                                     QStringLiteral("admin"), QStringLiteral("--password-file"),
                                     passwordFile, QStringLiteral("--db"), m_hub.dbPath()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("role"));
    }

    void badArgumentsExitWithCode2AndHelpExplainsEverything()
    {
        QCOMPARE(m_hub.runCli({QStringLiteral("--listen")}).exitCode, 2);
        QCOMPARE(m_hub
                     .runCli({QStringLiteral("--db"), m_hub.dbPath(), QStringLiteral("--simulate"),
                              QStringLiteral("fast")})
                     .exitCode,
                 2);
        QCOMPARE(m_hub.runCli({QStringLiteral("teleport"), QStringLiteral("--db"), m_hub.dbPath()})
                     .exitCode,
                 2);
        const auto help = m_hub.runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *word : {"--listen", "--db", "--demo", "--simulate", "--log-dir",
                                 "user add", "customer find", "--region"})
            QVERIFY2(help.out.contains(word), word);
    }

    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        const QByteArray content = "shopping list: milk, eggs\n";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const auto serve = m_hub.runCli({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                         QStringLiteral("--db"), path});
        QCOMPARE(serve.exitCode, 1);
        QVERIFY(serve.err.contains("not a threadline-hub database"));
        const auto find = m_hub.runCli({QStringLiteral("customer"), QStringLiteral("find"),
                                        QStringLiteral("1"), QStringLiteral("--db"), path});
        QCOMPARE(find.exitCode, 1);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void theSimulatorKeepsInboundMessagesArriving()
    {
        HubProcess busy{QStringLiteral(THREADLINE_HUB_BINARY)};
        QVERIFY(busy.start(true, {QStringLiteral("--simulate"), QStringLiteral("20")}));
        TestClient client;
        QVERIFY(client.connectTo(busy.url()));
        QCOMPARE(client.hello(QStringLiteral("agent"), QStringLiteral("demo")).type,
                 protocol::type::welcome);
        const auto created = client.waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const QJsonObject m = created->data.value(QStringLiteral("message")).toObject();
        QCOMPARE(m.value(QStringLiteral("direction")).toString(), QStringLiteral("in"));
        QVERIFY(protocol::channel::isReplyChannel(m.value(QStringLiteral("channel")).toString()));
        QVERIFY(!m.value(QStringLiteral("body")).toString().isEmpty());
        QVERIFY(client.waitForEvent(protocol::type::customerUpserted));
    }

    void theDemoHasTwoHundredCustomersAndThreeWithFiveThousandItems()
    {
        TestClient client;
        QVERIFY(client.connectTo(m_hub.url()));
        QCOMPARE(client.hello(QStringLiteral("agent"), QStringLiteral("demo")).type,
                 protocol::type::welcome);
        qint64 after = 0;
        int customers = 0, busy = 0;
        bool more = true;
        QSet<QString> scripts;
        while (more) {
            const auto page =
                client.command(protocol::type::customersPage, {{QStringLiteral("after_id"), after},
                                                               {QStringLiteral("limit"), 500}});
            QCOMPARE(page.type, protocol::type::ack);
            const QJsonArray list = page.data.value(QStringLiteral("customers")).toArray();
            for (const auto &v : list) {
                const QJsonObject c = v.toObject();
                ++customers;
                if (c.value(QStringLiteral("item_count")).toInteger() >= 5000)
                    ++busy;
                after = c.value(QStringLiteral("id")).toInteger();
                const QString name = c.value(QStringLiteral("name")).toString();
                scripts.insert(name.contains(QChar(0x06CC))     ? QStringLiteral("fa")
                               : name.at(0).unicode() >= 0x0600 ? QStringLiteral("ar")
                                                                : QStringLiteral("en"));
            }
            more = page.data.value(QStringLiteral("more")).toBool();
        }
        QVERIFY(customers >= 200);
        QVERIFY(busy >= 3);
        QCOMPARE(scripts.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestHubCli)
#include "tst_hub_cli.moc"
