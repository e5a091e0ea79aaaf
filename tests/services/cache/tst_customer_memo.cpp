// SPDX-License-Identifier: GPL-3.0-or-later
// The customers CacheStore keeps in memory between the writes of a burst: whatever it
// answers from memory is what the file holds, after failed writes, merges, renames and
// a reopen.
#include "cache_test_support.h"
#include "services/cache/cache_store.h"
#include "services/cache/customer_memo.h"

#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

QList<qint64> customersFound(CacheStore &store, const QString &query)
{
    QList<qint64> ids;
    for (const auto &hit : store.searchCustomers(query, 20))
        ids.append(hit.customerId);
    return ids;
}

/// What a message does to its customer's summary, as SyncService does it.
models::Customer afterActivity(models::Customer c, qint64 at, const QString &preview)
{
    c.lastAt = at;
    c.lastPreview = preview;
    ++c.itemCount;
    ++c.unread;
    return c;
}

} // namespace

class TestCustomerMemo : public QObject {
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

    void aStagedRowCountsOnlyOnceCommitted()
    {
        CustomerMemo memo;
        memo.remember(customer(1, QStringLiteral("علی"), 100));
        memo.stage(customer(1, QStringLiteral("علی رضایی"), 200));
        QCOMPARE(memo.find(1)->name, QStringLiteral("علی رضایی")); // the write under way sees it
        memo.rollback();
        QCOMPARE(memo.find(1)->name, QStringLiteral("علی"));
        memo.stage(customer(1, QStringLiteral("علی رضایی"), 200));
        memo.commit();
        memo.rollback(); // nothing staged any more
        QCOMPARE(memo.find(1)->name, QStringLiteral("علی رضایی"));
        memo.forget(1);
        QVERIFY(!memo.find(1));
    }

    void aFullMemoStartsAgainAndStillAnswersTheNewest()
    {
        CustomerMemo memo;
        for (qint64 id = 1; id <= 10'001; ++id)
            memo.remember(customer(id, QStringLiteral("c"), id));
        QCOMPARE(memo.find(10'001)->lastAt, 10'001);
        QVERIFY(!memo.find(1)); // read from the file again when asked
    }

    void activityWrittenFromMemoryIsWhatTheFileHolds()
    {
        models::Customer c = customer(1, QStringLiteral("زهرا احمدی"), 100);
        QVERIFY(!write({c}));
        for (int i = 1; i <= 5; ++i) {
            auto known = m_store->customer(1); // from memory after the first
            QVERIFY(known);
            c = afterActivity(*known, 100 + i, QStringLiteral("پیام %1").arg(i));
            QVERIFY(!write({c}));
        }
        QCOMPARE(*m_store->customer(1), c);
        m_store = reopen(); // from the file, not from memory
        QCOMPARE(*m_store->customer(1), c);
    }

    void aFailedWriteLeavesTheRememberedCustomerAsTheFileHasIt()
    {
        const models::Customer before = customer(1, QStringLiteral("علی"), 100);
        QVERIFY(!write({before}));
        QCOMPARE(*m_store->customer(1), before);

        CacheWrite broken;
        broken.customers = {afterActivity(before, 200, QStringLiteral("never stored"))};
        broken.messages = {hubMessage(0, 1, 200, QStringLiteral("no hub id"))};
        QVERIFY(m_store->write(broken));
        QCOMPARE(*m_store->customer(1), before);

        // And the next write is judged against the row as it is, not as it was staged.
        models::Customer renamed = before;
        renamed.name = QStringLiteral("علی رضایی");
        QVERIFY(!write({renamed}));
        QCOMPARE(customersFound(*m_store, QStringLiteral("رضایی")), (QList<qint64>{1}));
    }

    void aFailedCommitOnAFullDiskLeavesNothingStale()
    {
        const models::Customer before = customer(1, QStringLiteral("علی"), 100);
        QVERIFY(!write({before}));
        QCOMPARE(*m_store->customer(1), before);
        QVERIFY(!m_store->capSizeForTesting(0));
        CacheWrite big;
        big.customers = {afterActivity(before, 200, QStringLiteral("never stored"))};
        for (int i = 1; i <= 200; ++i)
            big.messages.append(hubMessage(i, 1, 200 + i, QString(2000, QLatin1Char('y'))));
        const auto error = m_store->write(big);
        QVERIFY(error);
        QCOMPARE(error->code, errc::diskFull.toString());
        QCOMPARE(*m_store->customer(1), before);
        QVERIFY(!m_store->capSizeForTesting(-1));
    }

    void aRenameAfterRememberedActivityReachesTheSearchIndex()
    {
        models::Customer c = customer(1, QStringLiteral("مریم"), 100);
        QVERIFY(!write({c}));
        c = afterActivity(*m_store->customer(1), 200, QStringLiteral("سلام"));
        QVERIFY(!write({c}));
        c.name = QStringLiteral("نرگس");
        c.identities.append({QStringLiteral("email"), QStringLiteral("narges@example.ir")});
        QVERIFY(!write({c}));
        QCOMPARE(customersFound(*m_store, QStringLiteral("نرگس")), (QList<qint64>{1}));
        QCOMPARE(customersFound(*m_store, QStringLiteral("narges@example.ir")), (QList<qint64>{1}));
        QVERIFY(customersFound(*m_store, QStringLiteral("مریم")).isEmpty());
        m_store = reopen();
        QCOMPARE(*m_store->customer(1), c);
    }

    void aCustomerMergedAwayOrForgottenIsGoneAtOnce()
    {
        QVERIFY(!write({customer(1, QStringLiteral("علی"), 100), customer(2, QStringLiteral("Ali"), 90),
                        customer(3, QStringLiteral("سارا"), 80)}));
        QVERIFY(m_store->customer(2));
        QVERIFY(m_store->customer(3));
        CacheWrite merge;
        merge.merges = {{1, 2, false}};
        QVERIFY(!m_store->write(merge));
        QVERIFY(!m_store->customer(2));
        QVERIFY(m_store->customer(1));

        QVERIFY(!m_store->forgetCustomers({3}));
        QVERIFY(!m_store->customer(3));

        // Written again after it was dropped: a new row, found by search again.
        QVERIFY(!write({customer(2, QStringLiteral("Ali"), 95)}));
        QCOMPARE(m_store->customer(2)->lastAt, 95);
        QCOMPARE(customersFound(*m_store, QStringLiteral("Ali")), (QList<qint64>{2}));
    }

private:
    std::optional<CacheError> write(const QList<models::Customer> &customers)
    {
        CacheWrite w;
        w.customers = customers;
        return m_store->write(w);
    }

    std::unique_ptr<CacheStore> reopen()
    {
        m_store.reset(); // close before opening again
        return openOrDie(m_dir->filePath(QStringLiteral("cache.db")), m_key);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_key;
    std::unique_ptr<CacheStore> m_store;
};

QTEST_GUILESS_MAIN(TestCustomerMemo)
#include "tst_customer_memo.moc"
