// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/identity_resolver.h"

#include "services/logging/log.h"

#include <QRegularExpression>

namespace threadline::server {

using protocol::IdentityPayload;

std::optional<QString> normalisedEmail(const QString &written)
{
    const QString value = written.trimmed().toLower();
    static const QRegularExpression shape(
        QStringLiteral("^[^@\\s<>(),;:\"\\[\\]]+@[^@\\s<>(),;:\"\\[\\]]+$"));
    if (value.size() > 254 || !shape.match(value).hasMatch())
        return std::nullopt;
    return value;
}

IdentityResolver::IdentityResolver(HubStore &store, PhoneNormaliser phones)
    : m_store(store), m_phones(std::move(phones))
{
}

std::optional<IdentityPayload> IdentityResolver::normalise(const QString &kind,
                                                           const QString &written) const
{
    if (kind == QLatin1String("phone")) {
        if (const auto e164 = m_phones.toE164(written))
            return IdentityPayload{kind, *e164};
        return std::nullopt;
    }
    if (kind == QLatin1String("email")) {
        if (const auto email = normalisedEmail(written))
            return IdentityPayload{kind, *email};
        return std::nullopt;
    }
    if (kind == QLatin1String("chat")) {
        const QString value = written.trimmed();
        if (value.isEmpty() || value.size() > 128)
            return std::nullopt;
        return IdentityPayload{kind, value};
    }
    return std::nullopt;
}

std::optional<IdentityResolver::Resolution>
IdentityResolver::resolve(const QList<IdentityPayload> &identities, const QString &name,
                          std::optional<qint64> preferred)
{
    if (!m_store.inWork()) {
        m_lastError = QStringLiteral("identity resolution needs a unit of work");
        return std::nullopt;
    }
    // Drop repeats, keep the order.
    QList<IdentityPayload> unique;
    for (const IdentityPayload &i : identities)
        if (!i.value.isEmpty() && !unique.contains(i))
            unique.append(i);
    if (unique.isEmpty() && !preferred) {
        m_lastError = QStringLiteral("no identity to resolve");
        return std::nullopt;
    }

    Resolution r;
    QList<std::optional<qint64>> owners;
    for (const IdentityPayload &i : std::as_const(unique))
        owners.append(m_store.customerIdByIdentity(i.kind, i.value));

    if (preferred && m_store.customer(*preferred))
        r.customerId = *preferred;
    for (qsizetype n = 0; r.customerId == 0 && n < owners.size(); ++n)
        if (owners.at(n))
            r.customerId = *owners.at(n);

    if (r.customerId == 0) {
        const QString display =
            name.trimmed().isEmpty() ? unique.constFirst().value : name.trimmed().left(200);
        const auto id = m_store.insertCustomer(display);
        if (!id) {
            m_lastError = m_store.lastError();
            return std::nullopt;
        }
        r.customerId = *id;
        r.created = true;
    }

    for (qsizetype n = 0; n < unique.size(); ++n) {
        if (owners.at(n) == r.customerId)
            continue;
        if (owners.at(n)) {
            r.conflicting.append(unique.at(n));
            continue;
        }
        if (!m_store.linkIdentity(r.customerId, unique.at(n).kind, unique.at(n).value)) {
            m_lastError = m_store.lastError();
            return std::nullopt;
        }
        r.linked.append(unique.at(n));
    }
    if (!r.conflicting.isEmpty())
        TL_LOG("hub", info) << "identity resolution: customer " << r.customerId << " kept; "
                            << r.conflicting.size()
                            << " identity(ies) belong to another customer (not merged)";
    if ((r.created || !r.linked.isEmpty()) && !m_store.announceCustomer(r.customerId)) {
        m_lastError = m_store.lastError();
        return std::nullopt;
    }
    return r;
}

} // namespace threadline::server
