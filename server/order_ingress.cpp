// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/order_ingress.h"

namespace threadline::server {

OrderIngress::OrderIngress(HubStore &store, IdentityResolver &resolver)
    : m_store(store), m_ingress(store), m_resolver(resolver)
{
}

IngressAnswer OrderIngress::receive(const QString &, const QByteArray &)
{
    return IngressAnswer::error(501, QStringLiteral("not_implemented"),
                                QStringLiteral("order ingress is not implemented yet"));
}

} // namespace threadline::server
