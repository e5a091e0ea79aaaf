// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 1, switch: open a 10,000-item mixed-channel thread until the first
// screen of rows is laid out. Per switch: the cache's newest page (50 rows, as the
// sync service serves it), TimelineModel::applyPage, and the real TimelineView
// (800x900, offscreen) laying out its rows through TimelineDelegate::sizeHint.
// 200 switches over 20 customers in a seeded order.
#include "bench/bench_support.h"
#include "bench/large_cache.h"
#include "models/timeline_model.h"
#include "ui/timeline_view.h"

#include <QApplication>
#include <QJsonObject>

#include <algorithm>
#include <random>

using namespace threadline;

int main(int argc, char **argv)
{
    bench::useOffscreenPlatform();
    QApplication app(argc, argv);
    bench::useDesktopFont();

    constexpr int kCustomers = 20;
    constexpr int kItemsPerCustomer = 10'000;
    constexpr int kSwitches = 200;
    constexpr int kPage = 50;

    const QString path = bench::dataDir() + QStringLiteral("/switch.db");
    bench::removeCache(path);
    auto store = bench::openCacheOrDie(path);
    bench::SeedPlan plan;
    plan.customers = kCustomers;
    plan.messages = qint64(kCustomers) * kItemsPerCustomer;
    plan.roundRobin = true; // the threads interleave in time, as real traffic does
    plan.seed = 1;
    const double seedMs = bench::seedCache(*store, plan);

    models::TimelineModel model;
    ui::TimelineView view;
    view.setTimeline(&model);
    view.resize(800, 900);
    view.show();
    QCoreApplication::processEvents();

    // Each customer ten times, shuffled, never the same one twice in a row.
    std::mt19937 rng(7);
    QList<qint64> order;
    while (order.size() < kSwitches) {
        QList<qint64> round;
        for (qint64 c = 1; c <= kCustomers; ++c)
            round.append(c);
        std::shuffle(round.begin(), round.end(), rng);
        if (!order.isEmpty() && order.constLast() == round.constFirst())
            std::swap(round.first(), round.last());
        order.append(round);
    }

    QList<double> laidOut, painted, firstVisit;
    QSet<qint64> seen;
    qsizetype rowsShown = 0;
    for (const qint64 customerId : order) {
        QElapsedTimer t;
        t.start();
        model.showCustomer(customerId);
        // What SyncService::servePageFromCache does for a cached thread.
        const cache::ThreadPage page = store->page(customerId, 0, 0, kPage);
        const bool hubHasOlder =
            store->historyFresh(customerId) && !store->historyComplete(customerId);
        model.applyPage(customerId, page.items, page.cursorAt, page.cursorRow,
                        page.reachedOldestCached && !hubHasOlder);
        view.doItemsLayout(); // sizeHint of every row of the page
        view.scrollToBottom();
        const double layoutMs = bench::msSince(t);
        view.viewport()->repaint(); // the first screen, painted
        const double paintMs = bench::msSince(t);
        laidOut.append(layoutMs);
        painted.append(paintMs);
        if (!seen.contains(customerId)) {
            seen.insert(customerId);
            firstVisit.append(layoutMs);
        }
        rowsShown = model.rowCount();
        QCoreApplication::processEvents(); // the view's own follow-ups, not timed
    }

    const double p95 = bench::percentile(laidOut, 95);
    bench::report({
        {QStringLiteral("name"), QStringLiteral("switch")},
        {QStringLiteral("figure"), bench::round2(p95)},
        {QStringLiteral("unit"), QStringLiteral("ms p95")},
        {QStringLiteral("target"), 50},
        {QStringLiteral("pass"), p95 < 50},
        {QStringLiteral("p50_ms"), bench::round2(bench::percentile(laidOut, 50))},
        {QStringLiteral("first_visit_p95_ms"), bench::round2(bench::percentile(firstVisit, 95))},
        {QStringLiteral("with_paint_p95_ms"), bench::round2(bench::percentile(painted, 95))},
        {QStringLiteral("frame_budget_ms"), 16},
        {QStringLiteral("switches"), kSwitches},
        {QStringLiteral("customers"), kCustomers},
        {QStringLiteral("items_per_thread"), kItemsPerCustomer},
        {QStringLiteral("rows_per_page"), rowsShown},
        {QStringLiteral("seed_ms"), qRound(seedMs)},
    });
    return 0;
}
