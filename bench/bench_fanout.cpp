// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 8, hub fan-out: a real threadline-hub (--demo --simulate RATE) on
// loopback and N desktops as raw QWebSocket clients in this one process, all signed
// in as the demo agent and accepting batch frames (as the desktop does). For every
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
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

using namespace threadline;

namespace {

struct Options {
    QString hub = QStringLiteral(THREADLINE_HUB_BINARY);
    double rate = 1000; // inbound messages per second asked of the simulator
    QList<int> desktops{100, 250, 500};
    int seconds = 10;
    bool batches = true;
};

struct Desk {
    std::unique_ptr<QWebSocket> socket;
    bool live = false;
    qint64 lastSeq = -1; ///< the `prev` the next event must carry (from `live` on)
};

/// The number written at `from` in `text` (digits only), and where it ends.
qint64 numberAt(QStringView text, qsizetype from, qsizetype *end)
{
    qsizetype i = from;
    while (i < text.size() && text.at(i).isDigit())
        ++i;
    *end = i;
    return text.mid(from, i - from).toLongLong();
}

struct Fleet {
    QUrl url;
    QString token; ///< from the first sign-in; the others reuse it (no password hashing)
    bool batches = true;
    std::vector<std::unique_ptr<Desk>> desks;
    bool measuring = false;
    QList<double> latencies;
    qint64 firstDeskMessages = 0;
    qint64 firstDeskFrames = 0;
    qint64 outOfOrder = 0; ///< events whose `prev` was not the seq before them on that desk
    int failures = 0;

    void onText(Desk &desk, const QString &text)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch(); // before any parsing
        if (!desk.live) {
            // Only the handshake frames are parsed in full.
            const auto decoded = protocol::decode(text.toUtf8());
            const auto *e = std::get_if<protocol::Envelope>(&decoded);
            if (!e)
                return;
            if (e->type == protocol::type::welcome && token.isEmpty())
                token = e->data.value(QStringLiteral("token")).toString();
            else if (e->type == protocol::type::error)
                ++failures;
            else if (e->type == protocol::type::live) {
                desk.live = true;
                desk.lastSeq = e->data.value(QStringLiteral("seq")).toInteger();
            }
            return;
        }
        // The hub's compact JSON with sorted keys, scanned rather than parsed so that a
        // few hundred thousand events a second do not make this process the bottleneck:
        // every event ends in `"seq":S,"type":"…"}`, preceded by `"prev":P,` unless P is 0,
        // and a message's object starts with its `at`.
        static const QString seqKey = QStringLiteral(",\"seq\":");
        static const QString prevKey = QStringLiteral("\"prev\":");
        static const QString atKey = QStringLiteral("\"message\":{\"at\":");
        const QStringView view(text);
        const bool counted = measuring && &desk == desks.front().get();
        if (counted)
            ++firstDeskFrames;
        for (qsizetype i = view.indexOf(seqKey); i >= 0; i = view.indexOf(seqKey, i + 1)) {
            qsizetype end = 0;
            const qint64 seq = numberAt(view, i + seqKey.size(), &end);
            if (!view.mid(end).startsWith(u",\"type\""))
                continue; // not an event's own seq
            // `prev` is the number just before, when there is one.
            qsizetype digits = i;
            while (digits > 0 && view.at(digits - 1).isDigit())
                --digits;
            const bool hasPrev = digits >= prevKey.size() &&
                                 view.mid(digits - prevKey.size(), prevKey.size()) == prevKey;
            const qint64 prev = hasPrev ? view.mid(digits, i - digits).toLongLong() : 0;
            if (prev != desk.lastSeq || seq <= prev)
                ++outOfOrder;
            desk.lastSeq = seq;
        }
        if (!measuring)
            return;
        for (qsizetype i = view.indexOf(atKey); i >= 0; i = view.indexOf(atKey, i + 1)) {
            qsizetype end = 0;
            const qint64 stamped = numberAt(view, i + atKey.size(), &end);
            latencies.append(double(now - stamped));
            if (counted)
                ++firstDeskMessages;
        }
    }

    void add(int count, bool withPassword)
    {
        for (int i = 0; i < count; ++i) {
            auto desk = std::make_unique<Desk>();
            desk->socket = std::make_unique<QWebSocket>();
            Desk *d = desk.get();
            QObject::connect(d->socket.get(), &QWebSocket::textMessageReceived, d->socket.get(),
                             [this, d](const QString &t) { onText(*d, t); });
            QObject::connect(
                d->socket.get(), &QWebSocket::connected, d->socket.get(), [this, d, withPassword] {
                    QJsonObject data =
                        withPassword
                            ? QJsonObject{{QStringLiteral("user"), QStringLiteral("agent")},
                                          {QStringLiteral("password"), QStringLiteral("demo")},
                                          {QStringLiteral("since"), 0}}
                            : QJsonObject{{QStringLiteral("token"), token},
                                          {QStringLiteral("since"), 0}};
                    if (batches)
                        data.insert(QStringLiteral("accepts"),
                                    QJsonArray{protocol::accepts::batch});
                    const auto hello = protocol::makeCommand(
                        protocol::type::hello, QUuid::createUuid().toString(QUuid::WithoutBraces),
                        data);
                    d->socket->sendTextMessage(QString::fromUtf8(protocol::encode(hello)));
                });
            QWebSocketHandshakeOptions options;
            options.setSubprotocols({protocol::kSubprotocol});
            d->socket->open(url, options);
            desks.push_back(std::move(desk));
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
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
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
    double rate = 0;        ///< message.created per second reaching one desktop
    double framesPerS = 0;  ///< frames per second reaching one desktop
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
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
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
    fleet.url = url;
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
        QCoreApplication::processEvents(QEventLoop::AllEvents, 500); // settle
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
        curve.append(QJsonObject{{QStringLiteral("desktops"), p.live},
                                 {QStringLiteral("rate_reached_per_s"), bench::round2(p.rate)},
                                 {QStringLiteral("p50_ms"), p.p50},
                                 {QStringLiteral("p99_ms"), p.p99},
                                 {QStringLiteral("max_ms"), p.max},
                                 {QStringLiteral("frames_per_desktop_per_s"),
                                  bench::round2(p.framesPerS)},
                                 {QStringLiteral("hub_cpu_cores"), bench::round2(p.hubCpu)},
                                 {QStringLiteral("clients_cpu_cores"), bench::round2(p.benchCpu)},
                                 {QStringLiteral("hub_rss_mib"), bench::round2(p.hubRssMiB)},
                                 {QStringLiteral("hub_cpu_us_per_delivery"),
                                  bench::round2(p.hubCpuUsPerDelivery)},
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
