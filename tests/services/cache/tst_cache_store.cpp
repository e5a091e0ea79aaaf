// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache_test_support.h"
#include "services/cache/cache_store.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

constexpr qint64 kCustomer = 42;

QStringList keysOf(const QList<models::Message> &items)
{
    QStringList keys;
    for (const auto &m : items)
        keys.append(m.key());
    return keys;
}

} // namespace

class TestCacheStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_key = randomKey();
        m_store = reopen();
        QVERIFY(m_store);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void customersAndMessagesInPersianAndArabicSurviveARoundTrip()
    {
        models::Customer c = customer(kCustomer, QStringLiteral("زهرا احمدی"), 5000);
        c.lastPreview = QStringLiteral("سفارشم کی می‌رسه؟");
        models::Message m =
            hubMessage(11, kCustomer, 5000, QStringLiteral("سفارشم کی می‌رسه؟"));
        m.subject = QStringLiteral("استعلام سفارش");
        m.quoted = QStringLiteral("شكراً جزيلاً، متى يصل الطلب؟");
        m.meta = QJsonObject{{QStringLiteral("number"), QStringLiteral("۱۲۳۴")},
                             {QStringLiteral("duration_s"), 75}};
        m.delivery = models::Delivery::Delivered;
        CacheWrite w;
        w.customers = {c};
        w.messages = {m};
        QVERIFY(!m_store->write(w));

        m_store = reopen(); // from disk, not from memory
        const auto back = m_store->customer(kCustomer);
        QVERIFY(back);
        QCOMPARE(back->name, c.name);
        QCOMPARE(back->identities, c.identities);
        QCOMPARE(back->lastPreview, c.lastPreview);
        QCOMPARE(back->lastAt, c.lastAt);
        QCOMPARE(back->unread, c.unread);
        QCOMPARE(back->itemCount, c.itemCount);
        QCOMPARE(back->assignee, c.assignee);

        const auto page = m_store->page(kCustomer, 0, 0, 50);
        QCOMPARE(page.items.size(), 1);
        const auto &got = page.items.first();
        QCOMPARE(got.id, m.id);
        QCOMPARE(got.body, m.body);
        QCOMPARE(got.subject, m.subject);
        QCOMPARE(got.quoted, m.quoted);
        QCOMPARE(got.meta, m.meta);
        QCOMPARE(got.delivery, models::Delivery::Delivered);
        QCOMPARE(got.identity, m.identity);
        QCOMPARE(got.at, m.at);
        QVERIFY(!m_store->customer(9999));
    }

    void customersAreListedMostRecentFirst()
    {
        CacheWrite w;
        w.customers = {customer(1, QStringLiteral("علی"), 100),
                       customer(2, QStringLiteral("مریم"), 300),
                       customer(3, QStringLiteral("سارا"), 200)};
        QVERIFY(!m_store->write(w));
        QList<qint64> ids;
        for (const auto &c : m_store->customers())
            ids.append(c.id);
        QCOMPARE(ids, (QList<qint64>{2, 3, 1}));
    }

    void aLocalEchoIsReplacedByItsConfirmedMessageInTheSamePlace()
    {
        CacheWrite before;
        before.messages = {hubMessage(1, kCustomer, 1000, QStringLiteral("سلام")),
                           hubMessage(2, kCustomer, 3000, QStringLiteral("هنوز منتظرم"))};
        QVERIFY(!m_store->write(before));
        QVERIFY(!m_store->addToOutbox(
            localEcho(QStringLiteral("c-1"), kCustomer, 2000,
                      QStringLiteral("الان بررسی می‌کنم")),
            QStringLiteral("message.send"),
            {{QStringLiteral("body"), QStringLiteral("الان بررسی می‌کنم")}}));
        QCOMPARE(keysOf(m_store->page(kCustomer, 0, 0, 10).items),
                 (QStringList{QStringLiteral("2"), QStringLiteral("c:c-1"), QStringLiteral("1")}));
        QCOMPARE(m_store->page(kCustomer, 0, 0, 10).items.at(1).delivery,
                 models::Delivery::Pending);
        QCOMPARE(m_store->outbox().size(), 1);

        // The hub stamps its own, later time; the item must not jump past message 2.
        models::Message confirmed =
            hubMessage(77, kCustomer, 3500, QStringLiteral("الان بررسی می‌کنم"));
        confirmed.clientId = QStringLiteral("c-1");
        confirmed.direction = QStringLiteral("out");
        confirmed.delivery = models::Delivery::Sent;
        CacheWrite ack;
        ack.messages = {confirmed};
        QVERIFY(!m_store->write(ack));

        const auto items = m_store->page(kCustomer, 0, 0, 10).items;
        QCOMPARE(keysOf(items),
                 (QStringList{QStringLiteral("2"), QStringLiteral("77"), QStringLiteral("1")}));
        QCOMPARE(items.at(1).clientId, QStringLiteral("c-1"));
        QCOMPARE(items.at(1).delivery, models::Delivery::Sent);
        QCOMPARE(items.at(1).at, 3500); // the hub's time is what is shown
        QVERIFY(m_store->outbox().isEmpty());

        // The same event replayed changes nothing.
        QVERIFY(!m_store->write(ack));
        QCOMPARE(m_store->page(kCustomer, 0, 0, 10).items.size(), 3);
    }

    void aFailedWriteLeavesTheDataAndTheLastSeqUnchanged()
    {
        CacheWrite first;
        first.customers = {customer(1, QStringLiteral("علی"), 100)};
        first.lastSeq = 10;
        QVERIFY(!m_store->write(first));
        QCOMPARE(m_store->lastSeq(), 10);

        CacheWrite broken;
        broken.customers = {customer(2, QStringLiteral("مریم"), 300)};
        broken.messages = {hubMessage(5, kCustomer, 1, QStringLiteral("ok")),
                           hubMessage(0, kCustomer, 2, QStringLiteral("no hub id"))};
        broken.lastSeq = 11;
        const auto error = m_store->write(broken);
        QVERIFY(error);
        QCOMPARE(error->code, errc::invalid.toString());

        m_store = reopen();
        QCOMPARE(m_store->lastSeq(), 10);
        QVERIFY(!m_store->customer(2));
        QVERIFY(m_store->page(kCustomer, 0, 0, 10).items.isEmpty());

        CacheWrite next;
        next.lastSeq = 11;
        QVERIFY(!m_store->write(next));
        QCOMPARE(m_store->lastSeq(), 11);
    }

    void pagingNewestFirstVisitsEveryItemExactlyOnce()
    {
        constexpr int count = 10000;
        CacheWrite w;
        for (int i = 1; i <= count; ++i) // three items share each millisecond
            w.messages.append(
                hubMessage(i, kCustomer, 1'700'000'000'000 + i / 3, QStringLiteral("m")));
        w.messages.append(
            hubMessage(count + 1, kCustomer + 1, 1'800'000'000'000, QStringLiteral("other")));
        QVERIFY(!m_store->write(w));

        QSet<qint64> seen;
        qint64 at = 0, row = 0, previousAt = std::numeric_limits<qint64>::max();
        int pages = 0;
        for (;;) {
            const ThreadPage p = m_store->page(kCustomer, at, row, 50);
            ++pages;
            for (const auto &m : p.items) {
                QVERIFY2(!seen.contains(m.id), qPrintable(QString::number(m.id)));
                QVERIFY(m.at <= previousAt);
                QCOMPARE(m.customerId, kCustomer);
                previousAt = m.at;
                seen.insert(m.id);
            }
            if (p.reachedOldestCached)
                break;
            QCOMPARE(p.items.size(), 50);
            at = p.cursorAt;
            row = p.cursorRow;
        }
        QCOMPARE(seen.size(), count);
        QCOMPARE(pages, count / 50);
        QVERIFY(!m_store->lastError());
    }

    void replacingRecentHistoryKeepsPendingAndFailedEchoes()
    {
        CacheWrite w;
        for (int i = 1; i <= 5; ++i)
            w.messages.append(hubMessage(i, kCustomer, i * 100, QStringLiteral("old")));
        w.messages.append(hubMessage(99, kCustomer + 1, 50, QStringLiteral("someone else")));
        QVERIFY(!m_store->write(w));
        QVERIFY(!m_store->addToOutbox(
            localEcho(QStringLiteral("p"), kCustomer, 600, QStringLiteral("در راه")),
            QStringLiteral("message.send"), {}));
        QVERIFY(!m_store->addToOutbox(
            localEcho(QStringLiteral("f"), kCustomer, 700, QStringLiteral("رد شد")),
            QStringLiteral("message.send"), {}));
        QVERIFY(!m_store->failOutboxItem(QStringLiteral("f"), QStringLiteral("forbidden")));
        QVERIFY(!m_store->historyFresh(kCustomer));

        QVERIFY(
            !m_store->replaceRecentHistory(kCustomer,
                                           {hubMessage(5, kCustomer, 500, QStringLiteral("new")),
                                            hubMessage(4, kCustomer, 400, QStringLiteral("new"))},
                                           false));
        QCOMPARE(keysOf(m_store->page(kCustomer, 0, 0, 50).items),
                 (QStringList{QStringLiteral("c:f"), QStringLiteral("c:p"), QStringLiteral("5"),
                              QStringLiteral("4")}));
        QCOMPARE(m_store->page(kCustomer, 0, 0, 50).items.at(2).body, QStringLiteral("new"));
        QCOMPARE(m_store->outbox().size(), 1);
        QCOMPARE(m_store->page(kCustomer + 1, 0, 0, 50).items.size(), 1); // untouched
        QVERIFY(m_store->historyFresh(kCustomer));
        QVERIFY(!m_store->historyComplete(kCustomer));
    }

    void historyBookkeepingFollowsFetchesAndResyncs()
    {
        QVERIFY(!m_store->replaceRecentHistory(
            kCustomer, {hubMessage(9, kCustomer, 900, QStringLiteral("x"))}, false));
        QVERIFY(m_store->historyFresh(kCustomer));
        QVERIFY(!m_store->appendOlderHistory(kCustomer,
                                             {hubMessage(3, 0, 300, QStringLiteral("y"))}, true));
        QVERIFY(m_store->historyComplete(kCustomer));
        QCOMPARE(m_store->page(kCustomer, 0, 0, 50).items.size(), 2);

        QVERIFY(!m_store->markAllHistoryStale());
        QVERIFY(!m_store->historyFresh(kCustomer));
        QVERIFY(m_store->historyComplete(kCustomer)); // what is cached is still all there is

        const auto wrongOwner = m_store->appendOlderHistory(
            kCustomer, {hubMessage(2, kCustomer + 1, 200, QStringLiteral("z"))}, true);
        QVERIFY(wrongOwner);
        QCOMPARE(m_store->page(kCustomer + 1, 0, 0, 50).items.size(), 0);
    }

    void theOutboxKeepsOrderCountsAttemptsAndFailsWithAReason()
    {
        for (int i = 1; i <= 3; ++i)
            QVERIFY(!m_store->addToOutbox(localEcho(QStringLiteral("c-%1").arg(i), kCustomer,
                                                    100 * i, QStringLiteral("متن %1").arg(i)),
                                          QStringLiteral("message.send"),
                                          {{QStringLiteral("n"), i}}));
        const auto duplicate = m_store->addToOutbox(
            localEcho(QStringLiteral("c-1"), kCustomer, 1, {}), QStringLiteral("message.send"), {});
        QVERIFY(duplicate);
        QCOMPARE(duplicate->code, errc::constraint.toString());

        QVERIFY(!m_store->markOutboxAttempt(QStringLiteral("c-2"), QStringLiteral("timeout")));
        QVERIFY(!m_store->markOutboxAttempt(QStringLiteral("c-2"), QStringLiteral("offline")));
        QCOMPARE(m_store->markOutboxAttempt(QStringLiteral("nope"), {})->code,
                 errc::notFound.toString());

        m_store = reopen();
        auto items = m_store->outbox();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).clientId, QStringLiteral("c-1"));
        QCOMPARE(items.at(0).commandData.value(QLatin1String("n")).toInt(), 1);
        QCOMPARE(items.at(0).createdAt, 100);
        QCOMPARE(items.at(1).attempts, 2);
        QCOMPARE(items.at(1).lastError, QStringLiteral("offline"));

        QVERIFY(
            !m_store->failOutboxItem(QStringLiteral("c-2"), QStringLiteral("customer_opted_out")));
        QCOMPARE(m_store->outbox().size(), 2);
        const auto thread = m_store->page(kCustomer, 0, 0, 10).items;
        QCOMPARE(thread.at(1).clientId, QStringLiteral("c-2"));
        QCOMPARE(thread.at(1).delivery, models::Delivery::Failed);
        QCOMPARE(thread.at(1).failureReason, QStringLiteral("customer_opted_out"));
        QCOMPARE(m_store->failOutboxItem(QStringLiteral("nope"), {})->code,
                 errc::notFound.toString());
    }

    void deliveryStatusesApplyByHubIdOrByClientId()
    {
        CacheWrite w;
        w.messages = {hubMessage(1, kCustomer, 100, QStringLiteral("a"))};
        QVERIFY(!m_store->write(w));
        QVERIFY(!m_store->addToOutbox(
            localEcho(QStringLiteral("e"), kCustomer, 200, QStringLiteral("b")),
            QStringLiteral("message.send"), {}));
        CacheWrite statuses;
        statuses.statuses = {{1, {}, QStringLiteral("failed"), QStringLiteral("carrier_rejected")},
                             {0, QStringLiteral("e"), QStringLiteral("queued"), {}},
                             {1, {}, QStringLiteral("teleported"), {}}}; // unknown: ignored
        QVERIFY(!m_store->write(statuses));
        const auto items = m_store->page(kCustomer, 0, 0, 10).items;
        QCOMPARE(items.at(0).delivery, models::Delivery::Queued);
        QCOMPARE(items.at(1).delivery, models::Delivery::Failed);
        QCOMPARE(items.at(1).failureReason, QStringLiteral("carrier_rejected"));
    }

    void aDraftSurvivesReopeningAndAnEmptyOneIsForgotten()
    {
        models::Draft d;
        d.customerId = kCustomer;
        d.channel = QStringLiteral("email");
        d.identity = QStringLiteral("zahra@example.ir");
        d.subject = QStringLiteral("Re: سفارش ۱۰۰۱");
        d.body = QStringLiteral("سلام، بسته شما فردا");
        d.updatedAt = 1234;
        QVERIFY(!m_store->saveDraft(d));
        m_store.reset();
        m_store = reopen();
        QCOMPARE(m_store->drafts(), QList<models::Draft>{d});
        d.body = QStringLiteral("  ");
        QVERIFY(!m_store->saveDraft(d));
        QVERIFY(m_store->drafts().isEmpty());
    }

    void retentionForgetsOldConfirmedItemsButNeverTheOutbox()
    {
        CacheWrite w;
        w.messages = {hubMessage(1, kCustomer, 1000, QStringLiteral("old")),
                      hubMessage(2, kCustomer, 9000, QStringLiteral("new"))};
        QVERIFY(!m_store->write(w));
        QVERIFY(!m_store->replaceRecentHistory(kCustomer, {w.messages.at(1), w.messages.at(0)}, true));
        models::Message echo;
        echo.clientId = QStringLiteral("old-echo");
        echo.customerId = kCustomer;
        echo.channel = QStringLiteral("note");
        echo.direction = QStringLiteral("internal");
        echo.body = QStringLiteral("written offline long ago");
        echo.at = 500;
        echo.delivery = models::Delivery::Pending;
        QVERIFY(!m_store->addToOutbox(echo, QStringLiteral("add_note"), {}));
        QVERIFY(m_store->historyComplete(kCustomer));

        QVERIFY(!m_store->forgetOlderThan(5000));
        QStringList bodies;
        for (const auto &m : m_store->page(kCustomer, 0, 0, 50).items)
            bodies.append(m.body);
        QCOMPARE(bodies, (QStringList{QStringLiteral("new"), QStringLiteral("written offline long ago")}));
        QCOMPARE(m_store->outbox().size(), 1);
        QVERIFY(!m_store->historyComplete(kCustomer)); // older pages come from the hub again
    }

    void statsCountRowsAndAHealthyCacheVerifies()
    {
        CacheWrite w;
        w.customers = {customer(1, QStringLiteral("علی"), 100)};
        w.messages = {hubMessage(1, 1, 100, QStringLiteral("a")),
                      hubMessage(2, 1, 200, QStringLiteral("b"))};
        w.lastSeq = 1234;
        QVERIFY(!m_store->write(w));
        const auto st = m_store->stats();
        QCOMPARE(st.rowsPerTable.value(QStringLiteral("customers")), 1);
        QCOMPARE(st.rowsPerTable.value(QStringLiteral("messages")), 2);
        QCOMPARE(st.rowsPerTable.value(QStringLiteral("outbox")), 0);
        QCOMPARE(st.lastSeq, 1234);
        QVERIFY(st.fileBytes >= 4096);
        QVERIFY(!st.cipherVersion.isEmpty());
        const auto problem = m_store->verify();
        QVERIFY2(!problem, problem ? qPrintable(problem->message) : "");
    }

private:
    std::unique_ptr<CacheStore> reopen()
    {
        m_store.reset(); // close before opening again
        auto r = CacheStore::open(m_dir->filePath(QStringLiteral("cache.db")), m_key);
        if (auto *e = std::get_if<CacheError>(&r)) {
            qWarning("open failed: %s %s", qPrintable(e->code), qPrintable(e->message));
            return nullptr;
        }
        return std::move(std::get<std::unique_ptr<CacheStore>>(r));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_key;
    std::unique_ptr<CacheStore> m_store;
};

QTEST_GUILESS_MAIN(TestCacheStore)
#include "tst_cache_store.moc"
