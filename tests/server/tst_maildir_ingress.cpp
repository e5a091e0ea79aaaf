// SPDX-License-Identifier: GPL-3.0-or-later
// threadline-hub --maildir DIR against a real hub: mail delivered into DIR/new (the way a
// delivery agent does it: written in tmp/, renamed into new/) is stored once and moved to
// DIR/cur marked seen; broken mail is stored as well as it can be; mail the hub refuses is
// kept, flagged; a message seen again after a crash or restart is not stored twice.
#include "services/protocol/frame_types.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;
using protocol::Envelope;

namespace {
QLatin1String k(const char *s)
{
    return QLatin1String(s);
}
constexpr int kMoveTimeoutMs = 20000;
} // namespace

class TestMaildirIngress : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QString m_maildir;
    int m_deliveries = 0;

    // Delivers like a mail delivery agent: the whole file in tmp/, then one rename into new/.
    QString deliver(const QByteArray &raw)
    {
        const QString name = QStringLiteral("1732530000.M%1P99.test").arg(++m_deliveries);
        QFile f(m_maildir + QStringLiteral("/tmp/") + name);
        if (!f.open(QIODevice::WriteOnly) || f.write(raw) != raw.size())
            return {};
        f.close();
        if (!QFile::rename(f.fileName(), m_maildir + QStringLiteral("/new/") + name))
            return {};
        return name;
    }

    QStringList inNew() const
    {
        return QDir(m_maildir + QStringLiteral("/new")).entryList(QDir::Files);
    }
    bool inCur(const QString &name) const
    {
        return QFile::exists(m_maildir + QStringLiteral("/cur/") + name);
    }

    // How many items of the customer's thread came from the email with this subject.
    int storedWithSubject(TestClient &client, qint64 customerId, const QString &subject)
    {
        const Envelope page = client.command(protocol::type::historyPage,
                                             {{k("customer_id"), customerId}, {k("limit"), 500}});
        int n = 0;
        for (const QJsonValue &v : page.data.value(k("messages")).toArray())
            n += v.toObject().value(k("subject")).toString() == subject ? 1 : 0;
        return n;
    }

    static std::optional<Envelope> createdWithSubject(TestClient &client, const QString &subject)
    {
        return client.waitForEvent(protocol::type::messageCreated, [&](const Envelope &e) {
            return e.data.value(k("message")).toObject().value(k("subject")).toString() == subject;
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_maildir = m_hub.folder() + QStringLiteral("/Maildir");
        QVERIFY2(m_hub.start(true, {QStringLiteral("--maildir"), m_maildir}),
                 m_hub.stderrText().constData());
        // The hub makes the Maildir's three folders when they are missing.
        for (const char *sub : {"new", "cur", "tmp"})
            QVERIFY(QDir(m_maildir + QLatin1Char('/') + QLatin1String(sub)).exists());
    }

    void aDeliveredRealMailIsStoredOnceAndMovedToCurAsSeen()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const QByteArray raw =
            testData(QStringLiteral("email/quoted-replies/standard_replies/thunderbird.eml"));
        QVERIFY(!raw.isEmpty());
        const QString name = deliver(raw);
        QVERIFY(!name.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(inCur(name + QStringLiteral(":2,S")), kMoveTimeoutMs);
        QVERIFY(inNew().isEmpty());
        const auto created = agent->waitForEvent(protocol::type::messageCreated);
        QVERIFY(created);
        const QJsonObject m = created->data.value(k("message")).toObject();
        QCOMPARE(m.value(k("channel")).toString(), QStringLiteral("email"));
        QCOMPARE(m.value(k("subject")).toString(), QStringLiteral("Re: Test"));
    }

    void theSameMailSeenAgainAfterACrashIsNotStoredTwice()
    {
        // As if the hub had stored it and died before the move: it is in new/ again.
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        const QByteArray raw = "From: Reza <reza@example.ir>\r\nTo: shop@example.ir\r\n"
                               "Subject: Twice delivered\r\nMessage-ID: <twice@example.ir>\r\n"
                               "\r\nHello once.\r\n";
        const QString first = deliver(raw);
        QTRY_VERIFY_WITH_TIMEOUT(inCur(first + QStringLiteral(":2,S")), kMoveTimeoutMs);
        const auto created = createdWithSubject(*agent, QStringLiteral("Twice delivered"));
        QVERIFY(created);
        const qint64 customerId =
            created->data.value(k("message")).toObject().value(k("customer_id")).toInteger();

        const QString again = deliver(raw);
        QTRY_VERIFY_WITH_TIMEOUT(inCur(again + QStringLiteral(":2,S")), kMoveTimeoutMs);

        // And once more while the hub is down: the restarted hub's first scan finds it.
        m_hub.kill();
        const QString whileDown = deliver(raw);
        QVERIFY2(m_hub.restart(), m_hub.stderrText().constData());
        QTRY_VERIFY_WITH_TIMEOUT(inCur(whileDown + QStringLiteral(":2,S")), kMoveTimeoutMs);

        auto after = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(after);
        QCOMPARE(storedWithSubject(*after, customerId, QStringLiteral("Twice delivered")), 1);
    }

    void brokenMailIsStoredAsWellAsItCanBe()
    {
        auto agent = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        // A boundary that never appears and base64 that is not: the text is still there.
        const QByteArray raw =
            "From: Sara <sara@example.ir>\r\nTo: shop@example.ir\r\nSubject: Broken parts\r\n"
            "Message-ID: <broken@example.ir>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"missing\"\r\n\r\n"
            "--wrong\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            "SGVsbG8gd29ybGQ=!!!not base64###\r\n";
        const QString name = deliver(raw);
        QTRY_VERIFY_WITH_TIMEOUT(inCur(name + QStringLiteral(":2,S")), kMoveTimeoutMs);
        const auto created = createdWithSubject(*agent, QStringLiteral("Broken parts"));
        QVERIFY(created);
        QCOMPARE(created->data.value(k("message")).toObject().value(k("identity")).toString(),
                 QStringLiteral("sara@example.ir"));
    }

    void mailTheHubRefusesIsKeptFlaggedNotLost()
    {
        const QByteArray raw = "To: shop@example.ir\r\nSubject: Nobody sent this\r\n\r\nWho?\r\n";
        const QString name = deliver(raw);
        QTRY_VERIFY_WITH_TIMEOUT(inCur(name + QStringLiteral(":2,FS")), kMoveTimeoutMs);
        QFile kept(m_maildir + QStringLiteral("/cur/") + name + QStringLiteral(":2,FS"));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), raw);
    }

    void dotFilesAndTmpAreLeftAlone()
    {
        QFile hidden(m_maildir + QStringLiteral("/new/.being-written"));
        QVERIFY(hidden.open(QIODevice::WriteOnly));
        hidden.write("From: x@example.ir\r\n\r\nx\r\n");
        hidden.close();
        QFile partial(m_maildir + QStringLiteral("/tmp/1732530000.M0P1.partial"));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write("From: y@example.ir\r\n");
        partial.close();
        // A later delivery is taken; the two are still where they were.
        const QString name = deliver("From: Ali <ali@example.ir>\r\nSubject: Later\r\n"
                                     "Message-ID: <later@example.ir>\r\n\r\nHi\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(inCur(name + QStringLiteral(":2,S")), kMoveTimeoutMs);
        QVERIFY(hidden.exists());
        QVERIFY(partial.exists());
    }
};

QTEST_GUILESS_MAIN(TestMaildirIngress)
#include "tst_maildir_ingress.moc"
