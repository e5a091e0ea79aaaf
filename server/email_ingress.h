// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/identity_resolver.h"
#include "server/ingress_answer.h"
#include "server/ingress_store.h"

namespace threadline::server {

/// Raw RFC 5322 mail in: parsed (email_parser.h), deduplicated by Message-ID, threaded by
/// In-Reply-To/References, resolved to a customer by its From address and stored with its
/// attachments and raw bytes, in one unit of work.
class EmailIngress {
public:
    EmailIngress(HubStore &store, IdentityResolver &resolver);
    IngressAnswer receive(const QByteArray &raw);

private:
    HubStore &m_store;
    IngressStore m_ingress;
    IdentityResolver &m_resolver;
};

} // namespace threadline::server
