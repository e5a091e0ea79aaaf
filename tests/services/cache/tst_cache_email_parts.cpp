// SPDX-License-Identifier: GPL-3.0-or-later
// What an email brought besides its text, kept in the encrypted cache: exact bytes back,
// gone with their message when retention (or a resync that drops its customer) forgets
// it, kept when a thread is refreshed, and a cache from before they were kept takes them
// after its upgrade.
#include "cache_test_support.h"
#include "services/cache/cache_store.h"
#include "services/cache/migrations.h"
#include "services/cache/sqlcipher_database.h"
#include "tests/support/customer_mail.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using namespace threadline::cache;
using namespace threadline::cache::testing;

namespace {
constexpr qint64 kDay = 24LL * 60 * 60 * 1000;

std::unique_ptr<CacheStore> openStore(const QString &path, const QByteArray &key)
{
    auto opened = CacheStore::open(path, key);
    if (auto *e = std::get_if<CacheError>(&opened))
        qFatal("cache open failed: %s", qPrintable(e->message));
    return std::move(std::get<std::unique_ptr<CacheStore>>(opened));
}

CacheWrite messagesOnly(const QList<models::Message> &messages)
{
    CacheWrite w;
    w.messages = messages;
    return w;
}
} // namespace

class TestCacheEmailParts : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QByteArray m_key = randomKey();

    QString path() const { return m_dir.filePath(QStringLiteral("cache.db")); }

private Q_SLOTS:
    void cleanup() { QFile::remove(path()); }

    void aKeptAttachmentComesBackByteForByte()
    {
        auto store = openStore(path(), m_key);
        QVERIFY(!store->write(messagesOnly({hubMessage(9001, 5, 1000, QStringLiteral("mail"))})));
        const QByteArray pdf = threadline::testing::pdfLike(700 * 1024);
        QVERIFY(!store->keepEmailPart(9001, 0, pdf));
        QVERIFY(!store->keepEmailPart(9001, CacheStore::kHtmlPart, "<p>Hi</p>"));
        QCOMPARE(store->emailPart(9001, 0), std::optional<QByteArray>(pdf));
        QCOMPARE(store->emailPart(9001, CacheStore::kHtmlPart),
                 std::optional<QByteArray>("<p>Hi</p>"));
        QVERIFY(!store->emailPart(9001, 1).has_value());
        QCOMPARE(store->keptEmailParts(9001), (QList<int>{CacheStore::kHtmlPart, 0}));
        QCOMPARE(store->keptEmailPartsBytes(), pdf.size() + 9);
        // Kept again (a second save of the same attachment): one copy, the newest.
        QVERIFY(!store->keepEmailPart(9001, 0, "short"));
        QCOMPARE(store->keptEmailPartsBytes(), 5 + 9);
    }

    void theBytesAreNotReadableInTheFileOnDisk()
    {
        auto store = openStore(path(), m_key);
        QVERIFY(!store->write(messagesOnly({hubMessage(9001, 5, 1000, QStringLiteral("mail"))})));
        const QByteArray secret = "CONFIDENTIAL-INVOICE-" + QByteArray(4096, 'Z');
        QVERIFY(!store->keepEmailPart(9001, 0, secret));
        store.reset();
        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("CONFIDENTIAL-INVOICE-"));
    }

    void retentionForgetsAnAttachmentWithItsMessageAndKeepsTheRest()
    {
        auto store = openStore(path(), m_key);
        const qint64 now = 100 * kDay;
        QVERIFY(!store->write(messagesOnly({hubMessage(1, 5, now - 40 * kDay, QStringLiteral("old")),
                                            hubMessage(2, 5, now - 1 * kDay, QStringLiteral("new"))})));
        QVERIFY(!store->keepEmailPart(1, 0, "old bytes"));
        QVERIFY(!store->keepEmailPart(1, CacheStore::kHtmlPart, "<p>old</p>"));
        QVERIFY(!store->keepEmailPart(2, 0, "new bytes"));
        QVERIFY(!store->forgetOlderThan(now - 30 * kDay));
        QVERIFY(store->keptEmailParts(1).isEmpty());
        QCOMPARE(store->emailPart(2, 0), std::optional<QByteArray>("new bytes"));
        QCOMPARE(store->keptEmailPartsBytes(), 9);
    }

    void aCustomerTheHubNoLongerHasTakesTheirAttachmentsAlong()
    {
        auto store = openStore(path(), m_key);
        QVERIFY(!store->write(messagesOnly({hubMessage(1, 5, 1000, QStringLiteral("gone")),
                                            hubMessage(2, 6, 1000, QStringLiteral("stays"))})));
        QVERIFY(!store->keepEmailPart(1, 0, "gone bytes"));
        QVERIFY(!store->keepEmailPart(1, CacheStore::kHtmlPart, "<p>gone</p>"));
        QVERIFY(!store->keepEmailPart(2, 0, "kept"));
        QVERIFY(!store->forgetCustomers({5})); // what a resync does with a customer gone
        QVERIFY(store->keptEmailParts(1).isEmpty());
        QCOMPARE(store->emailPart(2, 0), std::optional<QByteArray>("kept"));
        QCOMPARE(store->keptEmailPartsBytes(), 4);
    }

    void refreshingAThreadFromTheHubKeepsItsAttachments()
    {
        auto store = openStore(path(), m_key);
        QVERIFY(!store->write(messagesOnly({hubMessage(7, 5, 1000, QStringLiteral("mail"))})));
        QVERIFY(!store->keepEmailPart(7, 0, "bytes"));
        // The newest page replaces what was cached: the same message comes back.
        QVERIFY(!store->replaceRecentHistory(5, {hubMessage(7, 5, 1000, QStringLiteral("mail"))},
                                             true));
        QCOMPARE(store->emailPart(7, 0), std::optional<QByteArray>("bytes"));
    }

    void aCacheFromVersionFiveKeepsItsThreadsAndTakesAttachments()
    {
        {
            auto opened = Database::open(path(), m_key);
            QVERIFY(std::holds_alternative<Database>(opened));
            auto &db = std::get<Database>(opened);
            QVERIFY(!migrate(db, 5));
            QVERIFY(!db.exec(QStringLiteral(
                "INSERT INTO messages (hub_id, customer_id, channel, direction, body, at, sort_at,"
                " delivery) VALUES (9001, 5, 'email', 'in', 'see attached', 800, 800, 'received');")));
        }
        auto store = openStore(path(), m_key);
        QCOMPARE(store->page(5, 0, 0, 10).items.size(), 1);
        QVERIFY(store->keptEmailParts(9001).isEmpty());
        QVERIFY(!store->keepEmailPart(9001, 0, "bytes"));
        QCOMPARE(store->emailPart(9001, 0), std::optional<QByteArray>("bytes"));
        QVERIFY(!store->verify());
    }
};

QTEST_GUILESS_MAIN(TestCacheEmailParts)
#include "tst_cache_email_parts.moc"
