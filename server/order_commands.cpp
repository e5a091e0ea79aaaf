// SPDX-License-Identifier: GPL-3.0-or-later
// The order desk: order.lookup and order.update.
#include "server/command_input.h"
#include "server/hub_commands.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>
#include <QJsonArray>

namespace threadline::server {
namespace {

using namespace command_input;
using protocol::Envelope;
using protocol::makeAck;

QString readyWord(const QString &status)
{
    return status == QLatin1String("ready_for_pickup") ? QStringLiteral("ready for pickup")
                                                       : QStringLiteral("picked up");
}

} // namespace

Envelope HubCommands::orderLookup(const Envelope &c, SessionState &s)
{
    QString query;
    if (!readString(c.data, "query", query))
        return badRequest(c, QStringLiteral("query must be a string"));
    QList<OrderRecord> orders;
    if (c.data.contains(k("customer_id"))) {
        const auto found = customerOf(c, s);
        if (const auto *error = std::get_if<Envelope>(&found))
            return *error;
        orders = m_orders.ordersOfCustomer(std::get<protocol::CustomerPayload>(found).id);
        std::reverse(orders.begin(), orders.end()); // newest first
    } else {
        if (query.trimmed().isEmpty())
            return badRequest(c, QStringLiteral("order.lookup needs query or customer_id"));
        if (query.size() > 200)
            return makeError(c.id, protocol::ErrorCode::TooLarge,
                             QStringLiteral("query is at most 200 characters"));
        orders = m_orderDesk.lookup(query);
    }
    QJsonArray out;
    for (const OrderRecord &order : std::as_const(orders)) {
        const auto customer = m_store.customer(order.customerId);
        if (!customer)
            continue;
        QJsonArray identities;
        for (const auto &i : customer->identities)
            identities.append(i.toJson());
        QJsonObject o = order.toJson();
        o.insert(k("customer"), QJsonObject{{k("id"), customer->id},
                                            {k("name"), customer->name},
                                            {k("identities"), identities}});
        out.append(o);
        // From now on this connection may read and note this customer's thread.
        s.orderCustomers.insert(order.customerId);
    }
    return makeAck(c.id, QJsonObject{{k("orders"), out}});
}

Envelope HubCommands::orderUpdate(const Envelope &c, const SessionState &s)
{
    qint64 orderId = 0;
    QString status, notify;
    if (!readInt(c.data, "order_id", orderId) || orderId <= 0)
        return badRequest(c, QStringLiteral("order_id must be a positive integer"));
    if (!readString(c.data, "status", status) ||
        (status != QLatin1String("ready_for_pickup") && status != QLatin1String("picked_up")))
        return badRequest(c, QStringLiteral("status must be ready_for_pickup or picked_up"));
    if (!readString(c.data, "notify", notify) ||
        (!notify.isEmpty() && notify != QLatin1String("none") &&
         notify != protocol::channel::sms && notify != protocol::channel::email))
        return badRequest(c, QStringLiteral("notify must be sms, email or none"));
    if (notify == QLatin1String("none"))
        notify.clear();
    std::optional<OrderRecord> order = m_orders.orderById(orderId);
    if (s.user.role == role::store && (!order || !s.orderCustomers.contains(order->customerId)))
        return forbidden(c, QStringLiteral("look the order up first (order.lookup)"));
    if (!order)
        return notFound(c, QStringLiteral("no order %1").arg(orderId));

    const QString from = order->status;
    const bool allowed = status == QLatin1String("ready_for_pickup")
                             ? (from == QLatin1String("placed") || from == QLatin1String("paid"))
                             : (from == QLatin1String("paid") ||
                                from == QLatin1String("ready_for_pickup"));
    if (!allowed)
        return conflict(c, QStringLiteral("an order that is %1 cannot become %2")
                               .arg(from, status));
    QString identity;
    if (!notify.isEmpty()) {
        const QString kind = notify == protocol::channel::sms ? QStringLiteral("phone")
                                                              : QStringLiteral("email");
        const auto chosen = m_store.preferredIdentity(order->customerId, kind);
        if (!chosen)
            return badRequest(c, QStringLiteral("the customer has no %1 to notify").arg(kind));
        identity = *chosen;
    }

    qint64 notificationId = 0;
    const Envelope answer = inWork(c, s, [&]() -> Outcome {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        order->status = status;
        if (status == QLatin1String("ready_for_pickup")) {
            order->readyAt = now;
            order->readyBy = s.user.name;
        } else {
            order->pickedUpAt = now;
            order->pickedUpBy = s.user.name;
        }
        if (!m_orders.saveOrder(*order))
            return internal(c);
        const QJsonObject orderJson = order->toJson();
        qint64 seq = 0;
        if (!m_store.writeEvent(protocol::type::orderUpserted, QJsonObject{{k("order"), orderJson}},
                                &seq))
            return internal(c);

        protocol::MessagePayload event;
        event.customerId = order->customerId;
        event.channel = protocol::channel::order;
        event.direction = protocol::direction::internal;
        event.author = s.user.name;
        event.body = QStringLiteral("Order %1 %2 (by %3)")
                         .arg(order->number.startsWith(QLatin1Char('#'))
                                  ? order->number
                                  : QLatin1Char('#') + order->number,
                              readyWord(status), s.user.name);
        event.status = QStringLiteral("received");
        event.meta = QJsonObject{{k("number"), order->number}, {k("status"), status},
                                 {k("by"), s.user.name}};
        if (status == QLatin1String("ready_for_pickup") && !order->pickupCode.isEmpty())
            event.meta.insert(k("pickup_code"), order->pickupCode);
        if (!m_store.writeMessage(event))
            return internal(c);

        QJsonObject data{{k("order"), orderJson}};
        if (!notify.isEmpty()) {
            protocol::MessagePayload m;
            m.customerId = order->customerId;
            m.channel = notify;
            m.direction = protocol::direction::out;
            m.author = s.user.name;
            m.identity = identity;
            const auto phone = m_store.preferredIdentity(order->customerId, QStringLiteral("phone"));
            const QString language = OrderDesk::languageFor(phone.value_or(QString()));
            m.body = OrderDesk::notification(*order, status, language);
            if (notify == protocol::channel::email)
                m.subject = QStringLiteral("Order %1").arg(order->number);
            m.clientId = c.id;
            m.status = QStringLiteral("queued");
            const auto sent = m_store.writeMessage(m);
            if (!sent)
                return internal(c);
            notificationId = sent->message.id;
            data.insert(k("message"), sent->message.toJson());
        }
        return Change{data, seq};
    });
    // The notice is stored `queued`; OutboundDispatcher sends it like any SMS or email reply.
    if (answer.type == protocol::type::ack && notificationId != 0) {
        TL_LOG("hub", info) << s.user.name << " marked order " << orderId << " " << status
                            << " and notified by " << notify;
    }
    return answer;
}

} // namespace threadline::server
