// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/identity_resolver.h"
#include "server/ingress_answer.h"
#include "server/ingress_store.h"

namespace threadline::server {

/// WooCommerce and Shopify order webhooks: the order is stored, linked to the customer
/// by its email and phone, and each status change becomes an "order" item in the thread.
class OrderIngress {
public:
    OrderIngress(HubStore &store, IdentityResolver &resolver);
    IngressAnswer receive(const QString &source, const QByteArray &body);

private:
    HubStore &m_store;
    IngressStore m_ingress;
    IdentityResolver &m_resolver;
};

} // namespace threadline::server
