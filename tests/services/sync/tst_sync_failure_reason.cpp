// SPDX-License-Identifier: GPL-3.0-or-later
// A reply that failed while this desktop was not listening still says why once the
// desktop resyncs, against a real hub on loopback: the hub keeps the reason with the
// message and the thread page the desktop caches carries it ("Failed: reason" on screen).
#include "services/protocol/frame_types.h"
#include "tests/services/sync/sync_profile.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QSignalSpy>
#include <QTest>

using namespace threadline;
using services::SyncService;
using testing::HubProcess;
using testing::TestClient;

namespace {
constexpr int kWaitMs = 20000;

QString k(const char *s)
{
    return QString::fromLatin1(s);
}
} // namespace

class TestSyncFailureReason : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        testing::SyncProfile::registerTypes();
        // The demo hub has no SMS provider: an SMS reply fails at once, with a reason.
        QVERIFY(m_hub.start(true));
        QVERIFY(m_profile.isValid());
    }

    void aReplyThatFailedBeforeThisDesktopResyncedShowsItsReason()
    {
        auto colleague = TestClient::signedIn(m_hub.url(), k("agent"));
        QVERIFY(colleague);
        const auto ack = colleague->command(protocol::type::sendMessage,
                                            {{k("customer_id"), 3},
                                             {k("channel"), k("sms")},
                                             {k("body"), k("Your parcel is on its way")}});
        QCOMPARE(ack.type, protocol::type::ack);
        const qint64 id = ack.data.value(k("message")).toObject().value(k("id")).toInteger();
        const auto failed = colleague->waitForEvent(
            protocol::type::messageStatus,
            [id](const protocol::Envelope &e) { return e.data.value(k("message_id")).toInteger() == id; });
        QVERIFY(failed);
        QCOMPARE(failed->data.value(k("status")).toString(), k("failed"));
        const QString reason = failed->data.value(k("reason")).toString();
        QVERIFY(!reason.isEmpty());

        // This desktop never saw the event: it starts with nothing and resyncs.
        auto sync = m_profile.openSync(m_hub.url());
        QSignalSpy resynced(sync.get(), &SyncService::resynced);
        sync->start(k("agent"), k("demo"), QString());
        QVERIFY(resynced.wait(kWaitMs));
        QSignalSpy pages(sync.get(), &SyncService::pageReady);
        sync->requestPage(3, 0, 0, 50);
        QVERIFY(pages.wait(kWaitMs));
        const auto items = pages.last().at(1).value<QList<models::Message>>();
        const auto it = std::find_if(items.cbegin(), items.cend(),
                                     [id](const models::Message &m) { return m.id == id; });
        QVERIFY(it != items.cend());
        QCOMPARE(it->delivery, models::Delivery::Failed);
        QCOMPARE(it->failureReason, reason);
        sync.reset();

        // Kept in the cache: offline, the thread still says why.
        auto cache = m_profile.openCache();
        bool found = false;
        for (const auto &m : cache->page(3, 0, 0, 50).items)
            if (m.id == id) {
                found = true;
                QCOMPARE(m.failureReason, reason);
            }
        QVERIFY(found);
    }

private:
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    testing::SyncProfile m_profile;
};

QTEST_GUILESS_MAIN(TestSyncFailureReason)
#include "tst_sync_failure_reason.moc"
