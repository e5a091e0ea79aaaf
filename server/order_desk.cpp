// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/order_desk.h"

#include "server/identity_resolver.h"
#include "services/text/search_folding.h"

#include <QSet>
#include <QSqlQuery>
#include <algorithm>

namespace threadline::server {

OrderDesk::OrderDesk(HubStore &store, PhoneNormaliser phones)
    : m_store(store), m_orders(store), m_phones(std::move(phones))
{
}

QList<OrderRecord> OrderDesk::lookup(const QString &query)
{
    const QString written = text::asciiDigits(query.trimmed());
    QList<OrderRecord> found;
    QSet<qint64> seen;
    auto addAll = [&](const QList<OrderRecord> &orders) {
        for (const OrderRecord &o : orders)
            if (!seen.contains(o.id)) {
                seen.insert(o.id);
                found.append(o);
            }
    };
    auto addCustomer = [&](std::optional<qint64> customerId) {
        if (customerId)
            addAll(m_orders.ordersOfCustomer(*customerId));
    };
    if (written.isEmpty())
        return found;

    addAll(m_orders.ordersByNumber(written));
    if (written.contains(QLatin1Char('@'))) {
        if (const auto email = normalisedEmail(written))
            addCustomer(m_store.customerIdByIdentity(QStringLiteral("email"), *email));
    } else if (const auto e164 = m_phones.toE164(text::phoneInput(written))) {
        addCustomer(m_store.customerIdByIdentity(QStringLiteral("phone"), *e164));
    }
    // A name, or part of one, in any spelling the folding joins.
    const QString folded = text::foldForSearch(written);
    if (found.isEmpty() && folded.size() >= 2) {
        QSqlQuery q(m_store.database());
        q.setForwardOnly(true);
        QList<qint64> customers;
        if (q.exec(QStringLiteral(
                "SELECT DISTINCT c.id, c.name FROM customers c JOIN orders o ON o.customer_id = c.id")))
            while (q.next())
                if (text::foldForSearch(q.value(1).toString()).contains(folded))
                    customers.append(q.value(0).toLongLong());
        for (const qint64 id : customers)
            addCustomer(id);
    }
    std::stable_sort(found.begin(), found.end(), [](const OrderRecord &a, const OrderRecord &b) {
        return a.updatedAt > b.updatedAt;
    });
    if (found.size() > kMaxOrders)
        found.resize(kMaxOrders);
    return found;
}

QString OrderDesk::languageFor(const QString &e164)
{
    if (e164.startsWith(QLatin1String("+98")) || e164.startsWith(QLatin1String("+93")))
        return QStringLiteral("fa");
    static const char *arab[] = {"+971", "+966", "+974", "+965", "+973", "+968",
                                 "+962", "+964", "+961", "+20",  "+212", "+216"};
    for (const char *prefix : arab)
        if (e164.startsWith(QLatin1String(prefix)))
            return QStringLiteral("ar");
    return QStringLiteral("en");
}

QString OrderDesk::notification(const OrderRecord &order, const QString &status,
                                const QString &language)
{
    const QString number =
        order.number.startsWith(QLatin1Char('#')) ? order.number : QLatin1Char('#') + order.number;
    const bool ready = status == QLatin1String("ready_for_pickup");
    QString text;
    if (language == QLatin1String("fa"))
        text = ready ? QStringLiteral("سفارش %1 شما آماده تحویل در فروشگاه است.")
                     : QStringLiteral("سفارش %1 تحویل شد. از خرید شما سپاسگزاریم!");
    else if (language == QLatin1String("ar"))
        text = ready ? QStringLiteral("طلبك %1 جاهز للاستلام من المتجر.")
                     : QStringLiteral("تم استلام طلبك %1. شكراً لتسوقك معنا!");
    else
        text = ready ? QStringLiteral("Your order %1 is ready for pickup at the store.")
                     : QStringLiteral("Your order %1 has been picked up. Thank you for shopping with us!");
    text = text.arg(number);
    if (ready && !order.pickupCode.isEmpty()) {
        if (language == QLatin1String("fa"))
            text += QStringLiteral(" کد تحویل: %1").arg(order.pickupCode);
        else if (language == QLatin1String("ar"))
            text += QStringLiteral(" رمز الاستلام: %1").arg(order.pickupCode);
        else
            text += QStringLiteral(" Pickup code: %1").arg(order.pickupCode);
    }
    return text;
}

} // namespace threadline::server
