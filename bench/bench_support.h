// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/cache_store.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

/// What every benchmark shares: the machine, the one JSON line, percentiles,
/// the fixed cache key, RSS, and the desktop's font and platform.
namespace threadline::bench {

/// "AMD EPYC, 2 cores": the CPU model from /proc/cpuinfo and the cores we may use.
QString machine();

/// Prints `result` as ONE compact JSON line on stdout (adds "machine").
void report(QJsonObject result);

/// The p-th percentile (0..100) by nearest rank; 0 for an empty list.
double percentile(QList<double> samples, double p);
double mean(const QList<double> &samples);
/// Rounds to two decimals so the JSON stays readable.
double round2(double v);

/// Milliseconds since `t` was started, with sub-millisecond resolution.
inline double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// CPU time the calling thread has used, in milliseconds: beside a wall-clock figure it
/// tells working from waiting for a core.
double threadCpuMs();

/// The fixed 256-bit key of every benchmark cache (they hold only generated text).
QByteArray benchKey();

/// build/bench-data/, created when missing.
QString dataDir();

/// VmRSS of this process in MiB (from /proc/self/status).
double rssMiB();

/// The offscreen platform unless QT_QPA_PLATFORM says otherwise. Call before QApplication.
void useOffscreenPlatform();
/// The desktop's font choice (app/main.cpp): Noto Sans, then Arabic-script Noto faces.
void useDesktopFont();

/// Opens (or creates) a cache; prints the error and exits on failure.
std::unique_ptr<cache::CacheStore> openCacheOrDie(const QString &path);
/// Removes a cache file and its -wal and -shm.
void removeCache(const QString &path);

} // namespace threadline::bench
