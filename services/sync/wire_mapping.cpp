// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/wire_mapping.h"

namespace threadline::services {

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
    m.meta = p.meta;
    return m;
}

} // namespace threadline::services
