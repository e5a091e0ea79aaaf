// SPDX-License-Identifier: GPL-3.0-or-later
// A desktop killed with SIGKILL while it writes: every reply it had stored is
// still there, the cache still opens, and each goes out exactly once.
#include "services/cache/cache_store.h"
#include "tests/services/cache/cache_test_support.h"
#include "services/protocol/frame_types.h"
#include "services/sync/sync_service.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;

class TestCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aDesktopKilledMidWriteLosesNoOutboxItem()
    {
        QTemporaryDir dir;
        const QByteArray key = cache::testing::randomKey();
        const QString cachePath = dir.filePath(QStringLiteral("cache.db"));
        QRandomGenerator random(20261125); // fixed: the same kill points every run

        QSet<QString> committed;
        int next = 0;
        for (int round = 0; round < 8; ++round) {
            QProcess child;
            child.start(QStringLiteral(OUTBOX_WRITER_CHILD),
                        {cachePath, QString::fromLatin1(key.toHex()), QString::number(next),
                         QStringLiteral("100000")});
            QVERIFY(child.waitForStarted());
            const int killAfter = random.bounded(5, 60);
            int seen = 0;
            while (seen < killAfter) {
                if (!child.canReadLine() && !child.waitForReadyRead(10000))
                    QFAIL(child.readAllStandardError().constData());
                while (child.canReadLine()) {
                    committed.insert(QString::fromLatin1(child.readLine().trimmed()));
                    ++seen;
                }
            }
            child.kill(); // SIGKILL: no destructor, no commit of what is in flight
            QVERIFY(child.waitForFinished());
            while (child.canReadLine())
                committed.insert(QString::fromLatin1(child.readLine().trimmed()));
            next += 100000;
        }

        auto opened = cache::CacheStore::open(cachePath, key);
        QVERIFY(std::holds_alternative<std::unique_ptr<cache::CacheStore>>(opened));
        auto store = std::move(std::get<std::unique_ptr<cache::CacheStore>>(opened));
        QVERIFY(!store->verify());
        QSet<QString> inOutbox;
        for (const auto &item : store->outbox())
            inOutbox.insert(item.clientId);
        QVERIFY2((committed - inOutbox).isEmpty(), "an acknowledged write was lost");

        // The hub comes back: each goes out once.
        testing::HubProcess hub{QStringLiteral(THREADLINE_HUB_BINARY)};
        QVERIFY(hub.start(true));
        services::SyncService sync(std::move(store), hub.url());
        QSignalSpy outbox(&sync, &services::SyncService::outboxChanged);
        sync.start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!outbox.isEmpty() && outbox.last().at(0).toInt() == 0, 60000);

        testing::TestClient client;
        QVERIFY(client.connectTo(hub.url()));
        QCOMPARE(client.hello(QStringLiteral("agent"), QStringLiteral("demo")).type,
                 protocol::type::welcome);
        QHash<QString, int> copies;
        qint64 before = 0;
        for (;;) {
            QJsonObject page{{QStringLiteral("customer_id"), 1}, {QStringLiteral("limit"), 500}};
            if (before)
                page.insert(QStringLiteral("before_id"), before);
            const auto answer = client.command(protocol::type::historyPage, page);
            const auto messages = answer.data.value(QStringLiteral("messages")).toArray();
            for (const auto &v : messages) {
                const QString id = v.toObject().value(QStringLiteral("client_id")).toString();
                if (id.startsWith(u"crash-"))
                    ++copies[id];
                before = v.toObject().value(QStringLiteral("id")).toInteger();
            }
            if (!answer.data.value(QStringLiteral("more")).toBool() || messages.isEmpty())
                break;
        }
        for (const QString &id : std::as_const(inOutbox))
            QCOMPARE(copies.value(id), 1);
        qInfo("%lld outbox items survived 8 kills and arrived once each",
              static_cast<long long>(inOutbox.size()));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
