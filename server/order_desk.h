// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/ingress_store.h"
#include "server/phone_normaliser.h"

#include <QList>
#include <QString>

namespace threadline::server {

/// The store's order desk: finds orders from what a customer at the counter says (an
/// order number, a phone number in any script and format, an email, or a name), and
/// words the message that tells a customer their order is ready or picked up.
class OrderDesk {
public:
    static constexpr int kMaxOrders = 20;

    OrderDesk(HubStore &store, PhoneNormaliser phones);

    /// Matching orders, newest first, at most kMaxOrders.
    QList<OrderRecord> lookup(const QString &query);

    /// The customer's language guessed from their phone's country: "fa", "ar" or "en".
    static QString languageFor(const QString &e164);
    /// The notification text for `status` (ready_for_pickup or picked_up).
    static QString notification(const OrderRecord &order, const QString &status,
                                const QString &language);

private:
    HubStore &m_store;
    IngressStore m_orders;
    PhoneNormaliser m_phones;
};

} // namespace threadline::server
