// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 3, ingest: 100,000 message.created frames through the desktop's path, on
// the desktop's two threads. The service thread decodes (text frame → envelope →
// payload → Message, with the customer summary bookkeeping SyncService does) and
// writes to the cache in transactions of at most 4,000 events with their seq, as
// SyncService does in a burst; each written transaction goes to the GUI thread in
// chunks of at most 1,000 (chunksForShowing), which takes one per turn, as SyncService's
// ShowQueue paces them: it applies the chunk to InboxModel and TimelineModel on the
// real MainWindow (offscreen) and lays out and paints what changed. The figure is the whole stream's rate, from the first frame
// decoded to the last batch painted; each thread's share is reported too.
#include "bench/bench_support.h"
#include "bench/thread_content.h"
#include "models/inbox_model.h"
#include "models/timeline_model.h"
#include "services/protocol/envelope.h"
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "services/sync/show_chunks.h"
#include "services/sync/wire_mapping.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QHash>
#include <QJsonObject>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <random>
#include <thread>

using namespace threadline;

namespace {

protocol::MessagePayload toPayload(const models::Message &m)
{
    protocol::MessagePayload p;
    p.id = m.id;
    p.customerId = m.customerId;
    p.channel = m.channel;
    p.direction = m.direction;
    p.author = m.author;
    p.identity = m.identity;
    p.subject = m.subject;
    p.body = m.body;
    p.quoted = m.quoted;
    p.status = QStringLiteral("received");
    p.at = m.at;
    p.meta = m.meta;
    return p;
}

/// What the service thread hands the GUI thread: a written batch, or a page of the
/// open thread it asked for, or the end of the stream.
struct ToGui {
    QList<models::Customer> customers;
    QList<models::Message> messages;
    std::optional<cache::ThreadPage> page;
    qint64 pageCustomer = 0;
    bool end = false;
};

struct PageRequest {
    qint64 customerId, beforeAt, beforeRow;
    int limit;
};

/// A queue between the two threads (the app's queued signals, without an event loop
/// to wait in: the GUI thread blocks here while idle, as it sleeps in its loop).
template <class T>
class Handover {
public:
    void push(T item)
    {
        {
            std::lock_guard lock(m_mutex);
            m_items.push_back(std::move(item));
            m_deepest = std::max(m_deepest, m_items.size());
        }
        m_ready.notify_one();
    }
    T pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_items.empty(); });
        T item = std::move(m_items.front());
        m_items.pop_front();
        return item;
    }
    std::optional<T> tryPop()
    {
        std::lock_guard lock(m_mutex);
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        return item;
    }
    size_t deepest()
    {
        std::lock_guard lock(m_mutex);
        return m_deepest;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<T> m_items;
    size_t m_deepest = 0;
};

} // namespace

int main(int argc, char **argv)
{
    bench::useOffscreenPlatform();
    QApplication app(argc, argv);
    bench::useDesktopFont();

    constexpr int kEvents = 100'000;
    constexpr int kCustomers = 2'000;
    constexpr int kMaxBatch = 4000;  // SyncService's kMaxWriteEvents
    constexpr int kShowChunk = 1000; // SyncService's kShowChunkEvents
    constexpr qint64 kOpenCustomer = 1;

    // The cache knows the customers (a snapshot came first); their threads are empty.
    const QString path = bench::dataDir() + QStringLiteral("/ingest.db");
    bench::removeCache(path);
    auto store = bench::openCacheOrDie(path);
    bench::ThreadContent content(11);
    {
        cache::CacheWrite snapshot;
        for (int id = 1; id <= kCustomers; ++id)
            snapshot.customers.append(content.customer(id, 1'704'067'200'000 - id * 1000));
        if (store->write(snapshot))
            return 1;
    }

    // The frames as the hub sends them (not timed).
    QList<QString> frames;
    frames.reserve(kEvents);
    {
        auto &rng = content.engine();
        for (int i = 1; i <= kEvents; ++i) {
            const qint64 customerId = std::uniform_int_distribution<int>(0, 99)(rng) < 30
                                          ? std::uniform_int_distribution<int>(1, 100)(rng)
                                          : std::uniform_int_distribution<int>(1, kCustomers)(rng);
            const auto m = content.item(i, customerId, 1'704'067'200'000 + qint64(i) * 1000);
            const auto e =
                protocol::makeEvent(protocol::type::messageCreated, i, i - 1,
                                    {{QStringLiteral("message"), toPayload(m).toJson()}});
            frames.append(QString::fromUtf8(protocol::encode(e)));
        }
    }
    qint64 frameBytes = 0;
    for (const QString &f : frames)
        frameBytes += f.toUtf8().size();

    models::InboxModel inbox;
    models::TimelineModel timeline;
    ui::MainWindow window(&inbox, &timeline);
    Handover<ToGui> toGui;
    Handover<PageRequest> toService;
    bool streaming = false;
    QObject::connect(&timeline, &models::TimelineModel::pageWanted, &timeline,
                     [&](qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit) {
                         if (streaming) { // the service thread owns the cache now
                             toService.push({customerId, beforeAt, beforeRow, limit});
                             return;
                         }
                         const auto page = store->page(customerId, beforeAt, beforeRow, limit);
                         timeline.applyPage(customerId, page.items, page.cursorAt, page.cursorRow,
                                            page.reachedOldestCached);
                     });
    inbox.applyCustomers(store->customers());
    window.show();
    window.openCustomer(kOpenCustomer);
    QCoreApplication::processEvents();

    // ---- the service thread: decode, write, hand over
    double decodeMs = 0, writeMs = 0, serviceCpuMs = 0;
    int rejected = 0, pagesServed = 0, transactions = 0;
    auto service = [&] {
        const double cpuAtStart = bench::threadCpuMs();
        qint64 streamSeq = 0;
        cache::CacheWrite batch;
        QHash<qint64, models::Customer> batchCustomers;
        auto servePages = [&] {
            while (auto r = toService.tryPop()) {
                ToGui out;
                out.page = store->page(r->customerId, r->beforeAt, r->beforeRow, r->limit);
                out.pageCustomer = r->customerId;
                toGui.push(std::move(out));
                ++pagesServed;
            }
        };
        auto flush = [&] {
            QElapsedTimer t;
            t.start();
            batch.customers = batchCustomers.values();
            batch.indexSearchLater = batch.messages.size() >= 100; // SyncService's burst rule
            cache::CacheWrite w = std::exchange(batch, {});
            batchCustomers.clear();
            if (auto e = store->write(w)) {
                std::fprintf(stderr, "write failed: %s\n", qPrintable(e->message));
                std::exit(1);
            }
            writeMs += bench::msSince(t);
            ++transactions;
            for (cache::CacheWrite &chunk : services::chunksForShowing(w, kShowChunk))
                toGui.push({std::move(chunk.customers), std::move(chunk.messages), {}, 0, false});
            servePages();
        };
        for (const QString &text : frames) {
            QElapsedTimer t;
            t.start();
            // HubSession::onText, then SyncService::onEvent.
            auto decoded = protocol::decode(text.toUtf8());
            auto *e = std::get_if<protocol::Envelope>(&decoded);
            if (!e || e->prev != streamSeq) {
                ++rejected;
                continue;
            }
            streamSeq = e->seq;
            if (auto payload = protocol::MessagePayload::fromJson(
                    e->data.value(QStringLiteral("message")).toObject())) {
                const models::Message m = services::toMessage(*payload);
                batch.messages.append(m);
                auto it = batchCustomers.find(m.customerId);
                if (it == batchCustomers.end()) {
                    if (auto known = store->customer(m.customerId))
                        it = batchCustomers.insert(m.customerId, *known);
                }
                if (it != batchCustomers.end())
                    bench::noteItem(*it, m);
            } else {
                ++rejected;
            }
            batch.lastSeq = e->seq;
            decodeMs += bench::msSince(t);
            if (batch.messages.size() >= kMaxBatch)
                flush();
        }
        if (!batch.messages.isEmpty())
            flush();
        serviceCpuMs = bench::threadCpuMs() - cpuAtStart;
        toGui.push({{}, {}, {}, 0, true});
    };

    // ---- the GUI thread: apply each batch, then lay out and paint what changed
    double applyMs = 0, viewMs = 0;
    QList<double> guiBatchMs, applyBatchMs;
    QElapsedTimer total;
    total.start();
    streaming = true;
    std::thread serviceThread(service);
    const double guiCpuAtStart = bench::threadCpuMs();
    for (ToGui in = toGui.pop(); !in.end; in = toGui.pop()) {
        QElapsedTimer t;
        t.start();
        if (in.page) {
            timeline.applyPage(in.pageCustomer, in.page->items, in.page->cursorAt,
                               in.page->cursorRow, in.page->reachedOldestCached);
        } else {
            inbox.applyCustomers(in.customers);
            timeline.applyMessages(in.messages);
        }
        const double apply = bench::msSince(t);
        QCoreApplication::processEvents(); // relayout and repaint of what changed
        const double gui = bench::msSince(t);
        applyMs += apply;
        viewMs += gui - apply;
        applyBatchMs.append(apply);
        guiBatchMs.append(gui);
    }
    const double totalMs = bench::msSince(total);
    const double guiCpuMs = bench::threadCpuMs() - guiCpuAtStart;
    serviceThread.join();
    streaming = false;

    // After the burst, SyncService adds what it stored to the search index, in chunks
    // of 2,000 between events; until then a search indexes what waits first.
    const qint64 waitingForIndex = store->pendingSearchCount();
    QElapsedTimer catchUp;
    catchUp.start();
    while (store->searchIndexBehind())
        if (auto e = store->indexPendingSearch(2000)) {
            std::fprintf(stderr, "indexing failed: %s\n", qPrintable(e->message));
            return 1;
        }
    const double catchUpMs = bench::msSince(catchUp);

    const double eventsPerS = kEvents / (totalMs / 1000.0);
    const double serviceEventsPerS = kEvents / ((decodeMs + writeMs) / 1000.0);
    const double guiEventsPerS = kEvents / ((applyMs + viewMs) / 1000.0);
    const double maxGui = bench::percentile(guiBatchMs, 100);
    bench::report({
        {QStringLiteral("name"), QStringLiteral("ingest")},
        {QStringLiteral("figure"), qRound(eventsPerS)},
        {QStringLiteral("unit"), QStringLiteral("events/s")},
        {QStringLiteral("target"), 50000},
        {QStringLiteral("pass"), eventsPerS >= 50000 && maxGui <= 16},
        {QStringLiteral("max_gui_batch_ms"), bench::round2(maxGui)},
        {QStringLiteral("max_gui_batch_target_ms"), 16},
        {QStringLiteral("gui_batch_p95_ms"), bench::round2(bench::percentile(guiBatchMs, 95))},
        {QStringLiteral("max_model_apply_ms"), bench::round2(bench::percentile(applyBatchMs, 100))},
        {QStringLiteral("service_thread_events_per_s"), qRound(serviceEventsPerS)},
        {QStringLiteral("gui_thread_events_per_s"), qRound(guiEventsPerS)},
        // CPU time beside the wall clock: how much of each thread's share was work.
        {QStringLiteral("service_thread_cpu_ms"), qRound(serviceCpuMs)},
        {QStringLiteral("gui_thread_cpu_ms"), qRound(guiCpuMs)},
        {QStringLiteral("gui_queue_deepest"), qint64(toGui.deepest())},
        {QStringLiteral("pages_served"), pagesServed},
        {QStringLiteral("decode_ms"), qRound(decodeMs)},
        {QStringLiteral("cache_write_ms"), qRound(writeMs)},
        {QStringLiteral("model_apply_ms"), qRound(applyMs)},
        {QStringLiteral("search_index_after_ms"), qRound(catchUpMs)},
        {QStringLiteral("search_index_waiting"), waitingForIndex},
        {QStringLiteral("view_update_ms"), qRound(viewMs)},
        {QStringLiteral("events"), kEvents},
        {QStringLiteral("transactions"), transactions},
        {QStringLiteral("batches"), guiBatchMs.size()},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("customers"), kCustomers},
        {QStringLiteral("open_thread_rows"), timeline.rowCount()},
        {QStringLiteral("frame_mb"), bench::round2(double(frameBytes) / 1048576.0)},
    });
    return 0;
}
