// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache_test_support.h"
#include "services/cache/cache_store.h"
#include "services/cache/migrations.h"
#include "services/cache/search_tokens.h"
#include "services/cache/sqlcipher_database.h"
#include "services/text/search_folding.h"

#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {

std::unique_ptr<CacheStore> openStore(const QTemporaryDir &dir, const QByteArray &key)
{
    auto opened = CacheStore::open(dir.filePath(QStringLiteral("cache.db")), key);
    if (auto *e = std::get_if<CacheError>(&opened))
        qFatal("cache open failed: %s", qPrintable(e->message));
    return std::move(std::get<std::unique_ptr<CacheStore>>(opened));
}

CacheWrite customersOnly(const QList<models::Customer> &customers)
{
    CacheWrite w;
    w.customers = customers;
    return w;
}

CacheWrite messagesOnly(const QList<models::Message> &messages)
{
    CacheWrite w;
    w.messages = messages;
    return w;
}

CacheWrite statusOnly(const StatusUpdate &status)
{
    CacheWrite w;
    w.statuses = {status};
    return w;
}

QList<qint64> messageIds(const QList<models::SearchHit> &hits)
{
    QList<qint64> ids;
    for (const auto &h : hits)
        ids.append(h.messageId);
    return ids;
}

QStringList marked(const models::SearchHit &hit)
{
    QStringList words;
    for (const auto &r : hit.highlights)
        words.append(hit.snippet.mid(r.start, r.length));
    return words;
}

} // namespace

class TestCacheSearch : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<CacheStore> m_store;
    QByteArray m_key;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("cache.db")));
        m_key = randomKey();
        m_store = openStore(m_dir, m_key);
        QVERIFY(!m_store->write(customersOnly({customer(1, QStringLiteral("علي رضايي"), 100)})));
    }
    void cleanup() { m_store.reset(); }

    // A second connection to the file, for what the store does not say about itself.
    qint64 tableRows(const char *table)
    {
        auto opened = Database::open(m_dir.filePath(QStringLiteral("cache.db")), m_key);
        if (!std::holds_alternative<Database>(opened))
            return -1;
        auto s = std::get<Database>(opened).prepare(QLatin1String("SELECT count(*) FROM ")
                                                    + QLatin1String(table));
        return s.step() == Statement::Step::Row ? s.columnInt64(0) : -1;
    }
    /// FTS4's own check: the index holds exactly the words of the rows' text.
    bool indexMatchesMessages()
    {
        auto opened = Database::open(m_dir.filePath(QStringLiteral("cache.db")), m_key);
        if (!std::holds_alternative<Database>(opened))
            return false;
        const auto e = std::get<Database>(opened).exec(QStringLiteral(
            "INSERT INTO message_search(message_search) VALUES ('integrity-check')"));
        if (e)
            qWarning("%s", qPrintable(e->message));
        return !e;
    }

    void aMessageIsFoundByEverySpellingTheFoldingJoins_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("markedWord");
        QTest::addRow("Arabic yeh finds Persian yeh")
            << QStringLiteral("پیام از علی درباره سفارش") << QStringLiteral("علي")
            << QStringLiteral("علی");
        QTest::addRow("Arabic kaf and digits, ZWNJ inside the word")
            << QStringLiteral("کتاب‌های ۱۲ جلدی رسید") << QStringLiteral("كتابهاي ١٢")
            << QStringLiteral("کتاب‌های ۱۲");
        QTest::addRow("tatweel is ignored") << QStringLiteral("سـلام دوست من")
                                            << QStringLiteral("سلام") << QStringLiteral("سـلام");
        QTest::addRow("diacritics are ignored") << QStringLiteral("السيد مُحَمَّد وصل")
                                                << QStringLiteral("محمد")
                                                << QStringLiteral("مُحَمَّد");
        QTest::addRow("teh marbuta finds heh") << QStringLiteral("المدرسة مغلقة اليوم")
                                               << QStringLiteral("المدرسه")
                                               << QStringLiteral("المدرسة");
        QTest::addRow("Persian digits find ASCII digits")
            << QStringLiteral("Order 4512 has shipped") << QStringLiteral("۴۵۱۲")
            << QStringLiteral("4512");
        QTest::addRow("case and word prefix") << QStringLiteral("Your REFUND was approved")
                                              << QStringLiteral("refu") << QStringLiteral("REFUND");
    }
    void aMessageIsFoundByEverySpellingTheFoldingJoins()
    {
        QFETCH(QString, body);
        QFETCH(QString, query);
        QFETCH(QString, markedWord);
        QVERIFY(!m_store->write(messagesOnly({hubMessage(10, 1, 1000, body)})));
        QVERIFY(!m_store->write(messagesOnly({hubMessage(11, 1, 1001, QStringLiteral("nothing here"))})));

        const auto hits = m_store->searchMessages(query, 50);
        QCOMPARE(messageIds(hits), QList<qint64>{10});
        QCOMPARE(hits.first().customerName, QStringLiteral("علي رضايي"));
        QCOMPARE(hits.first().channel, QStringLiteral("sms"));
        QCOMPARE(hits.first().at, 1000);
        QCOMPARE(marked(hits.first()).join(QLatin1Char(' ')), markedWord);
    }

    void theIndexFollowsEveryWriteToAMessage()
    {
        QVERIFY(!m_store->write(messagesOnly({hubMessage(10, 1, 1000, QStringLiteral("زرشک تازه"))})));
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("زرشک"), 50)), {10});

        // Edited on the hub: the old words go, the new ones are found.
        QVERIFY(!m_store->write(messagesOnly({hubMessage(10, 1, 1000, QStringLiteral("انار شیرین"))})));
        QVERIFY(m_store->searchMessages(QStringLiteral("زرشک"), 50).isEmpty());
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("انار"), 50)), {10});

        // Written here: found while waiting in the outbox, and once after the hub confirms it.
        QVERIFY(!m_store->addToOutbox(localEcho(QStringLiteral("c-1"), 1, 2000,
                                                QStringLiteral("pomegranate juice")),
                                      QStringLiteral("message.send"), {}));
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("pomegranate"), 50)), {0});
        auto confirmed = hubMessage(20, 1, 2001, QStringLiteral("pomegranate juice"));
        confirmed.clientId = QStringLiteral("c-1");
        QVERIFY(!m_store->write(messagesOnly({confirmed})));
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("pomegranate"), 50)), {20});

        // A delivery status does not touch the text, and the text stays found.
        QVERIFY(!m_store->write(statusOnly({20, {}, QStringLiteral("delivered"), {}})));
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("juice"), 50)), {20});

        // A resync replaces the cached history: what the hub no longer sends is gone.
        QVERIFY(!m_store->replaceRecentHistory(1, {hubMessage(30, 1, 3000, QStringLiteral("fresh start"))},
                                               true));
        QVERIFY(m_store->searchMessages(QStringLiteral("انار"), 50).isEmpty());
        QVERIFY(m_store->searchMessages(QStringLiteral("pomegranate"), 50).isEmpty());
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("fresh"), 50)), {30});
        QVERIFY(!m_store->verify());
    }

    void retentionForgetsOldMessagesFromTheIndexToo()
    {
        QVERIFY(!m_store->write(messagesOnly({hubMessage(1, 1, 1000, QStringLiteral("old invoice")),
                                              hubMessage(2, 1, 5000, QStringLiteral("new invoice"))})));
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("invoice"), 50)),
                 (QList<qint64>{2, 1}));
        QVERIFY(!m_store->forgetOlderThan(2000));
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("invoice"), 50)), {2});
        QVERIFY(m_store->searchMessages(QStringLiteral("old"), 50).isEmpty());
        QVERIFY(!m_store->verify());
    }

    void resultsAreNewestFirstUpToTheLimitAndCanBeKeptToOneCustomer()
    {
        QVERIFY(!m_store->write(customersOnly({customer(2, QStringLiteral("Sara"), 200)})));
        QList<models::Message> batch;
        for (int i = 1; i <= 30; ++i)
            batch.append(hubMessage(i, 1 + i % 2, 1000 + i, QStringLiteral("parcel %1").arg(i)));
        QVERIFY(!m_store->write(messagesOnly(batch)));
        const auto hits = m_store->searchMessages(QStringLiteral("parcel"), 5);
        QCOMPARE(messageIds(hits), (QList<qint64>{30, 29, 28, 27, 26}));
        const auto sarasOnly = m_store->searchMessages(QStringLiteral("parcel"), 3, 2);
        QCOMPARE(messageIds(sarasOnly), (QList<qint64>{29, 27, 25}));
        QVERIFY(m_store->searchMessages(QStringLiteral("  ,.; "), 5).isEmpty());
        // FTS operators typed by the agent are words, not syntax.
        QVERIFY(m_store->searchMessages(QStringLiteral("parcel NOT \"x"), 5).isEmpty());
    }

    void customersAreFoundByNameOrIdentityAndFollowRenames()
    {
        QVERIFY(!m_store->write(customersOnly({customer(7, QStringLiteral("Kamal Jafari"), 300)})));
        auto byName = m_store->searchCustomers(QStringLiteral("علی"), 10);
        QCOMPARE(byName.size(), 1);
        QCOMPARE(byName.first().customerId, 1);
        QCOMPARE(byName.first().field, QStringLiteral("name"));
        QCOMPARE(marked(byName.first()), QStringList{QStringLiteral("علي")});

        auto byEmail = m_store->searchCustomers(QStringLiteral("c7@example"), 10);
        QCOMPARE(byEmail.size(), 1);
        QCOMPARE(byEmail.first().customerId, 7);
        QCOMPARE(byEmail.first().field, QStringLiteral("identity"));
        QCOMPARE(byEmail.first().snippet, QStringLiteral("c7@example.ir"));

        QVERIFY(!m_store->write(customersOnly({customer(7, QStringLiteral("كمال"), 300)})));
        QVERIFY(m_store->searchCustomers(QStringLiteral("jafari"), 10).isEmpty());
        QCOMPARE(m_store->searchCustomers(QStringLiteral("کمال"), 10).size(), 1);
    }

    void aCustomerIsFoundByAPhoneTypedInLocalFormAsTheHubFindsIt_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QList<qint64>>("found");
        const QList<qint64> kamal{7}, both{7, 1};
        QTest::newRow("local, spaced") << QStringLiteral("0912 000 0007") << kamal;
        QTest::newRow("Persian digits") << QStringLiteral("۰۹۱۲۰۰۰۰۰۰۷") << kamal;
        QTest::newRow("Arabic-Indic digits") << QStringLiteral("٠٩١٢٠٠٠٠٠٠٧") << kamal;
        QTest::newRow("international, dashed") << QStringLiteral("+98 912-000-0007") << kamal;
        QTest::newRow("pasted from right-to-left text")
            << QStringLiteral("‏0912‎ 000 0007") << kamal;
        QTest::newRow("part of both numbers") << QStringLiteral("0912 000 000") << both;
        QTest::newRow("too short to be a number") << QStringLiteral("0912") << QList<qint64>{};
        QTest::newRow("digits within words") << QStringLiteral("room 9120000007b") << QList<qint64>{};
    }
    void aCustomerIsFoundByAPhoneTypedInLocalFormAsTheHubFindsIt()
    {
        QFETCH(QString, typed);
        QFETCH(QList<qint64>, found);
        QVERIFY(!m_store->write(customersOnly({customer(7, QStringLiteral("Kamal Jafari"), 300)})));
        const auto hits = m_store->searchCustomers(typed, 10);
        QList<qint64> ids;
        for (const auto &h : hits)
            ids.append(h.customerId);
        QCOMPARE(ids, found);
        if (!hits.isEmpty()) {
            QCOMPARE(hits.first().field, QStringLiteral("identity"));
            QCOMPARE(hits.first().snippet, QStringLiteral("+989120000007"));
            QVERIFY(marked(hits.first()).first().contains(QStringLiteral("912000000")));
        }
    }

    void aWordStillBeingTypedAfterFinishedWordsFindsWhatTheFullQueryFinds()
    {
        // Numbers as prefixes are slow for the index, so the finished words choose
        // the candidates; the answer must not change, however far back the match is.
        CacheWrite w;
        w.messages.append(hubMessage(1, 1, 1000, QStringLiteral("تهران، ولیعصر، پلاک ۱۲۴۷")));
        for (int id = 2; id <= 451; ++id)
            w.messages.append(hubMessage(id, 1, 1000 + id, QStringLiteral("تهران، ولیعصر، پلاک %1")
                                                                 .arg(id % 2 ? 124 : 99)));
        QVERIFY(!m_store->write(w));
        auto hits = m_store->searchMessages(QStringLiteral("تهران ولیعصر ١٢٤"), 3);
        QCOMPARE(messageIds(hits), (QList<qint64>{451, 449, 447}));
        QCOMPARE(marked(hits.first()), (QStringList{QStringLiteral("تهران"), QStringLiteral("ولیعصر"),
                                                    QStringLiteral("124")}));
        QCOMPARE(m_store->searchMessages(QStringLiteral("ولیعصر ١٢٤"), 500).size(), 226);
        // Only the oldest message has 1247: past the newest candidates, still found.
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("ولیعصر ١٢٤٧"), 50)),
                 QList<qint64>{1});
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("ولیعصر ١٢٤٧"), 50, 1)),
                 QList<qint64>{1});
        QVERIFY(m_store->searchMessages(QStringLiteral("ولیعصر ١٢٤٨"), 50).isEmpty());
    }

    void aLongMessageIsShownAroundItsMatch()
    {
        const QString body = QString(QStringLiteral("word ")).repeated(60) +
                             QStringLiteral("اينجا مشكل است") + QString(QStringLiteral(" tail")).repeated(40);
        QVERIFY(!m_store->write(messagesOnly({hubMessage(5, 1, 1000, body)})));
        const auto hits = m_store->searchMessages(QStringLiteral("مشکل"), 5);
        QCOMPARE(hits.size(), 1);
        QVERIFY(hits.first().snippet.size() <= 122);
        QVERIFY(hits.first().snippet.startsWith(QStringLiteral("…")));
        QCOMPARE(marked(hits.first()), QStringList{QStringLiteral("مشكل")});
    }

    void aBatchIsAddedToTheIndexInOnePieceNotOnePerMessageOrCustomer()
    {
        // FTS4 writes a segment of index terms whenever a statement needs a journal;
        // ingest must not make that once per message (it once cost most of the time).
        CacheWrite w;
        for (int id = 2; id <= 60; ++id)
            w.customers.append(customer(id, QStringLiteral("مشتری %1").arg(id), 100 + id));
        for (int id = 1; id <= 300; ++id)
            w.messages.append(hubMessage(id, 1 + id % 60, 1000 + id, QStringLiteral("بسته %1 رسید").arg(id)));
        QVERIFY(!m_store->write(w));
        auto opened = Database::open(m_dir.filePath(QStringLiteral("cache.db")), m_key);
        QVERIFY(std::holds_alternative<Database>(opened));
        auto &db = std::get<Database>(opened);
        auto segments = [&](const char *table) {
            auto s = db.prepare(QLatin1String("SELECT count(*) FROM ") + QLatin1String(table));
            return s.step() == Statement::Step::Row ? s.columnInt64(0) : -1;
        };
        QCOMPARE(segments("message_search_segdir"), 1);
        QCOMPARE(segments("customer_search_segdir"), 2); // customer 1's, then this batch's
        // and everything is findable, the customers by their new names too
        QCOMPARE(m_store->searchMessages(QStringLiteral("بسته"), 500).size(), 300);
        QCOMPARE(m_store->searchCustomers(QStringLiteral("مشتری"), 100).size(), 59);
    }

    void aBurstIsStoredFirstAndFoundByTheNextSearch()
    {
        // A replay's batches are shown before they are indexed; a search catches up.
        CacheWrite w;
        for (int id = 1; id <= 300; ++id)
            w.messages.append(hubMessage(id, 1, 1000 + id, QStringLiteral("بسته %1 رسید").arg(id)));
        w.indexSearchLater = true;
        QVERIFY(!m_store->write(w));
        QCOMPARE(m_store->pendingSearchCount(), 300);
        QCOMPARE(tableRows("message_search_segdir"), 0); // nothing indexed yet
        QCOMPARE(m_store->page(1, 0, 0, 500).items.size(), 300); // but all of it is there

        QCOMPARE(m_store->searchMessages(QStringLiteral("بسته"), 500).size(), 300);
        QCOMPARE(m_store->pendingSearchCount(), 0);
        QVERIFY(indexMatchesMessages());
    }

    void theWaitingMessagesAreIndexedOldestFirstInChunksAndSurviveARestart()
    {
        CacheWrite w;
        for (int id = 1; id <= 300; ++id)
            w.messages.append(hubMessage(id, 1, 1000 + id, QStringLiteral("فاکتور %1").arg(id)));
        w.indexSearchLater = true;
        QVERIFY(!m_store->write(w));
        QVERIFY(!m_store->indexPendingSearch(100));
        QCOMPARE(m_store->pendingSearchCount(), 200);
        QCOMPARE(tableRows("message_search_segdir"), 1); // a chunk is one segment

        m_store.reset(); // quit before the rest was indexed
        m_store = openStore(m_dir, m_key);
        QCOMPARE(m_store->pendingSearchCount(), 200);
        const auto hits = m_store->searchMessages(QStringLiteral("فاکتور"), 500);
        QCOMPARE(hits.size(), 300);
        QCOMPARE(hits.first().messageId, 300); // newest first, as always
        QVERIFY(indexMatchesMessages());
    }

    void aWaitingMessageIsIndexedWithTheTextItHasWhenItsTurnComes()
    {
        CacheWrite burst;
        burst.messages = {hubMessage(1, 1, 1000, QStringLiteral("old invoice")),
                          hubMessage(2, 1, 5000, QStringLiteral("زرشک تازه")),
                          hubMessage(3, 1, 6000, QStringLiteral("kept word"))};
        burst.indexSearchLater = true;
        QVERIFY(!m_store->write(burst));
        // Edited on the hub while waiting, then one forgotten by retention.
        QVERIFY(!m_store->write(messagesOnly({hubMessage(2, 1, 5000, QStringLiteral("انار شیرین"))})));
        QVERIFY(!m_store->forgetOlderThan(2000));
        QCOMPARE(m_store->pendingSearchCount(), 2);

        QVERIFY(!m_store->indexPendingSearch(100));
        QCOMPARE(m_store->pendingSearchCount(), 0);
        QVERIFY(m_store->searchMessages(QStringLiteral("زرشک"), 50).isEmpty());
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("انار"), 50)), {2});
        QVERIFY(m_store->searchMessages(QStringLiteral("invoice"), 50).isEmpty());
        QCOMPARE(messageIds(m_store->searchMessages(QStringLiteral("kept"), 50)), {3});

        // Once indexed, an edit and a delete reach the index as before.
        QVERIFY(!m_store->write(messagesOnly({hubMessage(3, 1, 6000, QStringLiteral("changed"))})));
        QVERIFY(m_store->searchMessages(QStringLiteral("kept"), 50).isEmpty());
        QVERIFY(!m_store->forgetOlderThan(5500));
        QVERIFY(m_store->searchMessages(QStringLiteral("انار"), 50).isEmpty());
        QVERIFY(indexMatchesMessages());
        QVERIFY(!m_store->verify());
    }

    void aCacheFromEveryEarlierVersionIsSearchableAfterUpgrade_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < latestSchemaVersion(); ++v)
            QTest::addRow("from version %d", v) << v;
    }
    void aCacheFromEveryEarlierVersionIsSearchableAfterUpgrade()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QByteArray key = randomKey();
        {
            auto opened = Database::open(dir.filePath(QStringLiteral("cache.db")), key);
            QVERIFY(std::holds_alternative<Database>(opened));
            auto &db = std::get<Database>(opened);
            QVERIFY(!migrate(db, version));
            QVERIFY(!db.exec(QStringLiteral(
                "INSERT INTO customers (id, name, identities, status, last_at)"
                " VALUES (5, 'نرگس', '[{\"kind\":\"phone\",\"value\":\"+989120000005\"}]', 'open', 900);"
                "INSERT INTO messages (hub_id, customer_id, channel, direction, body, at, sort_at,"
                " delivery) VALUES (1, 5, 'sms', 'in', 'سلام، کتاب‌ها رسيد', 800, 800, 'received');")));
            if (version >= 8) // from 8 on, the store indexes what it inserts itself
                QVERIFY(!db.exec(QStringLiteral(
                    "INSERT INTO message_search (docid, subject, body)"
                    " SELECT row, subject, body FROM messages")));
        }
        auto store = openStore(dir, key);
        QCOMPARE(messageIds(store->searchMessages(QStringLiteral("كتابها"), 10)), {1});
        const auto customers = store->searchCustomers(QStringLiteral("نرگس"), 10);
        QCOMPARE(customers.size(), 1);
        QCOMPARE(customers.first().customerId, 5);
        QCOMPARE(store->searchCustomers(QStringLiteral("989120000005"), 10).size(), 1);
        // New writes keep the upgraded index in step.
        QVERIFY(!store->write(messagesOnly({hubMessage(2, 5, 900, QStringLiteral("خداحافظ"))})));
        QCOMPARE(messageIds(store->searchMessages(QStringLiteral("خداحافظ"), 10)), {2});
        QVERIFY(!store->verify());
    }

    void theQuickFoldOfPersianAndArabicWordsIsTheFullFolding()
    {
        // Every letter, mark and digit of the Arabic block, inside a word and at its ends.
        for (char16_t u = 0x0600; u < 0x0700; ++u) {
            const QStringList words = {QString(QStringLiteral("ب") + QChar(u) + QStringLiteral("ی")),
                                       QString(QChar(u) + QStringLiteral("\u200cها")),
                                       QString(QStringLiteral("Ali") + QChar(u))};
            for (const QString &word : words) {
                QStringList tokens;
                for (const auto &t : searchTokens(word))
                    tokens.append(t.folded);
                QStringList expected;
                for (const auto &part : searchTokens(word)) // the same word boundaries…
                    expected.append(text::foldForSearch(QStringView(word).mid(part.start, part.end - part.start)));
                expected.removeDuplicates();
                tokens.removeDuplicates();
                QVERIFY2(tokens == expected,
                         qPrintable(QStringLiteral("U+%1: %2 vs %3").arg(int(u), 4, 16, QLatin1Char('0'))
                                        .arg(tokens.join(u'|'), expected.join(u'|'))));
            }
        }
    }

    void snippetsMarkWholeWordsWhateverTheirSpelling()
    {
        const auto s = makeSnippet(QStringLiteral("Hello\nعلي and علی"), QStringLiteral("علی"));
        QCOMPARE(s.text, QStringLiteral("Hello علي and علی"));
        QCOMPARE(s.highlights.size(), 2);
        QCOMPARE(s.text.mid(s.highlights[0].start, s.highlights[0].length), QStringLiteral("علي"));
        QCOMPARE(s.text.mid(s.highlights[1].start, s.highlights[1].length), QStringLiteral("علی"));
    }
};

QTEST_GUILESS_MAIN(TestCacheSearch)
#include "tst_cache_search.moc"
