// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 4, cold start with a 1,000,000-message cache: from main() to a usable
// window — QApplication, the cache opened with its raw key, customers() into the
// inbox, the real MainWindow shown, the first customer's newest page fetched
// (queued, as across the service thread), laid out and painted. The cache file is
// dropped from the OS page cache first (posix_fadvise DONTNEED on our own file),
// so the disk reads are part of the figure. A second open in the same process,
// with everything warm, is reported beside it.
#include "bench/bench_support.h"
#include "bench/large_cache.h"
#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonObject>

#include <fcntl.h>
#include <unistd.h>

using namespace threadline;

namespace {

/// Writes back and drops this file's pages from the OS cache; only our file is touched.
bool evictFromPageCache(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return false;
    ::fdatasync(fd);
    const bool ok = ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    ::close(fd);
    return ok;
}

struct Start {
    double openMs = 0, customersMs = 0, windowMs = 0, firstPageMs = 0;
    int rows = 0;
};

Start startDesktop(const QString &path, const QElapsedTimer &clock)
{
    Start s;
    auto store = bench::openCacheOrDie(path);
    s.openMs = bench::msSince(clock);
    models::InboxModel inbox;
    models::TimelineModel timeline;
    inbox.applyCustomers(store->customers());
    s.customersMs = bench::msSince(clock);
    ui::MainWindow window(&inbox, &timeline);
    QObject::connect(
        &timeline, &models::TimelineModel::pageWanted, &timeline,
        [&](qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit) {
            const auto page = store->page(customerId, beforeAt, beforeRow, limit);
            timeline.applyPage(customerId, page.items, page.cursorAt, page.cursorRow,
                               page.reachedOldestCached);
        },
        Qt::QueuedConnection);
    window.show();
    s.windowMs = bench::msSince(clock);
    window.openFirstCustomer();
    const QDeadlineTimer deadline(10000);
    while (timeline.rowCount() == 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    window.repaint(); // the first page on screen
    s.firstPageMs = bench::msSince(clock);
    s.rows = timeline.rowCount();
    QCoreApplication::processEvents();
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    bench::LargeCache large;
    if (!bench::prepareLargeCache(argc, argv, &large))
        return 0;
    bool evicted = true;
    for (const char *suffix : {"", "-wal", "-shm"})
        if (QFile::exists(large.path + QLatin1String(suffix)))
            evicted = evictFromPageCache(large.path + QLatin1String(suffix)) && evicted;

    QElapsedTimer clock;
    clock.start();
    bench::useOffscreenPlatform();
    QApplication app(argc, argv);
    bench::useDesktopFont();
    const double appMs = bench::msSince(clock);
    const Start cold = startDesktop(large.path, clock);

    QElapsedTimer again;
    again.start();
    const Start warm = startDesktop(large.path, again);

    bench::report({
        {QStringLiteral("name"), QStringLiteral("cold_start")},
        {QStringLiteral("figure"), bench::round2(cold.firstPageMs)},
        {QStringLiteral("unit"), QStringLiteral("ms to first page painted")},
        {QStringLiteral("target"), 1000},
        {QStringLiteral("pass"), cold.firstPageMs < 1000},
        {QStringLiteral("qapplication_ms"), bench::round2(appMs)},
        {QStringLiteral("cache_open_ms"), bench::round2(cold.openMs - appMs)},
        {QStringLiteral("customers_ms"), bench::round2(cold.customersMs - cold.openMs)},
        {QStringLiteral("window_ms"), bench::round2(cold.windowMs - cold.customersMs)},
        {QStringLiteral("first_page_ms"), bench::round2(cold.firstPageMs - cold.windowMs)},
        {QStringLiteral("warm_reopen_ms"), bench::round2(warm.firstPageMs)},
        {QStringLiteral("os_file_cache_evicted"), evicted},
        {QStringLiteral("customers"), large.customers},
        {QStringLiteral("cache_messages"), large.messages},
        {QStringLiteral("first_page_rows"), cold.rows},
        {QStringLiteral("seed_ms"), qRound(large.seedMs)},
    });
    return 0;
}
