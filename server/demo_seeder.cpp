// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/demo_seeder.h"

#include "server/demo_phrases.h"
#include "server/hub_store.h"
#include "server/password_hash.h"
#include "server/seed_writer.h"
#include "services/logging/log.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <random>

namespace threadline::server {
namespace {

using demo::Language;
using demo::Phrases;
using demo::Topic;
using demo::utf8;
using protocol::MessagePayload;

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;

class Dice {
public:
    explicit Dice(quint32 seed) : m_engine(seed) {}
    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_engine); }
    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_engine); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T> const T &pick(const std::vector<T> &v)
    {
        return v.at(below(int(v.size())));
    }
    QString digits(int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s.append(QChar(u'0' + below(10)));
        return s;
    }

private:
    std::mt19937 m_engine;
};

struct Person {
    QString name;
    QString latin;
    Language language = Language::English;
    QString phone;
    QString email;
    QString chat;
};

QString nativePart(const char *pair)
{
    return utf8(pair).section(QLatin1Char('|'), 0, 0);
}

QString latinPart(const char *pair)
{
    return utf8(pair).section(QLatin1Char('|'), 1, 1);
}

Language languageFor(int index)
{
    const int slot = index % 20;
    if (slot < 11)
        return Language::Persian;
    if (slot < 16)
        return Language::Arabic;
    return Language::English;
}

QString phoneFor(Language language, Dice &dice)
{
    switch (language) {
    case Language::Persian:
        if (dice.chance(8))
            return QStringLiteral("+97150") + dice.digits(7);
        return QStringLiteral("+989") +
               QString::fromLatin1(
                   dice.pick(std::vector<const char *>{"12", "35", "01", "19", "36", "10"})) +
               QString::number(dice.between(2, 9)) + dice.digits(6);
    case Language::Arabic:
        if (dice.chance(50))
            return QStringLiteral("+9715") +
                   QString::fromLatin1(dice.pick(std::vector<const char *>{"0", "2", "5", "6"})) +
                   dice.digits(7);
        return QStringLiteral("+9665") +
               QString::fromLatin1(dice.pick(std::vector<const char *>{"0", "3", "4", "5"})) +
               dice.digits(7);
    case Language::English:
        break;
    }
    if (dice.chance(50))
        return QStringLiteral("+447") + QString::number(dice.between(4, 9)) + dice.digits(8);
    return QStringLiteral("+1") +
           QString::fromLatin1(dice.pick(std::vector<const char *>{"212", "415", "617", "312"})) +
           QString::number(dice.between(2, 9)) + dice.digits(6);
}

Person personFor(int index, Dice &dice)
{
    Person p;
    p.language = languageFor(index);
    const Phrases &ph = demo::phrases(p.language);
    const char *first = dice.pick(ph.firstNames);
    const char *last = dice.pick(ph.lastNames);
    p.name = nativePart(first) + QLatin1Char(' ') + nativePart(last);
    p.latin = latinPart(first) + QLatin1Char(' ') + latinPart(last);
    p.phone = phoneFor(p.language, dice);
    static const std::vector<const char *> domains{"gmail.com", "yahoo.com", "outlook.com",
                                                   "example.ir", "example.ae"};
    p.email = latinPart(first) + QLatin1Char('.') + latinPart(last) + QString::number(index + 1) +
              QLatin1Char('@') + QString::fromLatin1(dice.pick(domains));
    if (dice.chance(40))
        p.chat = QStringLiteral("v-") + dice.digits(8);
    return p;
}

/// Writes the items of one customer, in time order, and keeps the summary.
class ThreadWriter {
public:
    ThreadWriter(SeedWriter &writer, Dice &dice, const Person &person, qint64 customerId)
        : m_writer(writer), m_dice(dice), m_person(person), m_ph(demo::phrases(person.language))
    {
        m_summary.id = customerId;
        m_summary.status = QStringLiteral("resolved");
    }

    bool write(int items, qint64 from, qint64 to)
    {
        // Each story starts where the thread's progress says it should, so a
        // thread spans [from, to] however many items its stories turn out to
        // have (a fixed story count ran past `to` and piled items onto "now").
        const qint64 span = std::max<qint64>(to - from, items * kMinute);
        m_step = std::clamp<qint64>(span / std::max(1, items) / 2, kMinute, 6 * 60 * kMinute);
        while (m_count < items) {
            const qint64 due = from + span * m_count / items;
            m_at = std::max(m_at, due) +
                   m_dice.below(int(std::max<qint64>(1, m_step / kMinute))) * kMinute;
            if (!story(items))
                return false;
        }
        return true;
    }

    protocol::CustomerPayload summary(bool open, const QString &assignee)
    {
        if (open) {
            m_summary.status = QStringLiteral("open");
            m_summary.assignee = assignee;
        }
        return m_summary;
    }

private:
    QString fill(const char *text) const
    {
        QString s = utf8(text);
        s.replace(QLatin1String("%ORDER%"), m_order);
        s.replace(QLatin1String("%NAME%"), m_person.name.section(QLatin1Char(' '), 0, 0));
        return s;
    }

    bool add(MessagePayload m)
    {
        if (m_done)
            return true;
        m_at += m_step / 2 + m_dice.below(int(m_step / kMinute) + 1) * kMinute;
        m.customerId = m_summary.id;
        m.at = std::min(m_at, QDateTime::currentMSecsSinceEpoch() - kMinute);
        if (!m_writer.addMessage(m))
            return false;
        ++m_count;
        m_summary.itemCount = m_count;
        m_summary.lastAt = m.at;
        m_summary.lastChannel = m.channel;
        m_summary.lastDirection = m.direction;
        m_summary.lastPreview = previewOf(m);
        m_done = m_count >= m_limit;
        return true;
    }

    bool order(const char *text, const char *status)
    {
        MessagePayload m;
        m.channel = protocol::channel::order;
        m.direction = protocol::direction::internal;
        m.author = QStringLiteral("shop");
        m.body = fill(text);
        m.status = QStringLiteral("received");
        m.meta = {{QLatin1String("number"), m_order},
                  {QLatin1String("status"), QLatin1String(status)}};
        return add(m);
    }

    QString identityFor(const QString &channel) const
    {
        if (channel == protocol::channel::email)
            return m_person.email;
        if (channel == protocol::channel::chat)
            return m_person.chat;
        return m_person.phone;
    }

    bool say(const QString &channel, bool inbound, const QString &body, const Topic &topic,
             bool reply)
    {
        MessagePayload m;
        m.channel = channel;
        m.direction = inbound ? protocol::direction::in : protocol::direction::out;
        m.author =
            inbound ? m_person.name
                    : (m_dice.chance(80) ? QStringLiteral("agent") : QStringLiteral("supervisor"));
        m.identity = identityFor(channel);
        m.body = body;
        m.status = inbound ? QStringLiteral("received")
                           : (channel == protocol::channel::email ? QStringLiteral("sent")
                                                                  : QStringLiteral("delivered"));
        if (channel == protocol::channel::email) {
            m.subject = (reply ? QStringLiteral("Re: ") : QString()) + fill(topic.subject);
            if (!inbound)
                m.body += QStringLiteral("\n\n") + utf8(m_dice.pick(m_ph.greetings));
            if (reply && !m_lastEmail.isEmpty())
                m.quoted = QStringLiteral("> ") +
                           QString(m_lastEmail).replace(QLatin1Char('\n'), QStringLiteral("\n> "));
            m_lastEmail = m.body;
        }
        return add(m);
    }

    bool call(const Topic &topic)
    {
        static const std::vector<const char *> dispositions{"resolved", "callback_promised",
                                                            "escalated", "no_answer"};
        MessagePayload m;
        m.channel = protocol::channel::phone;
        const bool inbound = m_dice.chance(70);
        m.direction = inbound ? protocol::direction::in : protocol::direction::out;
        m.author = QStringLiteral("agent");
        m.identity = m_person.phone;
        m.body = fill(topic.callSummary);
        m.status = inbound ? QStringLiteral("received") : QStringLiteral("sent");
        m.meta = {{QLatin1String("number"), m_person.phone},
                  {QLatin1String("duration_s"), m_dice.between(35, 900)},
                  {QLatin1String("disposition"), QLatin1String(m_dice.pick(dispositions))}};
        return add(m);
    }

    bool note(const Topic &topic)
    {
        MessagePayload m;
        m.channel = protocol::channel::note;
        m.direction = protocol::direction::internal;
        m.author = m_dice.chance(70) ? QStringLiteral("agent") : QStringLiteral("supervisor");
        m.body = fill(topic.note);
        m.status = QStringLiteral("sent");
        return add(m);
    }

    bool story(int limit)
    {
        m_limit = limit;
        const int topicIndex = m_dice.below(int(m_ph.topics.size()));
        const Topic &topic = m_ph.topics.at(topicIndex);
        m_order = QStringLiteral("TL-") + QString::number(100000 + m_dice.below(900000));
        m_lastEmail.clear();

        QString channel;
        const int roll = m_dice.below(100);
        if (roll < 35)
            channel = protocol::channel::sms;
        else if (roll < 65)
            channel = protocol::channel::email;
        else
            channel = m_person.chat.isEmpty() ? protocol::channel::sms : protocol::channel::chat;

        const bool orderStory = topicIndex != 5 && topicIndex != 4;
        bool ok = true;
        if (orderStory) {
            ok = ok && order(m_ph.orderPlaced, "placed") && order(m_ph.orderPaid, "paid");
            if (topicIndex != 3)
                ok = ok && order(m_ph.orderShipped, "shipped");
        }
        ok = ok && say(channel, true, fill(m_dice.pick(topic.opens)), topic, false);
        ok = ok && say(channel, false, fill(m_dice.pick(topic.replies)), topic, true);
        if (m_dice.chance(35))
            ok = ok && call(topic);
        if (m_dice.chance(70)) {
            ok = ok && say(channel, true, fill(m_dice.pick(topic.followUps)), topic, true);
            ok = ok && say(channel, false, fill(m_dice.pick(topic.closes)), topic, true);
        }
        if (m_dice.chance(40))
            ok = ok && note(topic);
        if (topicIndex == 3)
            ok = ok && order(m_ph.orderReady, "ready_for_pickup") &&
                 order(m_ph.orderPickedUp, "picked_up");
        if (topicIndex == 2 || topicIndex == 6 || topicIndex == 7)
            ok = ok && order(m_ph.orderRefunded, "refunded");
        if (m_dice.chance(30))
            ok = ok && say(channel, true, utf8(m_dice.pick(m_ph.thanks)), topic, true);
        return ok;
    }

    SeedWriter &m_writer;
    Dice &m_dice;
    const Person &m_person;
    const Phrases &m_ph;
    protocol::CustomerPayload m_summary;
    QString m_order;
    QString m_lastEmail;
    qint64 m_at = 0;
    qint64 m_step = kMinute;
    int m_count = 0;
    int m_limit = 0;
    bool m_done = false;
};

} // namespace

DemoSeeder::DemoSeeder(HubStore &store, quint32 seed) : m_store(store), m_seed(seed) {}

QString DemoSeeder::seed()
{
    for (const char *role : {"agent", "supervisor", "store"}) {
        const QString name = QString::fromLatin1(role);
        if (!m_store.user(name)) {
            const QString error =
                m_store.addUser(name, name, password_hash::make(QStringLiteral("demo")));
            if (!error.isEmpty())
                return error;
        }
    }
    if (m_store.customerCount() > 0)
        return {};

    QElapsedTimer timer;
    timer.start();
    Dice dice(m_seed);
    SeedWriter writer(m_store.database());
    if (!writer.begin())
        return writer.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 total = 0;
    for (int i = 0; i < kCustomers; ++i) {
        const Person person = personFor(i, dice);
        const bool busy = i < kBusyCustomers;
        const qint64 from = now - (busy ? 400 : dice.between(20, 180)) * kDay;
        const qint64 id = writer.addCustomer(person.name, from);
        bool ok = id > 0 && writer.addIdentity(id, {QStringLiteral("phone"), person.phone}) &&
                  writer.addIdentity(id, {QStringLiteral("email"), person.email.toLower()});
        if (ok && !person.chat.isEmpty())
            ok = writer.addIdentity(id, {QStringLiteral("chat"), person.chat});
        ThreadWriter thread(writer, dice, person, id);
        const int items = busy ? kBusyItems : dice.between(20, 90);
        ok = ok && thread.write(items, from, now - dice.between(1, 20) * 60 * kMinute);
        const bool open = dice.chance(20);
        ok = ok && writer.finishCustomer(
                       thread.summary(open, dice.chance(50) ? QStringLiteral("agent") : QString()));
        if (!ok) {
            const QString error = writer.error();
            writer.rollback();
            return QStringLiteral("seeding failed: ") + error;
        }
        total += items;
    }
    if (!writer.commit())
        return QStringLiteral("seeding failed: ") + writer.error();
    TL_LOG("hub", info) << "demo: seeded " << kCustomers << " customers and " << total
                        << " items in " << timer.elapsed() << " ms";
    return {};
}

} // namespace threadline::server
