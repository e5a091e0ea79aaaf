// SPDX-License-Identifier: GPL-3.0-or-later
// A written transaction cut into what the GUI takes in one turn.
#include "services/sync/show_chunks.h"

#include <QTest>

using namespace threadline;
using services::chunksForShowing;

namespace {
models::Message message(qint64 id, qint64 customerId)
{
    models::Message m;
    m.id = id;
    m.customerId = customerId;
    return m;
}

models::Customer customer(qint64 id)
{
    models::Customer c;
    c.id = id;
    return c;
}

QList<qint64> ids(const QList<models::Message> &messages)
{
    QList<qint64> out;
    for (const auto &m : messages)
        out.append(m.id);
    return out;
}

QList<qint64> ids(const QList<models::Customer> &customers)
{
    QList<qint64> out;
    for (const auto &c : customers)
        out.append(c.id);
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

class TestShowChunks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aTransactionWithinAChunkIsShownWhole()
    {
        cache::CacheWrite w;
        w.customers = {customer(1)};
        w.messages = {message(10, 1), message(11, 1)};
        w.statuses = {{10, {}, QStringLiteral("delivered"), {}}};
        w.merges = {{1, 2, false}};
        w.lastSeq = 44;
        const auto chunks = chunksForShowing(w, 3);
        QCOMPARE(chunks.size(), 1);
        QCOMPARE(ids(chunks[0].messages), QList<qint64>({10, 11}));
        QCOMPARE(chunks[0].statuses.size(), 1);
        QCOMPARE(chunks[0].customers.size(), 1);
        QCOMPARE(chunks[0].merges.size(), 1);
        QVERIFY(!chunks[0].lastSeq); // the seq belongs to the write, not to the screen
    }

    void aBurstIsCutInStreamOrderMessagesThenStatuses()
    {
        cache::CacheWrite w;
        for (int i = 1; i <= 5; ++i)
            w.messages.append(message(i, 1));
        w.statuses = {{1, {}, QStringLiteral("delivered"), {}}, {2, {}, QStringLiteral("read"), {}}};
        const auto chunks = chunksForShowing(w, 3);
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(ids(chunks[0].messages), QList<qint64>({1, 2, 3}));
        QCOMPARE(ids(chunks[1].messages), QList<qint64>({4, 5}));
        QCOMPARE(chunks[1].statuses.size(), 1);
        QCOMPARE(chunks[1].statuses[0].status, QStringLiteral("delivered"));
        QVERIFY(chunks[2].messages.isEmpty());
        QCOMPARE(chunks[2].statuses.size(), 1);
        QCOMPARE(chunks[2].statuses[0].status, QStringLiteral("read"));
    }

    void aCustomerComesWithTheChunkOfTheirFirstMessage()
    {
        cache::CacheWrite w;
        // Customer 7 writes in the first and the last chunk, 8 only in the second;
        // 9 changed without a message (an assignment, say).
        w.messages = {message(1, 7), message(2, 7), message(3, 8), message(4, 7)};
        w.customers = {customer(9), customer(8), customer(7)};
        const auto chunks = chunksForShowing(w, 2);
        QCOMPARE(chunks.size(), 2);
        QCOMPARE(ids(chunks[0].customers), QList<qint64>({7, 9}));
        QCOMPARE(ids(chunks[1].customers), QList<qint64>({8}));
    }

    void mergesAreShownAfterEverythingWrittenBeforeThem()
    {
        cache::CacheWrite w;
        for (int i = 1; i <= 4; ++i)
            w.messages.append(message(i, 1));
        w.merges = {{1, 2, false}};
        const auto chunks = chunksForShowing(w, 2);
        QCOMPARE(chunks.size(), 2);
        QVERIFY(chunks[0].merges.isEmpty());
        QCOMPARE(chunks[1].merges.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestShowChunks)
#include "tst_show_chunks.moc"
