// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 8, hub fan-out: a real threadline-hub (--demo --simulate RATE) on
// loopback and N desktops as raw QWebSocket clients in this one process, all signed
// in as the demo agent. For every message.created a desktop receives, the latency is
// its receipt time minus the message's `at` (stamped by the hub when it stores the
// message; same machine, same clock). First 100 desktops, then 500.
#include "bench/bench_support.h"
#include "services/protocol/envelope.h"
#include "services/protocol/frame_types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
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

constexpr double kRequestedRate = 1000; // inbound messages per second asked of the simulator
constexpr int kMeasureSeconds = 10;

struct Desk {
    std::unique_ptr<QWebSocket> socket;
    bool live = false;
    QString token;
};

struct Fleet {
    QUrl url;
    QString token; ///< from the first sign-in; the others reuse it (no password hashing)
    std::vector<std::unique_ptr<Desk>> desks;
    bool measuring = false;
    QList<double> latencies;
    qint64 firstDeskMessages = 0;
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
            else if (e->type == protocol::type::live)
                desk.live = true;
            return;
        }
        if (!measuring)
            return;
        // The hub's compact JSON with sorted keys: cheap to scan, so that 100,000
        // frames a second do not make this process the bottleneck.
        static const QString created = QStringLiteral("\"type\":\"message.created\"");
        static const QString at = QStringLiteral("\"at\":");
        if (!text.contains(created))
            return;
        const qsizetype i = text.indexOf(at);
        if (i < 0)
            return;
        qsizetype end = i + at.size();
        while (end < text.size() && text.at(end).isDigit())
            ++end;
        const qint64 stamped =
            QStringView(text).mid(i + at.size(), end - i - at.size()).toLongLong();
        latencies.append(double(now - stamped));
        if (&desk == desks.front().get())
            ++firstDeskMessages;
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
                    const QJsonObject data =
                        withPassword
                            ? QJsonObject{{QStringLiteral("user"), QStringLiteral("agent")},
                                          {QStringLiteral("password"), QStringLiteral("demo")},
                                          {QStringLiteral("since"), 0}}
                            : QJsonObject{{QStringLiteral("token"), token},
                                          {QStringLiteral("since"), 0}};
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

double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces): state is field 3.
    const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(f.value(11).toLongLong() + f.value(12).toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

struct Phase {
    int desks = 0;
    int live = 0;
    double p50 = 0, p99 = 0, max = 0;
    double rate = 0; ///< message.created per second reaching one desktop
    qint64 deliveries = 0;
    double hubCpu = 0, benchCpu = 0; ///< share of one core during the window
};

Phase measure(Fleet &fleet, qint64 hubPid)
{
    Phase p;
    p.desks = int(fleet.desks.size());
    p.live = fleet.liveCount();
    fleet.latencies.clear();
    fleet.firstDeskMessages = 0;
    const double hub0 = cpuSeconds(hubPid);
    const double me0 = cpuSeconds(QCoreApplication::applicationPid());
    fleet.measuring = true;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < kMeasureSeconds * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    fleet.measuring = false;
    const double seconds = bench::msSince(t) / 1000.0;
    p.hubCpu = (cpuSeconds(hubPid) - hub0) / seconds;
    p.benchCpu = (cpuSeconds(QCoreApplication::applicationPid()) - me0) / seconds;
    p.p50 = bench::percentile(fleet.latencies, 50);
    p.p99 = bench::percentile(fleet.latencies, 99);
    p.max = bench::percentile(fleet.latencies, 100);
    p.rate = double(fleet.firstDeskMessages) / seconds;
    p.deliveries = fleet.latencies.size();
    return p;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QProcess hub;
    hub.setProcessChannelMode(QProcess::SeparateChannels);
    hub.start(QStringLiteral(THREADLINE_HUB_BINARY),
              {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
               dir.filePath(QStringLiteral("hub.db")), QStringLiteral("--log-dir"),
               dir.filePath(QStringLiteral("logs")), QStringLiteral("--demo"),
               QStringLiteral("--simulate"), QString::number(kRequestedRate)});
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
    fleet.add(1, true);
    if (!fleet.waitLive(1, 30000)) {
        std::fprintf(stderr, "sign-in failed\n");
        return 1;
    }
    QList<Phase> phases;
    for (const int target : {100, 500}) {
        // In groups of 50, as a shift of agents signs in.
        while (int(fleet.desks.size()) < target) {
            const int n = std::min(50, target - int(fleet.desks.size()));
            fleet.add(n, false);
            fleet.waitLive(int(fleet.desks.size()), 30000);
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 500); // settle
        phases.append(measure(fleet, hub.processId()));
        if (phases.constLast().live < target)
            break; // the machine does not cope; stop here and say so
    }

    hub.terminate();
    if (!hub.waitForFinished(10000))
        hub.kill();

    const Phase &last = phases.constLast();
    const Phase &first = phases.constFirst();
    bench::report({
        {QStringLiteral("name"), QStringLiteral("hub_fanout")},
        {QStringLiteral("figure"), last.p99},
        {QStringLiteral("unit"), QStringLiteral("ms p99 delivery")},
        {QStringLiteral("target"), 100},
        {QStringLiteral("pass"),
         last.p99 < 100 && last.rate >= 0.95 * kRequestedRate && last.live >= 500},
        {QStringLiteral("desktops"), last.live},
        {QStringLiteral("rate_requested_per_s"), kRequestedRate},
        {QStringLiteral("rate_reached_per_s"), bench::round2(last.rate)},
        {QStringLiteral("p50_ms"), last.p50},
        {QStringLiteral("max_ms"), last.max},
        {QStringLiteral("deliveries"), last.deliveries},
        {QStringLiteral("hub_cpu_cores"), bench::round2(last.hubCpu)},
        {QStringLiteral("clients_cpu_cores"), bench::round2(last.benchCpu)},
        {QStringLiteral("at_100_p99_ms"), first.p99},
        {QStringLiteral("at_100_p50_ms"), first.p50},
        {QStringLiteral("at_100_rate_per_s"), bench::round2(first.rate)},
        {QStringLiteral("at_100_hub_cpu_cores"), bench::round2(first.hubCpu)},
        {QStringLiteral("window_s"), kMeasureSeconds},
        {QStringLiteral("sign_in_failures"), fleet.failures},
    });
    return 0;
}
