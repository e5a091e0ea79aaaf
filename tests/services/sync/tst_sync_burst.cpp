// SPDX-License-Identifier: GPL-3.0-or-later
// A desktop that comes back to thousands of missed items: the replay is written in a
// few big transactions and reaches the models in chunks, one per turn of the GUI
// thread's event loop, in stream order, each item once. A page asked for mid-burst
// shows nothing the stream has not announced yet.
#include "services/protocol/frame_types.h"
#include "services/protocol/envelope.h"
#include "services/sync/sync_service.h"
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
constexpr int kWaitMs = 60000;
constexpr int kMissed = 2500; // more than two chunks of 1,000
} // namespace

class TestSyncBurst : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        testing::SyncProfile::registerTypes();
        QVERIFY(m_hub.start(true));
        QVERIFY(m_hub.addUser(QStringLiteral("colleague"), QStringLiteral("agent"),
                              QStringLiteral("pw")));
        QVERIFY(m_profile.isValid());
    }

    void aReplayOfThousandsReachesTheModelsInOrderOneChunkPerTurn()
    {
        qint64 customerId = 0;
        {
            auto sync = m_profile.openSync(m_hub.url());
            QSignalSpy customers(sync.get(), &SyncService::customersChanged);
            QSignalSpy resynced(sync.get(), &SyncService::resynced);
            sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
            QVERIFY(resynced.wait(kWaitMs));
            customerId = customers.last().at(0).value<QList<models::Customer>>().first().id;
            // One event stored, so the next start resumes (a replay) instead of a resync.
            QSignalSpy messages(sync.get(), &SyncService::messagesChanged);
            QCOMPARE(writeNotes(customerId, 1).size(), 1);
            QVERIFY(messages.wait(kWaitMs));
        }
        const QList<qint64> missed = writeNotes(customerId, kMissed);
        QCOMPARE(missed.size(), kMissed);

        auto sync = m_profile.openSync(m_hub.url());
        // What the models see, as they would see it: each chunk, and after each one a
        // marker posted then, which runs at the GUI thread's next turn.
        QStringList turns;
        QList<qint64> shown;
        qsizetype largestChunk = 0;
        bool pageAsked = false;
        QList<qint64> pageItems;
        qint64 shownWhenPageCame = 0;
        connect(sync.get(), &SyncService::messagesChanged, this,
                [&](const QList<models::Message> &messages) {
                    largestChunk = std::max(largestChunk, messages.size());
                    for (const auto &m : messages)
                        if (m.customerId == customerId && m.id > 0)
                            shown.append(m.id);
                    turns.append(QStringLiteral("chunk"));
                    QMetaObject::invokeMethod(this, [&] { turns.append(QStringLiteral("turn")); },
                                              Qt::QueuedConnection);
                    // The agent opens the thread while the burst is being shown.
                    if (!std::exchange(pageAsked, true))
                        sync->requestPage(customerId, 0, 0, 50);
                });
        connect(sync.get(), &SyncService::pageReady, this,
                [&](qint64 id, const QList<models::Message> &newestFirst) {
                    if (id != customerId || !pageItems.isEmpty())
                        return;
                    for (const auto &m : newestFirst)
                        pageItems.append(m.id);
                    shownWhenPageCame = shown.isEmpty() ? 0 : shown.last();
                });
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= kMissed, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!pageItems.isEmpty(), kWaitMs);

        // Each item once, in the order the hub wrote them.
        QCOMPARE(shown, missed);
        QVERIFY2(largestChunk <= 1000, qPrintable(QString::number(largestChunk)));
        // At least one transaction held more than a chunk, and its chunks came a turn apart:
        // never two chunks in one turn.
        QVERIFY(largestChunk == 1000);
        for (qsizetype i = 1; i < turns.size(); ++i)
            QVERIFY2(!(turns[i] == QLatin1String("chunk") && turns[i - 1] == turns[i]),
                     qPrintable(turns.mid(0, i + 1).join(QLatin1Char(' '))));
        // The page came behind the chunks written before it: nothing on it is news.
        for (const qint64 id : std::as_const(pageItems))
            QVERIFY2(id <= shownWhenPageCame || !missed.contains(id),
                     qPrintable(QStringLiteral("%1 on the page before the stream showed it "
                                               "(shown up to %2)")
                                    .arg(id)
                                    .arg(shownWhenPageCame)));
    }

private:
    /// A colleague writes notes as fast as the hub takes them. Returns their ids in the
    /// hub's order.
    QList<qint64> writeNotes(qint64 customerId, int count)
    {
        TestClient colleague;
        if (!colleague.connectTo(m_hub.url())
            || colleague.hello(QStringLiteral("colleague"), QStringLiteral("pw")).type
                   != protocol::type::welcome)
            return {};
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            ids.append(TestClient::newId());
            colleague.sendText(QString::fromUtf8(protocol::encode(protocol::makeCommand(
                protocol::type::addNote, ids.last(),
                {{QStringLiteral("customer_id"), customerId},
                 {QStringLiteral("body"), QStringLiteral("Called the store, note %1").arg(i)}}))));
        }
        QList<qint64> written;
        for (const QString &id : std::as_const(ids)) {
            const auto ack = colleague.waitForAnswer(id);
            if (ack.type != protocol::type::ack)
                return {};
            written.append(ack.data.value(QStringLiteral("message"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toInteger());
        }
        return written;
    }

    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    testing::SyncProfile m_profile;
};

QTEST_GUILESS_MAIN(TestSyncBurst)
#include "tst_sync_burst.moc"
