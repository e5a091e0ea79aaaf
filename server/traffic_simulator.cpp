// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/traffic_simulator.h"

#include "server/demo_phrases.h"
#include "server/hub_store.h"
#include "services/logging/log.h"

#include <cmath>

namespace threadline::server {
namespace {

using demo::Language;

// Persian-only letters tell Persian from Arabic; any Arabic script otherwise means Arabic.
Language guessLanguage(const QString &name)
{
    static const QString persianOnly = QString::fromUtf8("پچژگکی");
    bool arabicScript = false;
    for (const QChar c : name) {
        if (persianOnly.contains(c))
            return Language::Persian;
        if (c.unicode() >= 0x0600 && c.unicode() <= 0x06FF)
            arabicScript = true;
    }
    return arabicScript ? Language::Arabic : Language::English;
}

const QStringList &channels()
{
    static const QStringList all{protocol::channel::sms, protocol::channel::chat,
                                 protocol::channel::email};
    return all;
}

} // namespace

TrafficSimulator::TrafficSimulator(HubStore &store, double rate, quint32 seed, QObject *parent)
    : QObject(parent), m_store(store), m_rate(rate), m_engine(seed)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // at 1,000 a second the gaps are a millisecond
    connect(&m_timer, &QTimer::timeout, this, &TrafficSimulator::storeDueArrivals);
}

void TrafficSimulator::start()
{
    // Read once: per arrival these lookups cost more than storing the message.
    for (const qint64 id : m_store.customerIds()) {
        const auto customer = m_store.customer(id);
        if (!customer)
            continue;
        Sender sender{id, customer->name, {}};
        for (const QString &channel : channels()) {
            const QString kind = channel == protocol::channel::sms     ? QStringLiteral("phone")
                                 : channel == protocol::channel::email ? QStringLiteral("email")
                                                                       : QStringLiteral("chat");
            if (const auto identity = m_store.preferredIdentity(id, kind))
                sender.identities.insert(channel, *identity);
        }
        if (sender.identities.contains(protocol::channel::sms))
            m_senders.append(sender);
    }
    if (m_senders.isEmpty() || m_rate <= 0) {
        TL_LOG("hub", warning) << "simulator: nothing to simulate (no customers or rate 0)";
        return;
    }
    TL_LOG("hub", info) << "simulator: " << m_rate << " inbound messages per second";
    m_clock.start();
    m_nextArrivalMs = gapMs();
    m_timer.start(int(m_nextArrivalMs));
}

double TrafficSimulator::gapMs()
{
    return std::exponential_distribution<double>(m_rate)(m_engine) * 1000.0;
}

void TrafficSimulator::storeDueArrivals()
{
    const double now = double(m_clock.nsecsElapsed()) / 1e6;
    while (m_nextArrivalMs < now - kMaxBacklogMs) {
        ++m_skipped;
        m_nextArrivalMs += gapMs();
    }
    if (m_skipped > 0 && (!m_lastSkipWarning.isValid() || m_lastSkipWarning.hasExpired(10000))) {
        TL_LOG("hub", warning) << "simulator: the hub fell behind; skipped " << m_skipped
                               << " arrivals";
        m_skipped = 0;
        m_lastSkipWarning.start();
    }
    int due = 0;
    while (m_nextArrivalMs <= now && due < kMaxArrivalsPerWrite) {
        ++due;
        m_nextArrivalMs += gapMs();
    }
    if (due > 0) {
        bool ok = m_store.beginWork();
        for (int i = 0; i < due && ok; ++i)
            ok = m_store.writeMessage(compose()).has_value();
        if (!ok || !m_store.commitWork()) {
            m_store.rollbackWork();
            TL_LOG("hub", warning) << "simulator: could not store " << due << " messages";
        }
    }
    // The next write when the next arrival is due, but not sooner than the write interval.
    const double wait = m_nextArrivalMs - double(m_clock.nsecsElapsed()) / 1e6;
    m_timer.start(std::clamp(int(std::ceil(wait)), kWriteIntervalMs, 3'600'000));
}

protocol::MessagePayload TrafficSimulator::compose()
{
    const Sender &sender = m_senders.at(
        std::uniform_int_distribution<qsizetype>(0, m_senders.size() - 1)(m_engine));
    QString channel = channels().at(std::uniform_int_distribution<int>(0, 2)(m_engine));
    if (!sender.identities.contains(channel))
        channel = protocol::channel::sms; // every sender has a phone
    const demo::Phrases &ph = demo::phrases(guessLanguage(sender.name));
    const demo::Topic &topic =
        ph.topics.at(std::uniform_int_distribution<size_t>(0, ph.topics.size() - 1)(m_engine));
    const QString order =
        QStringLiteral("TL-") +
        QString::number(std::uniform_int_distribution<int>(100000, 999999)(m_engine));
    auto fill = [&](const char *text) {
        return demo::utf8(text).replace(QLatin1String("%ORDER%"), order);
    };
    const bool opening = std::uniform_int_distribution<int>(0, 2)(m_engine) > 0;
    const auto &pool = opening ? topic.opens : topic.followUps;

    protocol::MessagePayload m;
    m.customerId = sender.id;
    m.channel = channel;
    m.direction = protocol::direction::in;
    m.author = sender.name;
    m.identity = sender.identities.value(channel);
    m.body = fill(pool.at(std::uniform_int_distribution<size_t>(0, pool.size() - 1)(m_engine)));
    m.status = QStringLiteral("received");
    if (channel == protocol::channel::email)
        m.subject = fill(topic.subject);
    return m;
}

} // namespace threadline::server
