// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 8, hub fan-out: a real threadline-hub (--demo --simulate RATE) on
// loopback and N desktops as lean WebSocket clients (bench/fanout_desk: epoll, bytes, no
// QString per frame; real desktops do not share the hub's two cores) in this one process,
// all signed in as the demo agent and accepting batch frames (as the desktop does). For every
// message.created a desktop receives, the latency is its receipt time minus the message's
// `at` (stamped by the hub when it stores the message; same machine, same clock). Every
// desktop also checks that its events arrive in order with no gap in the `prev` chain.
// The curve: 100, then 250, then 500 desktops.
//
//   bench_fanout [--hub PATH] [--rate N] [--desktops 100,250,500] [--seconds 10] [--single]
//
// --hub measures another hub binary with the same clients (before/after comparisons);
// --single leaves `accepts` out of the hello, so the hub sends one frame per event.
#include "bench/bench_support.h"
#include "bench/fanout_desk.h"
#include "services/protocol/envelope.h"
#include "services/protocol/frame_types.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <sys/epoll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string_view>

using namespace threadline;
using bench::FanoutDesk;

namespace {

struct Options {
    QString hub = QStringLiteral(THREADLINE_HUB_BINARY);
    double rate = 1000; // inbound messages per second asked of the simulator
    QList<int> desktops{100, 250, 500};
    int seconds = 10;
    bool batches = true;
};

/// The number written at `from` in `text` (digits only), and where it ends.
qint64 numberAt(std::string_view text, size_t from, size_t *end)
{
    size_t i = from;
    qint64 n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        n = n * 10 + (text[i++] - '0');
    *end = i;
    return n;
}

struct Fleet {
    QString host;
    quint16 port = 0;
    QString token; ///< from the first sign-in; the others reuse it (no password hashing)
    bool batches = true;
    int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    std::vector<std::unique_ptr<FanoutDesk>> desks;
    bool measuring = false;
    QList<double> latencies;
    qint64 now = 0; ///< when the current epoll wake-up began, before any parsing
    qint64 firstDeskMessages = 0;
    qint64 firstDeskFrames = 0;
    qint64 outOfOrder = 0; ///< events whose `prev` was not the seq before them on that desk
    int failures = 0;

    ~Fleet() { ::close(epoll); }

    void onText(FanoutDesk &desk, std::string_view text)
    {
        if (!desk.live) {
            // Only the handshake frames are parsed in full.
            const auto decoded = protocol::decode(QByteArray(text.data(), qsizetype(text.size())));
            const auto *e = std::get_if<protocol::Envelope>(&decoded);
            if (!e)
                return;
            if (e->type == protocol::type::welcome) {
                if (token.isEmpty())
                    token = e->data.value(QStringLiteral("token")).toString();
            } else if (e->type == protocol::type::error) {
                ++failures;
            } else if (e->type == protocol::type::live) {
                desk.live = true;
                desk.lastSeq = e->data.value(QStringLiteral("seq")).toInteger();
            }
            return;
        }
        // The hub's compact JSON with sorted keys, scanned rather than parsed so that a
        // few hundred thousand events a second do not make this process the bottleneck:
        // every event ends in `"seq":S,"type":"…"}`, preceded by `"prev":P,` unless P is 0,
        // and a message's object starts with its `at`.
        constexpr std::string_view seqKey = ",\"seq\":";
        constexpr std::string_view prevKey = "\"prev\":";
        constexpr std::string_view atKey = "\"message\":{\"at\":";
        const bool counted = measuring && &desk == desks.front().get();
        if (counted)
            ++firstDeskFrames;
        for (size_t i = text.find(seqKey); i != std::string_view::npos;
             i = text.find(seqKey, i + 1)) {
            size_t end = 0;
            const qint64 seq = numberAt(text, i + seqKey.size(), &end);
            if (text.substr(end, 8) != ",\"type\":")
                continue; // not an event's own seq
            // `prev` is the number just before, when there is one.
            size_t digits = i;
            while (digits > 0 && text[digits - 1] >= '0' && text[digits - 1] <= '9')
                --digits;
            const bool hasPrev = digits >= prevKey.size() &&
                                 text.substr(digits - prevKey.size(), prevKey.size()) == prevKey;
            size_t ignored = 0;
            const qint64 prev = hasPrev ? numberAt(text, digits, &ignored) : 0;
            if (prev != desk.lastSeq || seq <= prev)
                ++outOfOrder;
            desk.lastSeq = seq;
        }
        if (!measuring)
            return;
        for (size_t i = text.find(atKey); i != std::string_view::npos;
             i = text.find(atKey, i + 1)) {
            size_t end = 0;
            const qint64 stamped = numberAt(text, i + atKey.size(), &end);
            latencies.append(double(now - stamped));
            if (counted)
                ++firstDeskMessages;
        }
    }

    void hello(FanoutDesk &desk, bool withPassword)
    {
        QJsonObject data =
            withPassword
                ? QJsonObject{{QStringLiteral("user"), QStringLiteral("agent")},
                              {QStringLiteral("password"), QStringLiteral("demo")},
                              {QStringLiteral("since"), 0}}
                : QJsonObject{{QStringLiteral("token"), token}, {QStringLiteral("since"), 0}};
        if (batches)
            data.insert(QStringLiteral("accepts"), QJsonArray{protocol::accepts::batch});
        const auto frame = protocol::makeCommand(
            protocol::type::hello, QUuid::createUuid().toString(QUuid::WithoutBraces), data);
        desk.sendText(protocol::encode(frame));
    }

    void add(int count, bool withPassword)
    {
        for (int i = 0; i < count; ++i) {
            auto desk = std::make_unique<FanoutDesk>(
                host, port, [this](FanoutDesk &d, std::string_view t) { onText(d, t); });
            if (!desk->open()) {
                std::fprintf(stderr, "a desktop could not connect: %s\n",
                             qPrintable(desk->failure()));
                ++failures;
                continue;
            }
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.ptr = desk.get();
            ::epoll_ctl(epoll, EPOLL_CTL_ADD, desk->fd(), &ev);
            desks.push_back(std::move(desk));
        }
        // The hello goes once the upgrade is answered.
        const QDeadlineTimer deadline(30000);
        auto waiting = [&] {
            return std::any_of(desks.begin(), desks.end(),
                               [](const auto &d) { return !d->isOpen() && !d->isClosed(); });
        };
        while (waiting() && !deadline.hasExpired())
            pump(20);
        for (auto it = desks.end() - std::min<qsizetype>(count, qsizetype(desks.size()));
             it != desks.end(); ++it)
            if ((*it)->isOpen())
                hello(**it, withPassword);
    }

    /// Reads whatever the desktops were sent, for up to `ms`.
    void pump(int ms)
    {
        epoll_event ready[256];
        const int n = ::epoll_wait(epoll, ready, 256, ms);
        now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < n; ++i) {
            auto *desk = static_cast<FanoutDesk *>(ready[i].data.ptr);
            desk->onReadable();
            if (desk->isClosed()) {
                ::epoll_ctl(epoll, EPOLL_CTL_DEL, desk->fd(), nullptr);
                if (desk->live)
                    std::fprintf(stderr, "a live desktop closed: %s\n",
                                 qPrintable(desk->failure()));
                desk->live = false;
            }
        }
    }

    int liveCount() const
    {
        int n = 0;
        for (const auto &d : desks)
            n += d->live ? 1 : 0;
        return n;
    }

    bool waitLive(int expected, int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (liveCount() < expected && !deadline.hasExpired())
            pump(20);
        return liveCount() >= expected;
    }
};

/// Fields of /proc/PID/stat after the command name (which may hold spaces).
QList<QByteArray> procStat(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2).split(' '); // field 3 (state) first
}

double cpuSeconds(qint64 pid)
{
    const QList<QByteArray> f = procStat(pid);
    const double ticks = double(f.value(11).toLongLong() + f.value(12).toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

double rssMiBOf(qint64 pid)
{
    return double(procStat(pid).value(21).toLongLong()) * double(sysconf(_SC_PAGESIZE)) /
           (1024.0 * 1024.0);
}

struct Phase {
    int desks = 0;
    int live = 0;
    double p50 = 0, p99 = 0, max = 0;
    double rate = 0;       ///< message.created per second reaching one desktop
    double framesPerS = 0; ///< frames per second reaching one desktop
    qint64 deliveries = 0;
    double hubCpu = 0, benchCpu = 0; ///< share of one core during the window
    double hubRssMiB = 0;
    /// CPU time per message.created delivered: less sensitive to other load than latency.
    double hubCpuUsPerDelivery = 0, benchCpuUsPerDelivery = 0;
};

Phase measure(Fleet &fleet, qint64 hubPid, int seconds)
{
    Phase p;
    p.desks = int(fleet.desks.size());
    p.live = fleet.liveCount();
    fleet.latencies.clear();
    fleet.firstDeskMessages = 0;
    fleet.firstDeskFrames = 0;
    const double hub0 = cpuSeconds(hubPid);
    const double me0 = cpuSeconds(QCoreApplication::applicationPid());
    fleet.measuring = true;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < seconds * 1000)
        fleet.pump(20);
    fleet.measuring = false;
    const double elapsed = bench::msSince(t) / 1000.0;
    p.hubCpu = (cpuSeconds(hubPid) - hub0) / elapsed;
    p.benchCpu = (cpuSeconds(QCoreApplication::applicationPid()) - me0) / elapsed;
    p.p50 = bench::percentile(fleet.latencies, 50);
    p.p99 = bench::percentile(fleet.latencies, 99);
    p.max = bench::percentile(fleet.latencies, 100);
    p.rate = double(fleet.firstDeskMessages) / elapsed;
    p.framesPerS = double(fleet.firstDeskFrames) / elapsed;
    p.deliveries = fleet.latencies.size();
    p.hubRssMiB = rssMiBOf(hubPid);
    if (p.deliveries > 0) {
        p.hubCpuUsPerDelivery = p.hubCpu * elapsed * 1e6 / double(p.deliveries);
        p.benchCpuUsPerDelivery = p.benchCpu * elapsed * 1e6 / double(p.deliveries);
    }
    std::fprintf(stderr,
                 "%d desktops: %.1f msgs/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms, "
                 "%.0f frames/s per desktop, hub %.2f cores, clients %.2f cores, hub RSS %.0f MiB, "
                 "CPU per delivery: hub %.1f us, clients %.1f us\n",
                 p.live, p.rate, p.p50, p.p99, p.max, p.framesPerS, p.hubCpu, p.benchCpu,
                 p.hubRssMiB, p.hubCpuUsPerDelivery, p.benchCpuUsPerDelivery);
    return p;
}

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    const QCommandLineOption hub(QStringLiteral("hub"), QString(), QStringLiteral("path"));
    const QCommandLineOption rate(QStringLiteral("rate"), QString(), QStringLiteral("n"));
    const QCommandLineOption desktops(QStringLiteral("desktops"), QString(),
                                      QStringLiteral("list"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QString(), QStringLiteral("n"));
    const QCommandLineOption single(QStringLiteral("single"));
    parser.addOptions({hub, rate, desktops, seconds, single});
    parser.process(app);
    Options o;
    if (parser.isSet(hub))
        o.hub = parser.value(hub);
    if (parser.isSet(rate))
        o.rate = parser.value(rate).toDouble();
    if (parser.isSet(desktops)) {
        o.desktops.clear();
        for (const QString &n : parser.value(desktops).split(QLatin1Char(',')))
            o.desktops.append(n.toInt());
    }
    if (parser.isSet(seconds))
        o.seconds = parser.value(seconds).toInt();
    o.batches = !parser.isSet(single);
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app);
    QTemporaryDir dir;
    QProcess hub;
    hub.setProcessChannelMode(QProcess::SeparateChannels);
    hub.start(options.hub,
              {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
               dir.filePath(QStringLiteral("hub.db")), QStringLiteral("--log-dir"),
               dir.filePath(QStringLiteral("logs")), QStringLiteral("--demo"),
               QStringLiteral("--simulate"), QString::number(options.rate)});
    if (!hub.waitForStarted(10000)) {
        std::fprintf(stderr, "the hub did not start\n");
        return 1;
    }
    static const QRegularExpression listening(
        QStringLiteral("listening on (ws://127\\.0\\.0\\.1:\\d+/ws)"));
    QUrl url;
    const QDeadlineTimer started(180000);
    while (url.isEmpty() && !started.hasExpired() && hub.state() == QProcess::Running) {
        if (!hub.canReadLine()) {
            hub.waitForReadyRead(1000);
            continue;
        }
        const auto m = listening.match(QString::fromUtf8(hub.readLine()));
        if (m.hasMatch())
            url = QUrl(m.captured(1));
    }
    if (url.isEmpty()) {
        std::fprintf(stderr, "the hub did not listen: %s\n",
                     hub.readAllStandardError().constData());
        return 1;
    }

    Fleet fleet;
    fleet.host = url.host();
    fleet.port = quint16(url.port());
    fleet.batches = options.batches;
    fleet.add(1, true);
    if (!fleet.waitLive(1, 30000)) {
        std::fprintf(stderr, "sign-in failed\n");
        return 1;
    }
    QList<Phase> phases;
    for (const int target : options.desktops) {
        // In groups of 50, as a shift of agents signs in.
        while (int(fleet.desks.size()) < target) {
            const int n = std::min(50, target - int(fleet.desks.size()));
            fleet.add(n, false);
            fleet.waitLive(int(fleet.desks.size()), 30000);
        }
        for (QElapsedTimer settle; !settle.isValid() || settle.elapsed() < 500;) {
            if (!settle.isValid())
                settle.start();
            fleet.pump(20);
        }
        phases.append(measure(fleet, hub.processId(), options.seconds));
        if (phases.constLast().live < target)
            break; // the machine does not cope; stop here and say so
    }

    hub.terminate();
    if (!hub.waitForFinished(10000))
        hub.kill();

    const Phase &last = phases.constLast();
    QJsonArray curve;
    for (const Phase &p : std::as_const(phases))
        curve.append(QJsonObject{
            {QStringLiteral("desktops"), p.live},
            {QStringLiteral("rate_reached_per_s"), bench::round2(p.rate)},
            {QStringLiteral("p50_ms"), p.p50},
            {QStringLiteral("p99_ms"), p.p99},
            {QStringLiteral("max_ms"), p.max},
            {QStringLiteral("frames_per_desktop_per_s"), bench::round2(p.framesPerS)},
            {QStringLiteral("hub_cpu_cores"), bench::round2(p.hubCpu)},
            {QStringLiteral("clients_cpu_cores"), bench::round2(p.benchCpu)},
            {QStringLiteral("hub_rss_mib"), bench::round2(p.hubRssMiB)},
            {QStringLiteral("hub_cpu_us_per_delivery"), bench::round2(p.hubCpuUsPerDelivery)},
            {QStringLiteral("clients_cpu_us_per_delivery"),
             bench::round2(p.benchCpuUsPerDelivery)}});
    bench::report({
        {QStringLiteral("name"), QStringLiteral("hub_fanout")},
        {QStringLiteral("figure"), last.p99},
        {QStringLiteral("unit"), QStringLiteral("ms p99 delivery")},
        {QStringLiteral("target"), 100},
        {QStringLiteral("pass"), last.p99 < 100 && last.rate >= 0.95 * options.rate &&
                                     last.live >= 500 && fleet.outOfOrder == 0},
        {QStringLiteral("desktops"), last.live},
        {QStringLiteral("rate_requested_per_s"), options.rate},
        {QStringLiteral("rate_reached_per_s"), bench::round2(last.rate)},
        {QStringLiteral("p50_ms"), last.p50},
        {QStringLiteral("max_ms"), last.max},
        {QStringLiteral("deliveries"), last.deliveries},
        {QStringLiteral("hub_cpu_cores"), bench::round2(last.hubCpu)},
        {QStringLiteral("clients_cpu_cores"), bench::round2(last.benchCpu)},
        {QStringLiteral("batches"), options.batches},
        {QStringLiteral("out_of_order_events"), fleet.outOfOrder},
        {QStringLiteral("curve"), curve},
        {QStringLiteral("window_s"), options.seconds},
        {QStringLiteral("sign_in_failures"), fleet.failures},
    });
    return 0;
}
