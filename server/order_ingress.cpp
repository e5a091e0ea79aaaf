// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/order_ingress.h"

#include "services/logging/log.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace threadline::server {
namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

IngressAnswer badRequest(const QString &why)
{
    return IngressAnswer::error(400, QStringLiteral("bad_request"), why);
}

IngressAnswer internal(const QString &why)
{
    TL_LOG("hub", error) << "order ingress: " << why;
    return IngressAnswer::error(500, QStringLiteral("internal"),
                                QStringLiteral("could not store the order; retry"));
}

// A JSON id or number as text ("727" and 727 alike); empty when absent.
QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Outside qint64's range the cast is undefined behaviour (found by fuzzing).
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 &&
            d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'f', 2);
    }
    return {};
}

QString joinedName(const QJsonObject &o)
{
    const QString joined =
        text(o.value(k("first_name"))) + QLatin1Char(' ') + text(o.value(k("last_name")));
    return joined.trimmed();
}

/// What an order webhook says, in the hub's words, before storage.
struct OrderFacts {
    QString externalId;
    QString number;
    QString status;       ///< empty: a status the hub does not follow (keeps the stored one)
    QString sourceStatus; ///< as the shop wrote it
    QString total;
    QString currency;
    QJsonArray items;
    QString pickupCode;
    QString name;
    QString email;
    QString phone;
    QString country; ///< ISO 3166 alpha-2, for reading the phone number
};

bool isPickup(const QJsonArray &shippingLines, const char *idKey, const char *titleKey)
{
    for (const QJsonValue &v : shippingLines) {
        const QString id = text(v.toObject().value(k(idKey))).toLower();
        const QString title = text(v.toObject().value(k(titleKey))).toLower();
        if (id.contains(QLatin1String("pickup")) || title.contains(QLatin1String("pickup")) ||
            title.contains(QLatin1String("pick up")))
            return true;
    }
    return false;
}

QString wooStatus(const QString &s, bool pickup)
{
    if (s == QLatin1String("pending") || s == QLatin1String("on-hold"))
        return QStringLiteral("placed");
    if (s == QLatin1String("processing"))
        return QStringLiteral("paid");
    if (s == QLatin1String("completed"))
        return pickup ? QStringLiteral("picked_up") : QStringLiteral("shipped");
    if (s == QLatin1String("refunded"))
        return QStringLiteral("refunded");
    if (s == QLatin1String("cancelled") || s == QLatin1String("failed"))
        return QStringLiteral("cancelled");
    // Statuses that pickup and shipment plugins add.
    if (s == QLatin1String("ready-for-pickup") || s == QLatin1String("ready-pickup") ||
        s == QLatin1String("ready_for_pickup"))
        return QStringLiteral("ready_for_pickup");
    if (s == QLatin1String("picked-up") || s == QLatin1String("picked_up"))
        return QStringLiteral("picked_up");
    if (s == QLatin1String("shipped"))
        return QStringLiteral("shipped");
    return {};
}

std::optional<OrderFacts> wooFacts(const QJsonObject &o, QString *why)
{
    OrderFacts f;
    f.externalId = text(o.value(k("id")));
    f.number = text(o.value(k("number")));
    if (f.number.isEmpty())
        f.number = f.externalId;
    f.sourceStatus = text(o.value(k("status"))).toLower();
    if (f.externalId.isEmpty() || f.sourceStatus.isEmpty()) {
        *why = QStringLiteral("a WooCommerce order needs id and status");
        return std::nullopt;
    }
    f.status = wooStatus(f.sourceStatus, isPickup(o.value(k("shipping_lines")).toArray(),
                                                  "method_id", "method_title"));
    f.total = text(o.value(k("total")));
    f.currency = text(o.value(k("currency")));
    for (const QJsonValue &v : o.value(k("line_items")).toArray()) {
        const QJsonObject item = v.toObject();
        f.items.append(QJsonObject{{k("name"), text(item.value(k("name")))},
                                   {k("sku"), text(item.value(k("sku")))},
                                   {k("quantity"), item.value(k("quantity")).toInt()},
                                   {k("total"), text(item.value(k("total")))}});
    }
    for (const QJsonValue &v : o.value(k("meta_data")).toArray()) {
        const QString key = text(v.toObject().value(k("key")));
        if (key == QLatin1String("pickup_code") || key == QLatin1String("_pickup_code"))
            f.pickupCode = text(v.toObject().value(k("value")));
    }
    const QJsonObject billing = o.value(k("billing")).toObject();
    f.name = joinedName(billing);
    f.email = text(billing.value(k("email")));
    f.phone = text(billing.value(k("phone")));
    f.country = text(billing.value(k("country")));
    return f;
}

QString shopifyStatus(const QJsonObject &o, bool pickup)
{
    const QString financial = text(o.value(k("financial_status"))).toLower();
    const QString fulfillment = text(o.value(k("fulfillment_status"))).toLower();
    if (financial == QLatin1String("refunded") || financial == QLatin1String("partially_refunded"))
        return QStringLiteral("refunded");
    if (!text(o.value(k("cancelled_at"))).isEmpty() || financial == QLatin1String("voided"))
        return QStringLiteral("cancelled");
    if (fulfillment == QLatin1String("fulfilled") || fulfillment == QLatin1String("partial"))
        return pickup ? QStringLiteral("picked_up") : QStringLiteral("shipped");
    if (financial == QLatin1String("paid"))
        return QStringLiteral("paid");
    if (financial == QLatin1String("pending") || financial == QLatin1String("authorized") ||
        financial == QLatin1String("partially_paid") || financial.isEmpty())
        return QStringLiteral("placed");
    return {};
}

std::optional<OrderFacts> shopifyFacts(const QJsonObject &o, QString *why)
{
    OrderFacts f;
    f.externalId = text(o.value(k("id")));
    f.number = text(o.value(k("name")));
    if (f.number.isEmpty())
        f.number = text(o.value(k("order_number")));
    if (f.externalId.isEmpty() || f.number.isEmpty()) {
        *why = QStringLiteral("a Shopify order needs id and name");
        return std::nullopt;
    }
    f.sourceStatus =
        QString() + text(o.value(k("financial_status"))) + QLatin1Char('/') +
        (text(o.value(k("fulfillment_status"))).isEmpty()
             ? QStringLiteral("unfulfilled")
             : text(o.value(k("fulfillment_status")))) +
        (text(o.value(k("cancelled_at"))).isEmpty() ? QString() : QStringLiteral("/cancelled"));
    f.status = shopifyStatus(o, isPickup(o.value(k("shipping_lines")).toArray(), "code", "title"));
    f.total = text(o.value(k("total_price")));
    f.currency = text(o.value(k("currency")));
    for (const QJsonValue &v : o.value(k("line_items")).toArray()) {
        const QJsonObject item = v.toObject();
        f.items.append(QJsonObject{{k("name"), text(item.value(k("title")))},
                                   {k("sku"), text(item.value(k("sku")))},
                                   {k("quantity"), item.value(k("quantity")).toInt()},
                                   {k("total"), text(item.value(k("price")))}});
    }
    for (const QJsonValue &v : o.value(k("note_attributes")).toArray()) {
        const QString name = text(v.toObject().value(k("name"))).toLower();
        if (name == QLatin1String("pickup_code") || name == QLatin1String("pickup code"))
            f.pickupCode = text(v.toObject().value(k("value")));
    }
    const QJsonObject customer = o.value(k("customer")).toObject();
    const QJsonObject billing = o.value(k("billing_address")).toObject();
    f.name = joinedName(customer);
    if (f.name.isEmpty())
        f.name = text(billing.value(k("name")));
    f.email = text(o.value(k("email")));
    if (f.email.isEmpty())
        f.email = text(o.value(k("contact_email")));
    if (f.email.isEmpty())
        f.email = text(customer.value(k("email")));
    for (const QString &phone : {text(o.value(k("phone"))), text(customer.value(k("phone"))),
                                 text(billing.value(k("phone")))})
        if (f.phone.isEmpty())
            f.phone = phone;
    f.country = text(billing.value(k("country_code")));
    return f;
}

QString sentence(const QString &number, const QString &status, const QString &total,
                 const QString &currency)
{
    const QString shown = number.startsWith(u'#') ? number : QLatin1Char('#') + number;
    static const QHash<QString, QString> words{
        {QStringLiteral("placed"), QStringLiteral("placed")},
        {QStringLiteral("paid"), QStringLiteral("paid")},
        {QStringLiteral("shipped"), QStringLiteral("shipped")},
        {QStringLiteral("ready_for_pickup"), QStringLiteral("ready for pickup")},
        {QStringLiteral("picked_up"), QStringLiteral("picked up")},
        {QStringLiteral("refunded"), QStringLiteral("refunded")},
        {QStringLiteral("cancelled"), QStringLiteral("cancelled")}};
    QString out = QStringLiteral("Order %1 %2").arg(shown, words.value(status, status));
    if (!total.isEmpty())
        out += QStringLiteral(" (%1)").arg(QStringLiteral("%1 %2").arg(total, currency).trimmed());
    return out;
}

} // namespace

OrderIngress::OrderIngress(HubStore &store, IdentityResolver &resolver)
    : m_store(store), m_ingress(store), m_resolver(resolver)
{
}

IngressAnswer OrderIngress::receive(const QString &source, const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return badRequest(QStringLiteral("the body must be a JSON object (an order)"));
    QJsonObject o = doc.object();
    // The REST API wraps the order ({"order": {...}}); webhooks send it bare.
    if (o.value(k("order")).isObject())
        o = o.value(k("order")).toObject();
    QString why;
    const auto facts =
        source == QLatin1String("shopify") ? shopifyFacts(o, &why) : wooFacts(o, &why);
    if (!facts)
        return badRequest(why);

    QList<protocol::IdentityPayload> identities;
    if (!facts->email.isEmpty()) {
        const auto email = m_resolver.normalise(QStringLiteral("email"), facts->email);
        if (!email)
            return badRequest(QStringLiteral("the order's email is not a valid address"));
        identities.append(*email);
    }
    if (!facts->phone.isEmpty()) {
        // Read the number in the order's own country; an unreadable phone is left out
        // rather than refusing the order (shops do not validate phone fields).
        auto phone = facts->country.size() == 2
                         ? PhoneNormaliser(facts->country).toE164(facts->phone)
                         : std::nullopt;
        if (!phone)
            if (const auto fallback = m_resolver.normalise(QStringLiteral("phone"), facts->phone))
                phone = fallback->value;
        if (phone)
            identities.append(protocol::IdentityPayload{QStringLiteral("phone"), *phone});
    }

    if (!m_store.beginWork())
        return internal(m_store.lastError());
    auto abort = [&](const QString &why) {
        m_store.rollbackWork();
        return internal(why);
    };
    std::optional<OrderRecord> stored = m_ingress.order(source, facts->externalId);
    if (!stored && identities.isEmpty()) {
        m_store.rollbackWork();
        return badRequest(QStringLiteral("the order has no valid customer email or phone"));
    }
    std::optional<qint64> owner = stored ? std::optional<qint64>(stored->customerId) : std::nullopt;
    qint64 customerId = owner.value_or(0);
    if (!identities.isEmpty()) {
        const auto resolution = m_resolver.resolve(identities, facts->name, owner);
        if (!resolution)
            return abort(m_resolver.lastError());
        customerId = resolution->customerId;
    }

    OrderRecord order = stored.value_or(OrderRecord{});
    const QString previous = order.status;
    order.source = source;
    order.externalId = facts->externalId;
    order.number = facts->number;
    order.status = facts->status.isEmpty()
                       ? (previous.isEmpty() ? QStringLiteral("placed") : previous)
                       : facts->status;
    order.sourceStatus = facts->sourceStatus;
    order.total = facts->total;
    order.currency = facts->currency;
    order.items = facts->items;
    order.customerId = customerId;
    if (!facts->pickupCode.isEmpty())
        order.pickupCode = facts->pickupCode;
    if (!m_ingress.saveOrder(order))
        return abort(m_ingress.lastError());

    const bool changed = order.status != previous;
    qint64 messageId = 0;
    if (changed) {
        protocol::MessagePayload m;
        m.customerId = customerId;
        m.channel = protocol::channel::order;
        m.direction = protocol::direction::internal;
        m.author = source;
        m.body = sentence(order.number, order.status, order.total, order.currency);
        m.status = QStringLiteral("received");
        m.meta = QJsonObject{{k("number"), order.number}, {k("status"), order.status}};
        if (!order.pickupCode.isEmpty() && order.status == QLatin1String("ready_for_pickup"))
            m.meta.insert(k("pickup_code"), order.pickupCode);
        const auto appended = m_store.writeMessage(m);
        if (!appended)
            return abort(m_store.lastError());
        messageId = appended->message.id;
    }
    if (!m_store.commitWork())
        return abort(m_store.lastError());
    TL_LOG("hub", info) << "order ingress: " << source.toStdString() << " order " << order.id
                        << " is " << order.status.toStdString() << (changed ? "" : " (no change)");
    QJsonObject answer{{k("order_id"), order.id},
                       {k("customer_id"), customerId},
                       {k("status"), order.status},
                       {k("changed"), changed}};
    if (messageId)
        answer.insert(k("message_id"), messageId);
    return IngressAnswer::json(stored ? 200 : 201, answer);
}

} // namespace threadline::server
