// SPDX-License-Identifier: GPL-3.0-or-later
// Canned responses a colleague changes reach this desktop live, against a real hub on
// loopback: canned.upserted / canned.deleted update the cache and the list the composer's
// "/" and Settings show, a change made while this desktop was away arrives with the replay,
// and the cache's list is there at the next start before the hub answers.
#include "services/protocol/frame_types.h"
#include "tests/services/sync/sync_profile.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
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

/// The response with this id in the latest list the desktop was given, or nothing.
std::optional<QJsonObject> inLatest(const QSignalSpy &lists, qint64 id)
{
    if (lists.isEmpty())
        return std::nullopt;
    for (const QJsonValue &v : lists.last().at(0).toJsonArray())
        if (v.toObject().value(k("id")).toInteger() == id)
            return v.toObject();
    return std::nullopt;
}
} // namespace

class TestSyncCannedEvents : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        testing::SyncProfile::registerTypes();
        QVERIFY(m_hub.start(true));
        QVERIFY(m_profile.isValid());
        m_supervisor = TestClient::signedIn(m_hub.url(), k("supervisor"));
        QVERIFY(m_supervisor);
    }

    void aColleaguesNewEditedAndDeletedResponseShowsAtOnce()
    {
        auto sync = openSync();
        QSignalSpy lists(sync.get(), &SyncService::cannedResponses);
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        sync->start(k("agent"), k("demo"), QString());
        QVERIFY(signedIn.wait(kWaitMs));
        sync->refreshCanned();
        QTRY_VERIFY_WITH_TIMEOUT(lists.size() >= 2, kWaitMs); // the cache's (empty), the hub's
        const qsizetype demoCount = lists.last().at(0).toJsonArray().size();
        QVERIFY(demoCount > 0);

        const qint64 id = save({{k("title"), k("Pickup hours")},
                                {k("language"), k("en")},
                                {k("body"), k("Hi {customer_name}, pick up 9-21.")}});
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(inLatest(lists, id).has_value(), kWaitMs);
        QCOMPARE(inLatest(lists, id)->value(k("body")).toString(),
                 k("Hi {customer_name}, pick up 9-21."));
        QCOMPARE(lists.last().at(0).toJsonArray().size(), demoCount + 1);

        QCOMPARE(save({{k("id"), id},
                       {k("title"), k("Pickup hours")},
                       {k("language"), k("en")},
                       {k("body"), k("Hi {customer_name}, pick up 9-22 now.")}}),
                 id);
        QTRY_COMPARE_WITH_TIMEOUT(inLatest(lists, id)->value(k("body")).toString(),
                                  k("Hi {customer_name}, pick up 9-22 now."), kWaitMs);
        QCOMPARE(lists.last().at(0).toJsonArray().size(), demoCount + 1); // replaced, not added

        QCOMPARE(m_supervisor->command(protocol::type::cannedDelete, {{k("id"), id}}).type,
                 protocol::type::ack);
        QTRY_VERIFY_WITH_TIMEOUT(!inLatest(lists, id).has_value(), kWaitMs);
        QCOMPARE(lists.last().at(0).toJsonArray().size(), demoCount);
        m_demoCount = demoCount;
    }

    void aChangeMadeWhileThisDesktopWasAwayArrivesWithTheReplayAndIsKept()
    {
        QVERIFY(m_demoCount > 0);
        // Made while no desktop of this profile runs.
        const qint64 id = save({{k("title"), k("سلام و خوش‌آمد")},
                                {k("language"), k("fa")},
                                {k("body"), k("سلام {customer_name} عزیز")}});
        QVERIFY(id > 0);
        {
            auto sync = openSync();
            QSignalSpy lists(sync.get(), &SyncService::cannedResponses);
            sync->start(k("agent"), k("demo"), QString());
            // Not asked for: the replayed canned.upserted brings it.
            QTRY_VERIFY_WITH_TIMEOUT(inLatest(lists, id).has_value(), kWaitMs);
            QCOMPARE(lists.last().at(0).toJsonArray().size(), m_demoCount + 1);
        }
        // The next start shows the cache's list at once, before any hub answers.
        auto next = openSync();
        QSignalSpy lists(next.get(), &SyncService::cannedResponses);
        next->start(k("agent"), k("demo"), QString());
        QVERIFY(!lists.isEmpty());
        QCOMPARE(inLatest(lists, id)->value(k("body")).toString(), k("سلام {customer_name} عزیز"));
        QCOMPARE(lists.first().at(0).toJsonArray().size(), m_demoCount + 1);
    }

private:
    qint64 save(const QJsonObject &data)
    {
        const auto ack = m_supervisor->command(protocol::type::cannedSave, data);
        return ack.data.value(k("canned")).toObject().value(k("id")).toInteger();
    }

    std::unique_ptr<SyncService> openSync() { return m_profile.openSync(m_hub.url()); }

    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    testing::SyncProfile m_profile;
    std::unique_ptr<TestClient> m_supervisor;
    qsizetype m_demoCount = 0;
};

QTEST_GUILESS_MAIN(TestSyncCannedEvents)
#include "tst_sync_canned_events.moc"
