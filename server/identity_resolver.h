// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"
#include "server/phone_normaliser.h"
#include "services/protocol/payloads.h"

#include <QList>
#include <QString>
#include <optional>

namespace threadline::server {

/// Finds the ONE customer an inbound event belongs to, from the identities it carries
/// (phone numbers, email addresses, chat ids), creating the customer when nobody owns
/// any of them and linking identities nobody owns yet to the customer found.
///
/// The rule (docs/ingress.md): identities are tried in the order given (the channel's
/// own identity first); the first one with an owner decides. An identity already owned by
/// a different customer is never moved and customers are never merged automatically:
/// a shared family phone with an order under a different email stays two customers
/// until an agent merges them. Deterministic, and it runs inside the caller's unit of work.
class IdentityResolver {
public:
    IdentityResolver(HubStore &store, PhoneNormaliser phones);

    /// E.164 for phones, trimmed lower case for emails, trimmed for chat ids; nothing when
    /// the value is not a valid identity of that kind.
    std::optional<protocol::IdentityPayload> normalise(const QString &kind,
                                                       const QString &written) const;

    struct Resolution {
        qint64 customerId = 0;
        bool created = false;
        QList<protocol::IdentityPayload> linked;      ///< newly given to the customer
        QList<protocol::IdentityPayload> conflicting; ///< owned by someone else, left alone
    };

    /// Must run inside a HubStore unit of work. `identities` are normalised, in priority
    /// order; `name` names a new customer (else the first identity does). `preferred`, when
    /// set and existing, wins over the identities (an email reply in a known thread).
    /// Appends customer.upserted when the customer is new or gained identities.
    std::optional<Resolution> resolve(const QList<protocol::IdentityPayload> &identities,
                                      const QString &name,
                                      std::optional<qint64> preferred = std::nullopt);

    QString lastError() const { return m_lastError; }

private:
    HubStore &m_store;
    PhoneNormaliser m_phones;
    QString m_lastError;
};

/// A plausible email address (one @, no spaces, a dot-free local part allowed), lower case.
std::optional<QString> normalisedEmail(const QString &written);

} // namespace threadline::server
