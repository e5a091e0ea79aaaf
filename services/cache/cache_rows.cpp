// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/cache_rows.h"

#include "services/cache/sqlcipher_database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace threadline::cache::rows {

namespace {

struct DeliveryName {
    models::Delivery delivery;
    QStringView name;
};
constexpr DeliveryName kDeliveryNames[] = {
    {models::Delivery::Received, u"received"},   {models::Delivery::Pending, u"pending"},
    {models::Delivery::Queued, u"queued"},       {models::Delivery::Sent, u"sent"},
    {models::Delivery::Delivered, u"delivered"}, {models::Delivery::Failed, u"failed"},
};

QString toJsonText(const QJsonObject &o)
{
    if (o.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject objectFromJsonText(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString identitiesToJson(const QList<models::Identity> &ids)
{
    QJsonArray a;
    for (const auto &id : ids)
        a.append(
            QJsonObject{{QStringLiteral("kind"), id.kind}, {QStringLiteral("value"), id.value}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<models::Identity> identitiesFromJson(const QString &text)
{
    QList<models::Identity> ids;
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto &v : a) {
        const QJsonObject o = v.toObject();
        ids.append({o.value(QLatin1String("kind")).toString(),
                    o.value(QLatin1String("value")).toString()});
    }
    return ids;
}

} // namespace

QString deliveryName(models::Delivery d)
{
    for (const auto &n : kDeliveryNames)
        if (n.delivery == d)
            return n.name.toString();
    return QStringLiteral("received");
}

std::optional<models::Delivery> deliveryFromName(QStringView name)
{
    for (const auto &n : kDeliveryNames)
        if (n.name == name)
            return n.delivery;
    return std::nullopt;
}

const char messageColumns[] =
    "hub_id, client_id, customer_id, channel, direction, author, identity, "
    "subject, body, quoted, at, delivery, failure_reason, meta, row";

models::Message readMessage(const Statement &s)
{
    models::Message m;
    m.id = s.isNull(0) ? 0 : s.columnInt64(0);
    m.clientId = s.columnText(1);
    m.customerId = s.columnInt64(2);
    m.channel = s.columnText(3);
    m.direction = s.columnText(4);
    m.author = s.columnText(5);
    m.identity = s.columnText(6);
    m.subject = s.columnText(7);
    m.body = s.columnText(8);
    m.quoted = s.columnText(9);
    m.at = s.columnInt64(10);
    m.delivery = deliveryFromName(s.columnText(11)).value_or(models::Delivery::Received);
    m.failureReason = s.columnText(12);
    m.meta = objectFromJsonText(s.columnText(13));
    return m;
}

void bindMessage(Statement &s, const models::Message &m)
{
    if (m.id > 0)
        s.bind(1, m.id);
    else
        s.bindNull(1);
    if (m.clientId.isEmpty()) // NULLs do not collide in the unique client id index
        s.bindNull(2);
    else
        s.bind(2, m.clientId);
    s.bind(3, m.customerId)
        .bind(4, m.channel)
        .bind(5, m.direction)
        .bind(6, m.author)
        .bind(7, m.identity)
        .bind(8, m.subject)
        .bind(9, m.body)
        .bind(10, m.quoted)
        .bind(11, m.at)
        .bind(12, deliveryName(m.delivery))
        .bind(13, m.failureReason)
        .bind(14, toJsonText(m.meta));
}

const char customerColumns[] = "id, name, identities, status, assignee, last_at, last_channel, "
                               "last_direction, last_preview, item_count, unread, queue, labels, "
                               "waiting_since, snooze_until";

models::Customer readCustomer(const Statement &s)
{
    models::Customer c;
    c.id = s.columnInt64(0);
    c.name = s.columnText(1);
    c.identities = identitiesFromJson(s.columnText(2));
    c.status = s.columnText(3);
    c.assignee = s.columnText(4);
    c.lastAt = s.columnInt64(5);
    c.lastChannel = s.columnText(6);
    c.lastDirection = s.columnText(7);
    c.lastPreview = s.columnText(8);
    c.itemCount = s.columnInt64(9);
    c.unread = int(s.columnInt64(10));
    c.queue = s.columnText(11);
    const QString labels = s.columnText(12);
    c.labels = labels.isEmpty() ? QStringList() : labels.split(QLatin1Char('\n'));
    c.waitingSince = s.columnInt64(13);
    c.snoozeUntil = s.columnInt64(14);
    return c;
}

void bindCustomer(Statement &s, const models::Customer &c)
{
    s.bind(2, c.name).bind(3, identitiesToJson(c.identities));
    bindCustomerActivity(s, c);
}

void bindCustomerActivity(Statement &s, const models::Customer &c)
{
    s.bind(1, c.id)
        .bind(4, c.status)
        .bind(5, c.assignee)
        .bind(6, c.lastAt)
        .bind(7, c.lastChannel)
        .bind(8, c.lastDirection)
        .bind(9, c.lastPreview)
        .bind(10, c.itemCount)
        .bind(11, qint64(c.unread))
        .bind(12, c.queue)
        .bind(13, c.labels.join(QLatin1Char('\n'))) // labels never hold a line break
        .bind(14, c.waitingSince)
        .bind(15, c.snoozeUntil);
}

} // namespace threadline::cache::rows
