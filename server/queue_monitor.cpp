// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/queue_monitor.h"

#include "services/protocol/frame_types.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QSqlQuery>

namespace threadline::server {
namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

/// The numbers of one queue, or of one channel within it.
struct Tally {
    qint64 waiting = 0;
    qint64 oldestWaitingSince = 0;
    qint64 answered = 0;
    qint64 answeredWaitMs = 0;
    qint64 withinTarget = 0;
    qint64 overdueWaiting = 0; ///< still waiting and already past the target: misses
    qint64 resolved = 0;
    qint64 handleMs = 0;

    QJsonObject toJson(qint64 now) const
    {
        QJsonObject o{{k("waiting"), waiting},
                      {k("oldest_waiting_since"), oldestWaitingSince},
                      {k("longest_wait_s"),
                       oldestWaitingSince > 0 ? (now - oldestWaitingSince) / 1000 : 0},
                      {k("answered"), answered},
                      {k("average_wait_s"), answered > 0 ? answeredWaitMs / answered / 1000 : 0},
                      {k("resolved"), resolved},
                      {k("average_handle_s"), resolved > 0 ? handleMs / resolved / 1000 : 0}};
        const qint64 judged = answered + overdueWaiting;
        o.insert(k("sla"), judged > 0 ? QJsonValue(double(withinTarget) / double(judged))
                                      : QJsonValue(QJsonValue::Null));
        return o;
    }
};

} // namespace

QueueMonitor::QueueMonitor(HubStore &store, AgentFloor &floor, QObject *parent)
    : QObject(parent), m_store(store), m_conversations(store), m_floor(floor)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &QueueMonitor::publish);
}

void QueueMonitor::markChanged()
{
    if (m_timer.isActive())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 due = m_lastSent + protocol::kQueueStatsIntervalMs;
    m_timer.start(int(std::clamp<qint64>(due - now, 0, protocol::kQueueStatsIntervalMs)));
}

void QueueMonitor::publish()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_lastSent = now;
    protocol::Envelope frame;
    frame.type = protocol::type::queueStats;
    frame.data = snapshot(now);
    Q_EMIT statsReady(frame);
}

QJsonObject QueueMonitor::snapshot(qint64 now)
{
    const QList<QueueRecord> queues = m_conversations.queues();
    QMap<QString, Tally> byQueue;
    QMap<QString, QMap<QString, Tally>> byChannel;
    QSqlDatabase db = m_store.database();
    const qint64 since = now - kWindowMs;

    // Who waits now (snoozed conversations do not), by the channel they wrote on.
    QSqlQuery waiting(db);
    waiting.prepare(QStringLiteral(
        "SELECT w.queue, w.channel, COUNT(*), MIN(w.started_at),"
        " SUM(CASE WHEN ? - w.started_at > COALESCE(q.sla_target_s, 300) * 1000 THEN 1 ELSE 0 END)"
        " FROM waits w JOIN customers c ON c.id = w.customer_id"
        " LEFT JOIN queues q ON q.name = w.queue"
        " WHERE w.ended_at = 0 AND c.status = 'open' GROUP BY w.queue, w.channel"));
    waiting.addBindValue(now);
    if (waiting.exec())
        while (waiting.next()) {
            for (Tally *t : {&byQueue[waiting.value(0).toString()],
                             &byChannel[waiting.value(0).toString()][waiting.value(1).toString()]}) {
                t->waiting += waiting.value(2).toLongLong();
                const qint64 oldest = waiting.value(3).toLongLong();
                t->oldestWaitingSince =
                    t->oldestWaitingSince == 0 ? oldest : std::min(t->oldestWaitingSince, oldest);
                t->overdueWaiting += waiting.value(4).toLongLong();
            }
        }
    // Answered in the last hour, and how many of those within the queue's target.
    QSqlQuery answered(db);
    answered.prepare(QStringLiteral(
        "SELECT w.queue, w.channel, COUNT(*), SUM(w.ended_at - w.started_at),"
        " SUM(CASE WHEN w.ended_at - w.started_at <= COALESCE(q.sla_target_s, 300) * 1000"
        " THEN 1 ELSE 0 END)"
        " FROM waits w LEFT JOIN queues q ON q.name = w.queue"
        " WHERE w.answered = 1 AND w.ended_at >= ? GROUP BY w.queue, w.channel"));
    answered.addBindValue(since);
    if (answered.exec())
        while (answered.next())
            for (Tally *t : {&byQueue[answered.value(0).toString()],
                             &byChannel[answered.value(0).toString()][answered.value(1).toString()]}) {
                t->answered += answered.value(2).toLongLong();
                t->answeredWaitMs += answered.value(3).toLongLong();
                t->withinTarget += answered.value(4).toLongLong();
            }
    // Handle time: from (re)opening to resolving, for conversations resolved in the last hour.
    QSqlQuery handled(db);
    handled.prepare(QStringLiteral(
        "SELECT queue, channel, COUNT(*), SUM(resolved_at - opened_at) FROM resolutions"
        " WHERE resolved_at >= ? GROUP BY queue, channel"));
    handled.addBindValue(since);
    if (handled.exec())
        while (handled.next())
            for (Tally *t : {&byQueue[handled.value(0).toString()],
                             &byChannel[handled.value(0).toString()][handled.value(1).toString()]}) {
                t->resolved += handled.value(2).toLongLong();
                t->handleMs += handled.value(3).toLongLong();
            }

    QJsonArray queueList;
    for (const QueueRecord &q : queues) {
        QJsonObject o = byQueue.value(q.name).toJson(now);
        o.insert(k("queue"), q.name);
        o.insert(k("title"), q.title);
        o.insert(k("sla_target_s"), q.slaTargetS);
        o.insert(k("amber_s"), q.amberS);
        o.insert(k("red_s"), q.redS);
        QJsonArray channels;
        const auto perChannel = byChannel.value(q.name);
        for (auto it = perChannel.constBegin(); it != perChannel.constEnd(); ++it) {
            QJsonObject c = it.value().toJson(now);
            c.insert(k("channel"), it.key());
            channels.append(c);
        }
        o.insert(k("channels"), channels);
        queueList.append(o);
    }

    // Agents: everyone who can take conversations, their presence and open load.
    QMap<QString, QJsonObject> loads;
    QSqlQuery users(db);
    if (users.exec(QStringLiteral(
            "SELECT name, role FROM users WHERE role IN ('agent', 'supervisor') ORDER BY name")))
        while (users.next())
            loads.insert(users.value(0).toString(),
                         QJsonObject{{k("user"), users.value(0).toString()},
                                     {k("role"), users.value(1).toString()},
                                     {k("presence"), m_floor.presenceOf(users.value(0).toString())},
                                     {k("open"), 0},
                                     {k("open_by_queue"), QJsonObject{}}});
    QSqlQuery open(db);
    if (open.exec(QStringLiteral("SELECT assignee, queue, COUNT(*) FROM customers"
                                 " WHERE assignee <> '' AND status <> 'resolved'"
                                 " GROUP BY assignee, queue")))
        while (open.next()) {
            const QString user = open.value(0).toString();
            if (!loads.contains(user))
                continue;
            QJsonObject &agent = loads[user];
            agent.insert(k("open"), agent.value(k("open")).toInteger() + open.value(2).toLongLong());
            QJsonObject perQueue = agent.value(k("open_by_queue")).toObject();
            perQueue.insert(open.value(1).toString(), open.value(2).toLongLong());
            agent.insert(k("open_by_queue"), perQueue);
        }
    QJsonArray agents;
    QJsonObject presence{{protocol::presence::available, 0},
                         {protocol::presence::busy, 0},
                         {protocol::presence::away, 0},
                         {protocol::presence::offline, 0}};
    for (const QJsonObject &agent : std::as_const(loads)) {
        agents.append(agent);
        const QString p = agent.value(k("presence")).toString();
        presence.insert(p, presence.value(p).toInt() + 1);
    }
    return QJsonObject{{k("at"), now},
                       {k("window_s"), kWindowMs / 1000},
                       {k("queues"), queueList},
                       {k("agents"), agents},
                       {k("presence"), presence}};
}

} // namespace threadline::server
