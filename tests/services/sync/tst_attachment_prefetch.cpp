// SPDX-License-Identifier: GPL-3.0-or-later
// Email attachments kept for offline use, through the service layer against a real
// threadline-hub on loopback: a thread shown fetches its small attachments and original
// formatting into the encrypted cache; a large one, or one over the profile's budget, is
// left for "Save…"; offline, "Save…" writes exactly the bytes the hub has, from the cache.
#include "services/cache/cache_store.h"
#include "services/sync/attachment_prefetch.h"
#include "services/sync/attachment_saver.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"
#include "tests/support/customer_mail.h"
#include "tests/support/http_post.h"
#include "tests/support/hub_process.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace threadline;
using cache::CacheStore;
using services::AttachmentPrefetcher;
using services::AttachmentSaver;
using services::SyncService;

namespace {
constexpr int kWaitMs = 30000;

/// A customer's mail with an HTML part, a small receipt and a large scan attached.
QByteArray mail(const QByteArray &messageId, const QByteArray &receipt, const QByteArray &scan)
{
    return testing::customerMail(messageId, {{"receipt.pdf", receipt}, {"scan.pdf", scan}},
                                 "<p>The <b>receipt</b> is attached.</p>");
}
} // namespace

class TestAttachmentPrefetch : public QObject {
    Q_OBJECT
    testing::HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};
    QTemporaryDir m_dir;
    int m_profiles = 0;

    struct Posted {
        qint64 messageId = 0;
        qint64 customerId = 0;
    };

    Posted post(const QByteArray &body)
    {
        const auto reply = testing::httpPost(testing::hubHttpUrl(m_hub, QStringLiteral("/ingress/email")),
                                             body, QByteArrayLiteral("message/rfc822"));
        return {reply.json().value(QStringLiteral("message_id")).toInteger(),
                reply.json().value(QStringLiteral("customer_id")).toInteger()};
    }

    std::unique_ptr<SyncService> signedInDesk()
    {
        auto opened = CacheStore::open(
            m_dir.filePath(QStringLiteral("cache-%1.db").arg(++m_profiles)),
            cache::testing::randomKey());
        if (!std::holds_alternative<std::unique_ptr<CacheStore>>(opened))
            return nullptr;
        auto sync = std::make_unique<SyncService>(
            std::move(std::get<std::unique_ptr<CacheStore>>(opened)), m_hub.url());
        QSignalSpy signedIn(sync.get(), &SyncService::signedIn);
        sync->start(QStringLiteral("agent"), QStringLiteral("demo"), QString());
        if (!signedIn.wait(kWaitMs))
            return nullptr;
        return sync;
    }

    /// Opens the customer's thread, as the desk does, and waits until the email is shown
    /// and the prefetcher has nothing left to do.
    static bool openThreadAndSettle(SyncService &sync, qint64 customerId, qint64 messageId)
    {
        AttachmentPrefetcher *prefetcher = sync.attachments()->prefetcher();
        QSignalSpy idle(prefetcher, &AttachmentPrefetcher::idle);
        QSignalSpy pages(&sync, &SyncService::pageReady);
        sync.requestPage(customerId, 0, 0, 50);
        const auto shown = [&] {
            for (const QList<QVariant> &page : pages)
                for (const models::Message &m : page.at(1).value<QList<models::Message>>())
                    if (m.id == messageId)
                        return true;
            return false;
        };
        for (int i = 0; i < 3 && !shown(); ++i)
            pages.wait(kWaitMs);
        if (!shown())
            return false;
        return !prefetcher->busy() || (idle.wait(kWaitMs) && !prefetcher->busy());
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<models::Customer>>();
        qRegisterMetaType<QList<models::Message>>();
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_hub.start(true), m_hub.stderrText().constData());
    }

    void openingAThreadKeepsItsSmallAttachmentsAndFormattingButNotTheLargeOne()
    {
        const QByteArray receipt = testing::pdfLike(120 * 1024, 1);
        const QByteArray scan = testing::pdfLike(2600 * 1024, 2); // over the 2 MiB a file
        const Posted p = post(mail("prefetch-1", receipt, scan));
        QVERIFY(p.messageId > 0);
        auto sync = signedInDesk();
        QVERIFY(sync);
        QSignalSpy kept(sync->attachments(), &AttachmentSaver::partsKept);

        QVERIFY(openThreadAndSettle(*sync, p.customerId, p.messageId));
        CacheStore *cache = sync->cache();
        QCOMPARE(cache->emailPart(p.messageId, 0), std::optional<QByteArray>(receipt));
        QVERIFY(!cache->emailPart(p.messageId, 1).has_value());
        const auto html = cache->emailPart(p.messageId, CacheStore::kHtmlPart);
        QVERIFY(html.has_value());
        QVERIFY(html->contains("<b>receipt</b>"));
        QVERIFY(!kept.isEmpty());
        QCOMPARE(kept.last().at(0).toLongLong(), p.messageId);
        QCOMPARE(kept.last().at(1).value<QList<int>>(), (QList<int>{CacheStore::kHtmlPart, 0}));

        // Offline: the kept one is saved at once, byte for byte; the original formatting
        // shows; the large one was never kept, so it waits for a connection.
        sync->stop();
        QSignalSpy saved(sync->attachments(), &AttachmentSaver::saved);
        QSignalSpy failed(sync->attachments(), &AttachmentSaver::saveFailed);
        QSignalSpy htmlReady(sync->attachments(), &AttachmentSaver::htmlReady);
        const QString chosen = m_dir.filePath(QStringLiteral("receipt-offline.pdf"));
        sync->attachments()->save(p.messageId, 0, chosen);
        QCOMPARE(saved.size(), 1);
        QFile file(chosen);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), receipt);
        sync->attachments()->loadHtml(p.messageId);
        QCOMPARE(htmlReady.size(), 1);
        QVERIFY(htmlReady.first().at(1).toString().contains(QStringLiteral("<b>receipt</b>")));
        const QString large = m_dir.filePath(QStringLiteral("scan-offline.pdf"));
        sync->attachments()->save(p.messageId, 1, large);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
        QCOMPARE(failed.first().at(3).toString(), QStringLiteral("offline"));
        QVERIFY(!QFile::exists(large));
    }

    void aLargeAttachmentSavedOnceIsThereOffline()
    {
        const QByteArray scan = testing::pdfLike(2600 * 1024, 3);
        const Posted p = post(mail("prefetch-2", testing::pdfLike(1000, 4), scan));
        QVERIFY(p.messageId > 0);
        auto sync = signedInDesk();
        QVERIFY(sync);
        QSignalSpy saved(sync->attachments(), &AttachmentSaver::saved);
        sync->attachments()->save(p.messageId, 1, m_dir.filePath(QStringLiteral("scan-1.pdf")));
        QVERIFY(saved.wait(kWaitMs));

        sync->stop();
        const QString again = m_dir.filePath(QStringLiteral("scan-2.pdf"));
        sync->attachments()->save(p.messageId, 1, again);
        QCOMPARE(saved.size(), 2);
        QFile file(again);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), scan);
    }

    void nothingIsPrefetchedOverTheProfilesBudget()
    {
        const Posted p = post(mail("prefetch-3", testing::pdfLike(300 * 1024, 5), testing::pdfLike(5000, 6)));
        QVERIFY(p.messageId > 0);
        auto sync = signedInDesk();
        QVERIFY(sync);
        // 200 KiB for everything: the HTML and the 5 KB file fit, the 300 KB one does not.
        sync->attachments()->prefetcher()->setLimits({2 * 1024 * 1024, 200 * 1024});
        QVERIFY(openThreadAndSettle(*sync, p.customerId, p.messageId));
        CacheStore *cache = sync->cache();
        QVERIFY(!cache->emailPart(p.messageId, 0).has_value());
        QVERIFY(cache->emailPart(p.messageId, 1).has_value());
        QVERIFY(cache->keptEmailPartsBytes() <= 200 * 1024);

        // And a budget of 0 turns prefetching off.
        auto other = signedInDesk();
        QVERIFY(other);
        other->attachments()->prefetcher()->setLimits({2 * 1024 * 1024, 0});
        QVERIFY(openThreadAndSettle(*other, p.customerId, p.messageId));
        QVERIFY(other->cache()->keptEmailParts(p.messageId).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAttachmentPrefetch)
#include "tst_attachment_prefetch.moc"
