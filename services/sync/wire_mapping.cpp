// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/wire_mapping.h"

#include <QJsonArray>

#include <algorithm>

namespace threadline::services {

namespace {
QString str(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QString::number(v.toDouble(), 'f', -1) : v.toString();
}
qint64 num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}
} // namespace

QList<models::QueueSla> toQueues(const QJsonArray &queues)
{
    QList<models::QueueSla> out;
    for (const QJsonValue &v : queues) {
        const QJsonObject q = v.toObject();
        models::QueueSla sla;
        sla.name = str(q, "name");
        if (sla.name.isEmpty())
            continue;
        sla.title = str(q, "title");
        const auto seconds = [&q](const char *key) {
            return static_cast<int>(std::clamp<qint64>(num(q, key), 0, 365LL * 24 * 3600));
        };
        sla.slaTargetS = seconds("sla_target_s");
        sla.amberS = seconds("amber_s");
        sla.redS = seconds("red_s");
        out.append(sla);
    }
    return out;
}

models::Order toOrder(const QJsonObject &o)
{
    models::Order order;
    order.id = num(o, "id");
    order.source = str(o, "source");
    order.number = str(o, "number");
    order.status = str(o, "status");
    order.paymentStatus = str(o, "payment_status");
    order.fulfilmentStatus = str(o, "fulfilment_status");
    order.total = str(o, "total");
    order.currency = str(o, "currency");
    order.pickupCode = str(o, "pickup_code");
    order.customerId = num(o, "customer_id");
    order.createdAt = num(o, "created_at");
    order.updatedAt = num(o, "updated_at");
    // Who handled it last: picked up beats ready.
    if (num(o, "picked_up_at") > 0) {
        order.handledBy = str(o, "picked_up_by");
        order.handledAt = num(o, "picked_up_at");
    } else if (num(o, "ready_at") > 0) {
        order.handledBy = str(o, "ready_by");
        order.handledAt = num(o, "ready_at");
    }
    for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        order.items.append({str(item, "name"), static_cast<int>(num(item, "quantity")),
                            item.contains(QStringLiteral("price")) ? str(item, "price")
                                                                   : str(item, "total")});
    }
    const QJsonObject customer = o.value(QStringLiteral("customer")).toObject();
    if (!customer.isEmpty()) {
        order.customerId = num(customer, "id");
        order.customerName = str(customer, "name");
        for (const QJsonValue &v : customer.value(QStringLiteral("identities")).toArray()) {
            const QJsonObject identity = v.toObject();
            if (str(identity, "kind") == QLatin1String("phone") && order.phone.isEmpty())
                order.phone = str(identity, "value");
            if (str(identity, "kind") == QLatin1String("email") && order.email.isEmpty())
                order.email = str(identity, "value");
        }
    }
    return order;
}

models::FloorSnapshot toFloor(const QJsonObject &stats)
{
    models::FloorSnapshot floor;
    floor.at = num(stats, "at");
    const auto read = [](const QJsonObject &q, const QString &queue, const QJsonObject &limits) {
        models::QueueStats s;
        s.queue = queue;
        s.channel = str(q, "channel");
        s.waiting = static_cast<int>(num(q, "waiting"));
        s.longestWaitMs = num(q, "longest_wait_s") * 1000;
        s.averageWaitMs = num(q, "average_wait_s") * 1000;
        s.averageHandleMs = num(q, "average_handle_s") * 1000;
        const QJsonValue sla = q.value(QStringLiteral("sla"));
        s.sla = sla.isDouble() ? sla.toDouble() : -1;
        s.slaTargetS = static_cast<int>(num(limits, "sla_target_s"));
        s.amberWaitS = static_cast<int>(num(limits, "amber_s"));
        s.redWaitS = static_cast<int>(num(limits, "red_s"));
        return s;
    };
    for (const QJsonValue &v : stats.value(QStringLiteral("queues")).toArray()) {
        const QJsonObject q = v.toObject();
        const QString queue = str(q, "queue");
        models::QueueStats all = read(q, queue, q);
        all.channel.clear();
        floor.queues.append(all);
        for (const QJsonValue &c : q.value(QStringLiteral("channels")).toArray())
            floor.queues.append(read(c.toObject(), queue, q));
    }
    for (const QJsonValue &v : stats.value(QStringLiteral("agents")).toArray()) {
        const QJsonObject a = v.toObject();
        floor.agents.append({str(a, "user"), str(a, "presence"), static_cast<int>(num(a, "open"))});
    }
    return floor;
}

models::Customer toCustomer(const protocol::CustomerPayload &p)
{
    models::Customer c;
    c.id = p.id;
    c.name = p.name;
    for (const auto &i : p.identities)
        c.identities.append({i.kind, i.value});
    c.status = p.status;
    c.assignee = p.assignee;
    c.lastAt = p.lastAt;
    c.lastChannel = p.lastChannel;
    c.lastDirection = p.lastDirection;
    c.lastPreview = p.lastPreview;
    c.itemCount = p.itemCount;
    c.queue = p.queue;
    c.labels = p.labels;
    c.waitingSince = p.waitingSince;
    c.snoozeUntil = p.snoozeUntil;
    return c;
}

models::Delivery toDelivery(const QString &s)
{
    if (s == QLatin1String("queued"))
        return models::Delivery::Queued;
    if (s == QLatin1String("sent"))
        return models::Delivery::Sent;
    if (s == QLatin1String("delivered"))
        return models::Delivery::Delivered;
    if (s == QLatin1String("failed"))
        return models::Delivery::Failed;
    return models::Delivery::Received;
}

models::Message toMessage(const protocol::MessagePayload &p)
{
    models::Message m;
    m.id = p.id;
    m.clientId = p.clientId;
    m.customerId = p.customerId;
    m.channel = p.channel;
    m.direction = p.direction;
    m.author = p.author;
    m.identity = p.identity;
    m.subject = p.subject;
    m.body = p.body;
    m.quoted = p.quoted;
    m.at = p.at;
    m.delivery = toDelivery(p.status);
    m.failureReason = p.statusReason;
    m.meta = p.meta;
    return m;
}

} // namespace threadline::services
