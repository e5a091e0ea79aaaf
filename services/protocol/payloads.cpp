// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/protocol/payloads.h"

#include <QJsonArray>

namespace threadline::protocol {
namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

// Small readers that say whether the field had the right type.
bool str(const QJsonObject &o, const char *key, QString &out, bool required = false)
{
    const QJsonValue v = o.value(k(key));
    if (v.isUndefined() || v.isNull())
        return !required;
    if (!v.isString())
        return false;
    out = v.toString();
    return !required || !out.isEmpty();
}

bool integer(const QJsonObject &o, const char *key, qint64 &out, bool required = false)
{
    const QJsonValue v = o.value(k(key));
    if (v.isUndefined() || v.isNull())
        return !required;
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    // Outside qint64's range the cast below is undefined behaviour (found by fuzzing).
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        || d != static_cast<double>(static_cast<qint64>(d)))
        return false;
    out = static_cast<qint64>(d);
    return true;
}

void put(QJsonObject &o, const char *key, const QString &v)
{
    if (!v.isEmpty())
        o.insert(k(key), v);
}

} // namespace

bool channel::isKnown(const QString &c)
{
    return c == chat || c == sms || c == email || c == phone || c == note || c == order
        || c == system;
}

bool conversation::isKnownStatus(const QString &s)
{
    return s == open || s == snoozed || s == resolved;
}

bool presence::isChoosable(const QString &p)
{
    return p == available || p == busy || p == away;
}

bool channel::isReplyChannel(const QString &c)
{
    return c == chat || c == sms || c == email;
}

QJsonObject IdentityPayload::toJson() const
{
    return {{k("kind"), kind}, {k("value"), value}};
}

std::optional<IdentityPayload> IdentityPayload::fromJson(const QJsonObject &o)
{
    IdentityPayload p;
    if (!str(o, "kind", p.kind, true) || !str(o, "value", p.value, true))
        return std::nullopt;
    if (p.kind != QLatin1String("phone") && p.kind != QLatin1String("email")
        && p.kind != QLatin1String("chat"))
        return std::nullopt;
    return p;
}

QJsonObject CustomerPayload::toJson() const
{
    QJsonArray ids;
    for (const auto &i : identities)
        ids.append(i.toJson());
    QJsonObject o{{k("id"), id}, {k("name"), name}, {k("identities"), ids},
                  {k("last_at"), lastAt}, {k("item_count"), itemCount}};
    put(o, "status", status);
    put(o, "assignee", assignee);
    put(o, "last_channel", lastChannel);
    put(o, "last_direction", lastDirection);
    put(o, "last_preview", lastPreview);
    put(o, "queue", queue);
    o.insert(k("labels"), QJsonArray::fromStringList(labels));
    o.insert(k("waiting_since"), waitingSince);
    o.insert(k("snooze_until"), snoozeUntil);
    return o;
}

std::optional<CustomerPayload> CustomerPayload::fromJson(const QJsonObject &o)
{
    CustomerPayload p;
    if (!integer(o, "id", p.id, true) || p.id <= 0 || !str(o, "name", p.name)
        || !str(o, "status", p.status) || !str(o, "assignee", p.assignee)
        || !integer(o, "last_at", p.lastAt) || !str(o, "last_channel", p.lastChannel)
        || !str(o, "last_direction", p.lastDirection) || !str(o, "last_preview", p.lastPreview)
        || !integer(o, "item_count", p.itemCount) || !str(o, "queue", p.queue)
        || !integer(o, "waiting_since", p.waitingSince)
        || !integer(o, "snooze_until", p.snoozeUntil))
        return std::nullopt;
    const QJsonValue labels = o.value(k("labels"));
    if (!labels.isUndefined() && !labels.isNull() && !labels.isArray())
        return std::nullopt;
    for (const QJsonValue &v : labels.toArray()) {
        if (!v.isString())
            return std::nullopt;
        p.labels.append(v.toString());
    }
    const QJsonValue ids = o.value(k("identities"));
    if (!ids.isUndefined() && !ids.isArray())
        return std::nullopt;
    for (const QJsonValue &v : ids.toArray()) {
        auto identity = IdentityPayload::fromJson(v.toObject());
        if (!identity)
            return std::nullopt;
        p.identities.append(*identity);
    }
    return p;
}

QJsonObject MessagePayload::toJson() const
{
    QJsonObject o{{k("id"), id},           {k("customer_id"), customerId},
                  {k("channel"), channel}, {k("direction"), direction},
                  {k("body"), body},       {k("at"), at}};
    put(o, "author", author);
    put(o, "identity", identity);
    put(o, "subject", subject);
    put(o, "quoted", quoted);
    put(o, "client_id", clientId);
    put(o, "status", status);
    put(o, "status_reason", statusReason);
    if (!meta.isEmpty())
        o.insert(k("meta"), meta);
    return o;
}

std::optional<MessagePayload> MessagePayload::fromJson(const QJsonObject &o)
{
    MessagePayload p;
    if (!integer(o, "id", p.id, true) || !integer(o, "customer_id", p.customerId, true)
        || !str(o, "channel", p.channel, true) || !str(o, "direction", p.direction, true)
        || !str(o, "body", p.body) || !integer(o, "at", p.at) || !str(o, "author", p.author)
        || !str(o, "identity", p.identity) || !str(o, "subject", p.subject)
        || !str(o, "quoted", p.quoted) || !str(o, "client_id", p.clientId)
        || !str(o, "status", p.status) || !str(o, "status_reason", p.statusReason))
        return std::nullopt;
    if (!channel::isKnown(p.channel))
        return std::nullopt;
    if (p.direction != direction::in && p.direction != direction::out
        && p.direction != direction::internal)
        return std::nullopt;
    const QJsonValue meta = o.value(k("meta"));
    if (!meta.isUndefined() && !meta.isObject())
        return std::nullopt;
    p.meta = meta.toObject();
    return p;
}

QJsonArray toJsonArray(const QList<CustomerPayload> &customers)
{
    QJsonArray a;
    for (const auto &c : customers)
        a.append(c.toJson());
    return a;
}

QJsonArray toJsonArray(const QList<MessagePayload> &messages)
{
    QJsonArray a;
    for (const auto &m : messages)
        a.append(m.toJson());
    return a;
}

std::optional<QList<CustomerPayload>> customersFromJson(const QJsonValue &v)
{
    if (!v.isArray())
        return std::nullopt;
    QList<CustomerPayload> out;
    for (const QJsonValue &item : v.toArray()) {
        auto c = CustomerPayload::fromJson(item.toObject());
        if (!c)
            return std::nullopt;
        out.append(std::move(*c));
    }
    return out;
}

std::optional<QList<MessagePayload>> messagesFromJson(const QJsonValue &v)
{
    if (!v.isArray())
        return std::nullopt;
    QList<MessagePayload> out;
    for (const QJsonValue &item : v.toArray()) {
        auto m = MessagePayload::fromJson(item.toObject());
        if (!m)
            return std::nullopt;
        out.append(std::move(*m));
    }
    return out;
}

} // namespace threadline::protocol
