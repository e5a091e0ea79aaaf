// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 6, memory: RSS (VmRSS) after loading the whole inbox (10,000 customers)
// and opening 50 customers' threads (their first pages, and any older page the view
// asks for to fill the screen) in the real MainWindow, from a 1,000,000-message cache.
#include "bench/bench_support.h"
#include "bench/large_cache.h"
#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QJsonObject>

using namespace threadline;

int main(int argc, char **argv)
{
    bench::LargeCache large;
    if (!bench::prepareLargeCache(argc, argv, &large))
        return 0;
    bench::useOffscreenPlatform();
    QApplication app(argc, argv);
    bench::useDesktopFont();
    const double rssStart = bench::rssMiB();

    auto store = bench::openCacheOrDie(large.path);
    models::InboxModel inbox;
    models::TimelineModel timeline;
    ui::MainWindow window(&inbox, &timeline);
    // As Desktop wires it: page requests cross to the cache's thread and come back queued.
    QObject::connect(
        &timeline, &models::TimelineModel::pageWanted, &timeline,
        [&](qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit) {
            const auto page = store->page(customerId, beforeAt, beforeRow, limit);
            timeline.applyPage(customerId, page.items, page.cursorAt, page.cursorRow,
                               page.reachedOldestCached);
        },
        Qt::QueuedConnection);
    const auto customers = store->customers();
    inbox.applyCustomers(customers);
    window.show();
    QCoreApplication::processEvents();
    const double rssInbox = bench::rssMiB();

    constexpr int kOpen = 50;
    qint64 rowsSeen = 0;
    for (int i = 0; i < kOpen && i < customers.size(); ++i) {
        window.openCustomer(customers.at(i).id);
        const QDeadlineTimer deadline(5000);
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        } while ((timeline.isLoading() || timeline.rowCount() == 0) && !deadline.hasExpired());
        QCoreApplication::processEvents();
        rowsSeen += timeline.rowCount();
    }
    const double rss = bench::rssMiB();

    bench::report({
        {QStringLiteral("name"), QStringLiteral("memory")},
        {QStringLiteral("figure"), bench::round2(rss)},
        {QStringLiteral("unit"), QStringLiteral("MiB RSS")},
        {QStringLiteral("target"), 200},
        {QStringLiteral("pass"), rss < 200},
        {QStringLiteral("rss_at_start_mib"), bench::round2(rssStart)},
        {QStringLiteral("rss_after_inbox_mib"), bench::round2(rssInbox)},
        {QStringLiteral("customers"), customers.size()},
        {QStringLiteral("threads_opened"), kOpen},
        {QStringLiteral("rows_loaded"), rowsSeen},
        {QStringLiteral("cache_messages"), large.messages},
        {QStringLiteral("seed_ms"), qRound(large.seedMs)},
        {QStringLiteral("cache_reused"), large.reused},
    });
    return 0;
}
