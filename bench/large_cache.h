// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/cache_store.h"

#include <QString>

namespace threadline::bench {

/// How to fill a cache with generated threads.
struct SeedPlan {
    int customers = 20;
    qint64 messages = 200'000;
    int batch = 1000;                   ///< messages per transaction
    bool roundRobin = true;             ///< else 30% of items go to the 100 busiest customers
    qint64 startAt = 1'704'067'200'000; ///< 2024-01-01 UTC
    qint64 stepMs = 60'000;
    quint32 seed = 42;
};

/// Writes the plan through CacheStore::write (customers last, with their summaries).
/// Returns the time it took in ms; prints the error and exits on failure.
double seedCache(cache::CacheStore &store, const SeedPlan &plan);

/// The shared 1,000,000-message cache of the cold-start and memory benchmarks:
/// 10,000 customers, seeded once into build/bench-data/ and reused while present.
struct LargeCache {
    QString path;
    qint64 messages = 0;
    int customers = 0;
    double seedMs = 0; ///< how long seeding took (when it was seeded, in any run)
    bool reused = false;
};
LargeCache ensureLargeCache();

/// For the benchmarks that measure a process (memory, cold start): when the cache
/// is not seeded yet, seeds it in a child process (this binary run with
/// --seed-large-cache), so the seeding leaves no trace in the measured process.
/// Call first thing in main(); returns false when this process was that child.
bool prepareLargeCache(int argc, char **argv, LargeCache *out);

} // namespace threadline::bench
