// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/bench_support.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <time.h>

namespace threadline::bench {

QString machine()
{
    QString model = QStringLiteral("unknown CPU");
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                model = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).simplified();
                break;
            }
        }
    }
    return QStringLiteral("%1, %2 cores").arg(model).arg(QThread::idealThreadCount());
}

void report(QJsonObject result)
{
    result.insert(QStringLiteral("machine"), machine());
    // QJsonObject sorts its keys; the line reads better with the headline first.
    static const QStringList first = {QStringLiteral("name"),  QStringLiteral("figure"),
                                      QStringLiteral("unit"),  QStringLiteral("target"),
                                      QStringLiteral("pass"),  QStringLiteral("baseline"),
                                      QStringLiteral("ratio"), QStringLiteral("machine")};
    QStringList keys;
    for (const QString &k : first)
        if (result.contains(k))
            keys.append(k);
    for (const QString &k : result.keys())
        if (!first.contains(k))
            keys.append(k);
    QByteArray line = "{";
    for (const QString &k : keys) {
        if (line.size() > 1)
            line += ',';
        // One-element arrays serialise a value (string escaping included); strip the brackets.
        const QByteArray value =
            QJsonDocument(QJsonArray{result.value(k)}).toJson(QJsonDocument::Compact);
        line += QJsonDocument(QJsonArray{k}).toJson(QJsonDocument::Compact).chopped(1).mid(1) +
                ':' + value.chopped(1).mid(1);
    }
    line += '}';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(samples.size())));
    return samples.at(std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1));
}

double mean(const QList<double> &samples)
{
    if (samples.isEmpty())
        return 0;
    return std::accumulate(samples.cbegin(), samples.cend(), 0.0) / double(samples.size());
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

QByteArray benchKey()
{
    QByteArray key(32, '\0');
    for (int i = 0; i < key.size(); ++i)
        key[i] = char(0x5a ^ (i * 7));
    return key;
}

QString dataDir()
{
    const QString dir = QStringLiteral(THREADLINE_BENCH_DATA_DIR);
    QDir().mkpath(dir);
    return dir;
}

double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            const QByteArray kb = line.mid(6).trimmed().split(' ').value(0);
            return kb.toDouble() / 1024.0;
        }
    }
    return -1;
}

void useOffscreenPlatform()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

void useDesktopFont()
{
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans Arabic"),
                      QStringLiteral("Noto Naskh Arabic"), QStringLiteral("DejaVu Sans")});
    QApplication::setFont(font);
}

std::unique_ptr<cache::CacheStore> openCacheOrDie(const QString &path)
{
    auto opened = cache::CacheStore::open(path, benchKey());
    if (auto *e = std::get_if<cache::CacheError>(&opened)) {
        std::fprintf(stderr, "cannot open %s: %s: %s\n", qPrintable(path), qPrintable(e->code),
                     qPrintable(e->message));
        std::exit(1);
    }
    return std::move(std::get<std::unique_ptr<cache::CacheStore>>(opened));
}

void removeCache(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace threadline::bench
