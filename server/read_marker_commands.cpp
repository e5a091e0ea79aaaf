// SPDX-License-Identifier: GPL-3.0-or-later
// Read markers: an agent saw a thread up to an item; their other desktops clear the count.
#include "server/command_input.h"
#include "server/hub_commands.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>
#include <QJsonArray>

namespace threadline::server {
namespace {

using namespace command_input;
using protocol::Envelope;

} // namespace

Envelope HubCommands::conversationRead(const Envelope &c, const SessionState &s)
{
    qint64 upToId = 0;
    if (!readInt(c.data, "up_to_id", upToId) || upToId <= 0)
        return badRequest(c, QStringLiteral("up_to_id must be a positive message id"));
    // customerOf checks the id, store staff's looked-up customers and merged shells.
    const auto customer = customerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&customer))
        return *error;
    const qint64 customerId = std::get<protocol::CustomerPayload>(customer).id;
    const QString &user = s.user.name;
    return inWork(c, s, [&]() -> Outcome {
        // A marker names an item of this thread and only moves forward: an older or
        // repeated marker (a second desktop, a retry from the outbox) changes nothing.
        const qint64 target = m_readMarkers.newestItemUpTo(customerId, upToId);
        const qint64 current = m_readMarkers.marker(user, customerId);
        if (target <= current)
            return Change{readState(user, customerId, current), 0};
        if (!m_readMarkers.moveForward(user, customerId, target,
                                       QDateTime::currentMSecsSinceEpoch()))
            return internal(c);
        const QJsonObject state = readState(user, customerId, target);
        qint64 seq = 0;
        if (!m_store.writeEvent(protocol::type::conversationMarkedRead, state, &seq))
            return internal(c);
        return Change{state, seq};
    });
}

QJsonObject HubCommands::readState(const QString &user, qint64 customerId, qint64 upToId)
{
    return {{k("user"), user},
            {k("customer_id"), customerId},
            {k("up_to_id"), upToId},
            {k("unread"), m_readMarkers.unread(user, customerId)}};
}

QJsonArray HubCommands::unreadCounts(const QString &user)
{
    QJsonArray out;
    for (const UnreadCount &u : m_readMarkers.unreadCounts(user))
        out.append(QJsonObject{{k("customer_id"), u.customerId}, {k("count"), u.count}});
    return out;
}

} // namespace threadline::server
