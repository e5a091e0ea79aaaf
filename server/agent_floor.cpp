// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/agent_floor.h"

#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"

#include <QDateTime>
#include <QJsonObject>

namespace threadline::server {
namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

protocol::Envelope ephemeral(const QString &type, const QJsonObject &data)
{
    protocol::Envelope e;
    e.type = type;
    e.data = data;
    return e;
}

bool worksThreads(const QString &role)
{
    return role == QLatin1String("agent") || role == QLatin1String("supervisor");
}

} // namespace

AgentFloor::AgentFloor(QObject *parent) : QObject(parent) {}

void AgentFloor::signIn(quint64 connection, const QString &user, const QString &role)
{
    m_desks.insert(connection, Desk{user, role, 0});
    if (!worksThreads(role))
        return;
    if (!m_presence.contains(user)) {
        m_presence.insert(user, protocol::presence::available);
        tellSupervisors(user);
        Q_EMIT presenceChanged();
    }
}

void AgentFloor::signOut(quint64 connection)
{
    const auto it = m_desks.constFind(connection);
    if (it == m_desks.constEnd())
        return;
    const Desk desk = *it;
    m_desks.remove(connection);
    if (desk.viewing != 0)
        tellViewers(desk.viewing);
    if (!worksThreads(desk.role))
        return;
    for (const Desk &other : std::as_const(m_desks))
        if (other.user == desk.user)
            return; // still signed in on another desktop
    m_presence.remove(desk.user);
    tellSupervisors(desk.user);
    Q_EMIT presenceChanged();
}

QString AgentFloor::presenceOf(const QString &user) const
{
    return m_presence.value(user, protocol::presence::offline);
}

void AgentFloor::setPresence(quint64 connection, const QString &presence)
{
    const auto it = m_desks.constFind(connection);
    if (it == m_desks.constEnd() || m_presence.value(it->user) == presence)
        return;
    m_presence.insert(it->user, presence);
    tellSupervisors(it->user);
    Q_EMIT presenceChanged();
}

QStringList AgentFloor::viewersOf(qint64 customerId, quint64 except) const
{
    QStringList users;
    if (customerId == 0)
        return users;
    for (auto it = m_desks.constBegin(); it != m_desks.constEnd(); ++it)
        if (it.key() != except && it->viewing == customerId && !users.contains(it->user))
            users.append(it->user);
    users.sort();
    return users;
}

QStringList AgentFloor::setViewing(quint64 connection, qint64 customerId)
{
    const auto it = m_desks.find(connection);
    if (it == m_desks.end())
        return {};
    const qint64 before = it->viewing;
    it->viewing = customerId;
    if (before != customerId) {
        if (before != 0)
            tellViewers(before, connection);
        if (customerId != 0)
            tellViewers(customerId, connection);
    }
    return viewersOf(customerId, connection);
}

void AgentFloor::tellViewers(qint64 customerId, quint64 except)
{
    for (auto it = m_desks.constBegin(); it != m_desks.constEnd(); ++it)
        if (it->viewing == customerId && it.key() != except)
            Q_EMIT frameFor(it.key(),
                            ephemeral(protocol::type::viewing,
                                      QJsonObject{{k("customer_id"), customerId},
                                                  {k("viewers"), QJsonArray::fromStringList(
                                                                     viewersOf(customerId, it.key()))}}));
}

void AgentFloor::setTyping(quint64 connection, qint64 customerId, bool typing)
{
    const auto me = m_desks.constFind(connection);
    if (me == m_desks.constEnd())
        return;
    const protocol::Envelope frame = ephemeral(
        protocol::type::typing,
        QJsonObject{{k("customer_id"), customerId}, {k("user"), me->user}, {k("typing"), typing}});
    for (auto it = m_desks.constBegin(); it != m_desks.constEnd(); ++it)
        if (it.key() != connection && it->viewing == customerId)
            Q_EMIT frameFor(it.key(), frame);
}

QList<quint64> AgentFloor::supervisorConnections() const
{
    QList<quint64> out;
    for (auto it = m_desks.constBegin(); it != m_desks.constEnd(); ++it)
        if (it->role == QLatin1String("supervisor"))
            out.append(it.key());
    return out;
}

void AgentFloor::tellSupervisors(const QString &user)
{
    const protocol::Envelope frame =
        ephemeral(protocol::type::presence,
                  QJsonObject{{k("user"), user},
                              {k("presence"), presenceOf(user)},
                              {k("at"), QDateTime::currentMSecsSinceEpoch()}});
    for (const quint64 connection : supervisorConnections())
        Q_EMIT frameFor(connection, frame);
}

} // namespace threadline::server
