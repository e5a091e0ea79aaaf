// SPDX-License-Identifier: GPL-3.0-or-later
// Unread counts on the desktop's service layer, against a real hub: they come from the
// hub, stay in the encrypted cache across a restart, a thread read offline waits in the
// outbox as one marker and reaches the hub once, and reading on another desktop of the
// same agent clears the count here.
#include "services/cache/cache_store.h"
#include "services/protocol/frame_types.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using services::SyncService;
using testing::HubProcess;
using testing::TestClient;

namespace {
constexpr int kWaitMs = 20000;

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

// The count the desktop last announced for a customer (-1: never announced).
int lastAnnounced(const QSignalSpy &customers, qint64 id)
{
    int unread = -1;
    for (const auto &args : customers)
        for (const auto &c : args.at(0).value<QList<models::Customer>>())
            if (c.id == id)
                unread = c.unread;
    return unread;
}

int outboxMarkers(cache::CacheStore &cache)
{
    int n = 0;
    for (const auto &item : cache.outbox())
        n += item.commandType == protocol::type::conversationRead;
    return n;
}

} // namespace

class TestSyncReadMarkers : public QObject {
    Q_OBJECT

    struct Text {
        qint64 customerId = 0;
        qint64 messageId = 0;
    };

    // A customer texting us; what the hub stored, as `observer` saw it.
    Text texts(TestClient &observer, const QString &phone, const QString &body)
    {
        const QString sid = QStringLiteral("SMsync%1").arg(++m_sms, 28, 10, QLatin1Char('0'));
        if (postInboundSms(m_hub, sid, phone, body).status != 200)
            return {};
        const auto created = observer.waitForEvent(
            protocol::type::messageCreated, [&](const protocol::Envelope &e) {
                return e.data.value(k("message")).toObject().value(k("body")).toString() == body;
            });
        if (!created)
            return {};
        const QJsonObject m = created->data.value(k("message")).toObject();
        return {m.value(k("customer_id")).toInteger(), m.value(k("id")).toInteger()};
    }

    // The hub's unread count for the agent, from a fresh welcome.
    qint64 hubUnread(qint64 customerId)
    {
        TestClient client;
        if (!client.connectTo(m_hub.url()))
            return -1;
        const auto welcome = client.hello(QStringLiteral("agent"), QStringLiteral("demo"));
        for (const QJsonValue &v : welcome.data.value(k("unread")).toArray())
            if (v.toObject().value(k("customer_id")).toInteger() == customerId)
                return v.toObject().value(k("count")).toInteger();
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<models::Customer>>();
        qRegisterMetaType<QList<models::Message>>();
        qRegisterMetaType<models::Delivery>();
        QVERIFY(m_hub.start(true));
        QVERIFY(m_profile.isValid());
    }

    void countsComeFromTheHubAndAreInTheCacheAfterARestart()
    {
        auto observer = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(observer);
        // Written before this desktop ever signed in: the welcome's counts bring it.
        const Text early = texts(*observer, QStringLiteral("+989121240001"), QStringLiteral("first"));
        QVERIFY(early.customerId > 0);
        {
            auto sync = openSync();
            QSignalSpy resynced(sync.get(), &SyncService::resynced);
            QSignalSpy customers(sync.get(), &SyncService::customersChanged);
            sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
            QVERIFY(resynced.wait(kWaitMs));
            QCOMPARE(lastAnnounced(customers, early.customerId), 1);
            // Live: one more from the customer; a colleague's note does not count.
            const Text later = texts(*observer, QStringLiteral("+989121240001"), QStringLiteral("second"));
            QCOMPARE(later.customerId, early.customerId);
            QTRY_COMPARE_WITH_TIMEOUT(lastAnnounced(customers, early.customerId), 2, kWaitMs);
            QVERIFY(!observer->command(protocol::type::addNote,
                                       {{k("customer_id"), early.customerId},
                                        {k("body"), QStringLiteral("looked at it")}})
                         .error);
            // A change that is only a customer.upserted (a label) keeps the count too.
            customers.clear();
            QVERIFY(!observer->command(protocol::type::label,
                                       {{k("customer_id"), early.customerId},
                                        {k("add"), QJsonArray{QStringLiteral("read-test")}}})
                         .error);
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (const auto &args : customers)
                        for (const auto &c : args.at(0).value<QList<models::Customer>>())
                            if (c.id == early.customerId && !c.labels.isEmpty())
                                return true;
                    return false;
                }(),
                kWaitMs);
            QCOMPARE(lastAnnounced(customers, early.customerId), 2);
            sync->stop();
        }
        QCOMPARE(openCache()->customer(early.customerId)->unread, 2);

        // A restart shows the cached count before the hub answers.
        auto again = openSync();
        QSignalSpy customers(again.get(), &SyncService::customersChanged);
        again->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(!customers.isEmpty()); // emitted from the cache, synchronously
        QCOMPARE(lastAnnounced(customers, early.customerId), 2);
        again->stop();
        m_customer = early.customerId;
    }

    void aThreadReadOfflineReachesTheHubOnceOnReconnect()
    {
        QVERIFY(m_customer > 0);
        auto sync = openSync();
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        QSignalSpy outbox(sync.get(), &SyncService::outboxChanged);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));
        QSignalSpy connection(sync.get(), &SyncService::connectionChanged);
        m_hub.kill();
        QTRY_VERIFY_WITH_TIMEOUT(!connection.isEmpty() && !connection.last().at(0).toBool(), kWaitMs);

        // The agent opens the thread twice while offline: one marker waits, the newest.
        QSignalSpy customers(sync.get(), &SyncService::customersChanged);
        const auto cached = openCache()->page(m_customer, 0, 0, 50).items;
        QVERIFY(!cached.isEmpty());
        QVERIFY(cached.size() >= 2);
        const qint64 newest = cached.first().id;
        sync->markRead(m_customer, cached.at(1).id);
        QCOMPARE(lastAnnounced(customers, m_customer), 0);
        sync->markRead(m_customer, newest);
        QCOMPARE(openCache()->customer(m_customer)->unread, 0);
        QCOMPARE(outboxMarkers(*openCache()), 1);
        // The marker is the desktop's bookkeeping: the status bar's "waiting to send"
        // counts only what the agent sent or did.
        for (const auto &args : outbox)
            QCOMPARE(args.at(0).toInt(), 0);

        // Back online: the welcome's count (still 2 at the hub) does not bring it back while
        // the marker waits, and the marker is sent once.
        QVERIFY2(m_hub.restart(), m_hub.stderrText().constData());
        QTRY_COMPARE_WITH_TIMEOUT(outboxMarkers(*openCache()), 0, kWaitMs);
        QCOMPARE(hubUnread(m_customer), 0);
        // The hub's log, replayed from its start, holds exactly one marker for the thread.
        TestClient audit;
        QVERIFY(audit.connectTo(m_hub.url()));
        QCOMPARE(audit.hello(QStringLiteral("agent"), QStringLiteral("demo"), 1)
                     .data.value(k("resume")).toString(),
                 QStringLiteral("replay"));
        QVERIFY(audit.waitForEvent(protocol::type::live));
        QList<qint64> markers;
        for (const auto &e : audit.events())
            if (e.type == protocol::type::conversationMarkedRead &&
                e.data.value(k("customer_id")).toInteger() == m_customer)
                markers.append(e.data.value(k("up_to_id")).toInteger());
        QCOMPARE(markers, QList<qint64>{newest});
        for (const auto &args : customers)
            for (const auto &c : args.at(0).value<QList<models::Customer>>())
                QVERIFY2(c.id != m_customer || c.unread == 0, "the count came back");
        sync->stop();
    }

    void readingOnAnotherDesktopClearsTheCountHere()
    {
        auto observer = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(observer);
        auto sync = openSync();
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        QSignalSpy customers(sync.get(), &SyncService::customersChanged);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));
        const Text text = texts(*observer, QStringLiteral("+989121240002"), QStringLiteral("hello"));
        QVERIFY(text.customerId > 0);
        QTRY_COMPARE_WITH_TIMEOUT(lastAnnounced(customers, text.customerId), 1, kWaitMs);

        auto otherDesk = TestClient::signedIn(m_hub.url(), QStringLiteral("agent"));
        QVERIFY(otherDesk);
        QVERIFY(otherDesk->command(protocol::type::conversationRead,
                                   {{k("customer_id"), text.customerId},
                                    {k("up_to_id"), text.messageId}})
                    .seq > 0);
        QTRY_COMPARE_WITH_TIMEOUT(lastAnnounced(customers, text.customerId), 0, kWaitMs);
        sync->stop();
        QCOMPARE(openCache()->customer(text.customerId)->unread, 0);
    }

private:
    std::unique_ptr<cache::CacheStore> openCache()
    {
        return cache::testing::openOrDie(m_profile.filePath(QStringLiteral("cache.db")), m_key);
    }

    std::unique_ptr<SyncService> openSync()
    {
        return std::make_unique<SyncService>(openCache(), m_hub.url());
    }

    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_profile;
    QByteArray m_key = cache::testing::randomKey();
    int m_sms = 0;
    qint64 m_customer = 0;
};

QTEST_GUILESS_MAIN(TestSyncReadMarkers)
#include "tst_sync_read_markers.moc"
