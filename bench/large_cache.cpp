// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/large_cache.h"

#include "bench/bench_support.h"
#include "bench/thread_content.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace threadline::bench {

namespace {
void dieOn(const std::optional<cache::CacheError> &e)
{
    if (!e)
        return;
    std::fprintf(stderr, "seeding failed: %s: %s\n", qPrintable(e->code), qPrintable(e->message));
    std::exit(1);
}
} // namespace

double seedCache(cache::CacheStore &store, const SeedPlan &plan)
{
    QElapsedTimer timer;
    timer.start();
    ThreadContent content(plan.seed);
    QHash<qint64, models::Customer> customers;
    for (int i = 1; i <= plan.customers; ++i)
        customers.insert(i, content.customer(i));
    const int busiest = std::min(plan.customers, 100);

    cache::CacheWrite batch;
    for (qint64 id = 1; id <= plan.messages; ++id) {
        qint64 customerId = 0;
        if (plan.roundRobin) {
            customerId = 1 + (id - 1) % plan.customers;
        } else {
            auto &rng = content.engine();
            customerId = std::uniform_int_distribution<int>(0, 99)(rng) < 30
                             ? std::uniform_int_distribution<int>(1, busiest)(rng)
                             : std::uniform_int_distribution<int>(1, plan.customers)(rng);
        }
        const models::Message m = content.item(id, customerId, plan.startAt + id * plan.stepMs);
        noteItem(customers[customerId], m);
        batch.messages.append(m);
        if (batch.messages.size() >= plan.batch || id == plan.messages) {
            batch.lastSeq = id;
            dieOn(store.write(batch));
            batch = {};
        }
    }
    cache::CacheWrite summary;
    summary.customers = customers.values();
    dieOn(store.write(summary));
    return msSince(timer);
}

LargeCache ensureLargeCache()
{
    LargeCache large;
    large.path = dataDir() + QStringLiteral("/cache-1m.db");
    large.messages = 1'000'000;
    large.customers = 10'000;
    // The marker is written only after a complete seed, so a half-seeded file is redone.
    QFile marker(large.path + QStringLiteral(".seeded-ms"));
    if (QFile::exists(large.path) && marker.open(QIODevice::ReadOnly)) {
        large.seedMs = marker.readAll().trimmed().toDouble();
        large.reused = true;
        return large;
    }
    removeCache(large.path);
    std::fprintf(stderr, "seeding %s with 1,000,000 messages (once)...\n", qPrintable(large.path));
    {
        auto store = openCacheOrDie(large.path);
        SeedPlan plan;
        plan.customers = large.customers;
        plan.messages = large.messages;
        plan.batch = 1000;
        plan.roundRobin = false;
        plan.stepMs = 30'000;
        plan.seed = 1'000'000;
        large.seedMs = seedCache(*store, plan);
    }
    if (marker.open(QIODevice::WriteOnly | QIODevice::Truncate))
        marker.write(QByteArray::number(large.seedMs, 'f', 0));
    return large;
}

} // namespace threadline::bench

namespace threadline::bench {

bool prepareLargeCache(int argc, char **argv, LargeCache *out)
{
    if (argc > 1 && qstrcmp(argv[1], "--seed-large-cache") == 0) {
        ensureLargeCache();
        return false;
    }
    const QString path = dataDir() + QStringLiteral("/cache-1m.db");
    const bool seeded = QFile::exists(path + QStringLiteral(".seeded-ms"));
    if (!seeded) {
        const int rc = QProcess::execute(QString::fromLocal8Bit(argv[0]),
                                         {QStringLiteral("--seed-large-cache")});
        if (rc != 0) {
            std::fprintf(stderr, "seeding the 1M cache failed (%d)\n", rc);
            std::exit(1);
        }
    }
    *out = ensureLargeCache(); // seeded now: only reads the marker
    out->reused = seeded;
    return true;
}

} // namespace threadline::bench
