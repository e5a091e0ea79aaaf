// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/email_ingress.h"

namespace threadline::server {

EmailIngress::EmailIngress(HubStore &store, IdentityResolver &resolver)
    : m_store(store), m_ingress(store), m_resolver(resolver)
{
}

IngressAnswer EmailIngress::receive(const QByteArray &)
{
    return IngressAnswer::error(501, QStringLiteral("not_implemented"),
                                QStringLiteral("email ingress is not implemented yet"));
}

} // namespace threadline::server
