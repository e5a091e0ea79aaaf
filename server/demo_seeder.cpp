// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/demo_seeder.h"

#include "server/conversation_store.h"
#include "server/demo_phrases.h"
#include "server/desk_store.h"
#include "server/hub_store.h"
#include "server/password_hash.h"
#include "server/seed_writer.h"
#include "services/logging/log.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
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

    /// Every order this thread mentions, with its latest status.
    struct Order {
        QString number;
        QString status;
        qint64 at = 0;
    };
    const QList<Order> &orders() const { return m_orders; }

    /// A fresh order, paid and waiting to be picked up: work for the store's desk.
    bool pendingPickup()
    {
        m_done = false;
        m_limit = m_count + 2;
        m_order = nextOrderNumber();
        return order(m_ph.orderPlaced, "placed") && order(m_ph.orderPaid, "paid");
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
    // Unique across the demo (the shop's numbers are), yet random-looking.
    QString nextOrderNumber()
    {
        static int serial = 0;
        return QStringLiteral("TL-") + QString::number(100000 + (++serial * 7919) % 900000);
    }

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
        const bool wasDone = m_done;
        if (!add(m))
            return false;
        if (!wasDone) {
            if (m_orders.isEmpty() || m_orders.last().number != m_order)
                m_orders.append(Order{m_order, QString(), 0});
            m_orders.last().status = QLatin1String(status);
            m_orders.last().at = m_summary.lastAt;
        }
        return true;
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
        m_order = nextOrderNumber();
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
    QList<Order> m_orders;
    QString m_lastEmail;
    qint64 m_at = 0;
    qint64 m_step = kMinute;
    int m_count = 0;
    int m_limit = 0;
    bool m_done = false;
};


bool run(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

QString currencyFor(Language language)
{
    switch (language) {
    case Language::Persian:
        return QStringLiteral("IRR");
    case Language::Arabic:
        return QStringLiteral("AED");
    case Language::English:
        break;
    }
    return QStringLiteral("USD");
}

/// The orders a demo thread mentions, as the shop would have sent them.
bool seedOrders(QSqlDatabase db, qint64 customerId, const Person &person,
                const QList<ThreadWriter::Order> &orders, Dice &dice, QString *error)
{
    struct Product {
        const char *name;
        const char *sku;
        int price; // in USD; other currencies scale it
    };
    static const std::vector<Product> products{
        {"Wireless earbuds", "EAR-200", 59},     {"Phone case", "CASE-11", 15},
        {"Saffron 10 g", "SAF-010", 22},          {"Tea glass set", "TEA-006", 34},
        {"Dates gift box", "DAT-500", 28},        {"Running shoes", "SHO-042", 89},
        {"Silk scarf", "SCF-007", 45},            {"Rose water 500 ml", "ROS-500", 9},
        {"Laptop sleeve 14\"", "SLV-014", 25},    {"Pistachios 1 kg", "PIS-1K", 31}};
    const QString currency = currencyFor(person.language);
    const int scale = currency == QLatin1String("IRR") ? 600000 : currency == QLatin1String("AED") ? 4 : 1;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO orders (source, external_id, number, status, source_status, total, currency,"
        " items, customer_id, pickup_code, created_at, updated_at)"
        " VALUES ('demo', ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, ''), ?, ?)"));
    for (const ThreadWriter::Order &o : orders) {
        QJsonArray items;
        int total = 0;
        const int lines = dice.between(1, 3);
        for (int l = 0; l < lines; ++l) {
            const Product &p = dice.pick(products);
            const int quantity = dice.between(1, 3);
            total += p.price * quantity * scale;
            items.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(p.name)},
                                     {QStringLiteral("sku"), QString::fromLatin1(p.sku)},
                                     {QStringLiteral("quantity"), quantity},
                                     {QStringLiteral("total"),
                                      QString::number(p.price * quantity * scale)}});
        }
        const bool pickup = o.status == QLatin1String("ready_for_pickup") ||
                            o.status == QLatin1String("picked_up") ||
                            o.status == QLatin1String("paid");
        for (const QVariant &v :
             {QVariant(o.number), QVariant(o.number), QVariant(o.status), QVariant(o.status),
              QVariant(QString::number(total)), QVariant(currency),
              QVariant(QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact))),
              QVariant(customerId), QVariant(pickup ? dice.digits(6) : QString()),
              QVariant(o.at), QVariant(o.at)})
            q.addBindValue(v);
        if (!run(q, error))
            return false;
    }
    return true;
}

/// Spreads customers over the demo queues and gives some of them labels.
bool placeInQueue(QSqlDatabase db, qint64 customerId, int index, Dice &dice, QString *error)
{
    const int slot = index % 10;
    const QString queue = slot < 6   ? QStringLiteral("general")
                          : slot < 9 ? QStringLiteral("orders")
                                     : QStringLiteral("vip");
    QStringList labels;
    static const std::vector<const char *> pool{"delivery", "refund", "complaint", "wholesale",
                                                "returning"};
    if (dice.chance(15))
        labels.append(QString::fromLatin1(dice.pick(pool)));
    if (queue == QLatin1String("vip"))
        labels.append(QStringLiteral("vip"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE customers SET queue = ?, labels = ? WHERE id = ?"));
    q.addBindValue(queue);
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(labels)).toJson(QJsonDocument::Compact)));
    q.addBindValue(customerId);
    return run(q, error);
}

bool seedQueues(HubStore &store, QString *error)
{
    ConversationStore conversations(store);
    for (const QueueRecord &q :
         {QueueRecord{QStringLiteral("general"), QStringLiteral("General"), 0, 300, 180, 600},
          QueueRecord{QStringLiteral("orders"), QStringLiteral("Orders and delivery"), 1, 600, 300,
                      900},
          QueueRecord{QStringLiteral("vip"), QStringLiteral("VIP customers"), 2, 120, 60, 180}})
        if (!conversations.saveQueue(q)) {
            *error = conversations.lastError();
            return false;
        }
    return true;
}

bool seedCanned(HubStore &store, QString *error)
{
    struct Canned {
        const char *language, *title, *body;
    };
    static const Canned texts[] = {
        {"en", "Greeting", "Hi {customer_name}, thanks for reaching out! This is {agent_name}; how can I help?"},
        {"en", "Order shipped", "Good news, {customer_name}: order {order_number} has shipped and should arrive in 2-3 working days."},
        {"en", "Ready for pickup", "Hi {customer_name}, order {order_number} is ready for pickup at the store. Please bring your pickup code."},
        {"en", "Refund started", "We have started the refund for order {order_number}. It usually reaches your account within 5 working days."},
        {"en", "Closing", "Is there anything else I can help you with, {customer_name}? Have a lovely day! {agent_name}"},
        {"fa", "سلام و خوش‌آمد", "سلام {customer_name} عزیز، {agent_name} هستم. چطور می‌توانم کمکتان کنم؟"},
        {"fa", "ارسال سفارش", "{customer_name} عزیز، سفارش {order_number} ارسال شد و ظرف ۲ تا ۳ روز کاری به دستتان می‌رسد."},
        {"fa", "بازپرداخت", "بازپرداخت سفارش {order_number} انجام شد و حداکثر تا ۵ روز کاری به حسابتان واریز می‌شود."},
        {"ar", "ترحيب", "مرحباً {customer_name}، معك {agent_name}. كيف يمكنني مساعدتك؟"},
        {"ar", "شحن الطلب", "أخبار سارة يا {customer_name}: تم شحن طلبك {order_number} وسيصل خلال ٢-٣ أيام عمل."},
        {"ar", "جاهز للاستلام", "طلبك {order_number} جاهز للاستلام من المتجر. يرجى إحضار رمز الاستلام."},
    };
    DeskStore desk(store);
    if (!desk.canned().isEmpty())
        return true;
    for (const Canned &t : texts) {
        CannedResponse r;
        r.language = QString::fromLatin1(t.language);
        r.title = QString::fromUtf8(t.title);
        r.body = QString::fromUtf8(t.body);
        r.updatedBy = QStringLiteral("supervisor");
        if (!desk.saveCanned(r)) {
            *error = desk.lastError();
            return false;
        }
    }
    return true;
}

/// Open conversations whose last item came from the customer are waiting for an answer.
bool startWaits(QSqlDatabase db, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE customers SET opened_at = last_at WHERE status = 'open'"));
    if (!run(q, error))
        return false;
    q.prepare(QStringLiteral(
        "UPDATE customers SET waiting_since = last_at WHERE status = 'open' AND last_direction = 'in'"
        " AND last_channel IN ('chat', 'sms', 'email')"));
    if (!run(q, error))
        return false;
    q.prepare(QStringLiteral("INSERT INTO waits (customer_id, queue, channel, started_at)"
                             " SELECT id, queue, last_channel, waiting_since FROM customers"
                             " WHERE waiting_since > 0"));
    return run(q, error);
}

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
    QString error;
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
        if (ok && !busy && i % 4 == 1)
            ok = thread.pendingPickup();
        const bool open = dice.chance(20);
        ok = ok && writer.finishCustomer(
                       thread.summary(open, dice.chance(50) ? QStringLiteral("agent") : QString()));
        ok = ok && seedOrders(m_store.database(), id, person, thread.orders(), dice, &error) &&
             placeInQueue(m_store.database(), id, i, dice, &error);
        if (!ok) {
            if (error.isEmpty())
                error = writer.error();
            writer.rollback();
            return QStringLiteral("seeding failed: ") + error;
        }
        total += items;
    }
    if (!seedQueues(m_store, &error) || !seedCanned(m_store, &error) ||
        !startWaits(m_store.database(), &error)) {
        writer.rollback();
        return QStringLiteral("seeding failed: ") + error;
    }
    if (!writer.commit())
        return QStringLiteral("seeding failed: ") + writer.error();
    TL_LOG("hub", info) << "demo: seeded " << kCustomers << " customers and " << total
                        << " items in " << timer.elapsed() << " ms";
    return {};
}

} // namespace threadline::server
