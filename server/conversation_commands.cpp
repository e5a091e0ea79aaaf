// SPDX-License-Identifier: GPL-3.0-or-later
// Working the queue: assign, transfer, set_status, snooze and label.
#include "server/command_input.h"
#include "server/hub_commands.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>

namespace threadline::server {
namespace {

using namespace command_input;
using protocol::CustomerPayload;
using protocol::Envelope;

constexpr int kMaxNoteChars = 2000;
constexpr int kMaxLabelChars = 40;
constexpr int kMaxLabels = 20;
constexpr qint64 kMaxSnoozeMs = 366LL * 24 * 60 * 60 * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString queueOrName(const QString &assignee)
{
    return assignee.isEmpty() ? QStringLiteral("the queue") : assignee;
}

} // namespace

std::variant<CustomerPayload, Envelope> HubCommands::changeableCustomerOf(const Envelope &c,
                                                                          const SessionState &s)
{
    auto found = customerOf(c, s);
    if (const auto *customer = std::get_if<CustomerPayload>(&found))
        if (auto refused = mayChange(c, s, *customer))
            return *refused;
    return found;
}

HubCommands::Outcome HubCommands::answerWithSystemItem(const Envelope &c, qint64 customerId,
                                                       const QString &author,
                                                       const QString &event, const QString &body,
                                                       const QJsonObject &meta)
{
    const auto item = m_conversations.addSystemItem(customerId, author, event, body, meta);
    if (!item)
        return internal(c);
    return Change{QJsonObject{{k("customer"), m_store.customer(customerId)->toJson()},
                              {k("message"), item->message.toJson()}},
                  item->seq};
}

Envelope HubCommands::assign(const Envelope &c, const SessionState &s)
{
    QString assignee;
    if (!c.data.value(k("assignee")).isString() || !readString(c.data, "assignee", assignee))
        return badRequest(c, QStringLiteral("assignee must be a user name, or \"\" for the queue"));
    assignee = assignee.trimmed();
    const auto found = changeableCustomerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&found))
        return *error;
    const CustomerPayload customer = std::get<CustomerPayload>(found);
    if (s.user.role == role::agent && !assignee.isEmpty() && assignee != s.user.name)
        return forbidden(c, QStringLiteral("agents assign to themselves or back to the queue;"
                                           " use transfer to hand over"));
    if (!assignee.isEmpty() && !m_conversations.isAssignable(assignee))
        return notFound(c, QStringLiteral("no agent %1").arg(assignee));

    return inWork(c, s, [&]() -> Outcome {
        if (customer.assignee == assignee) // nothing to change; the answer says how it is
            return Change{QJsonObject{{k("customer"), customer.toJson()}}, 0};
        ConversationChange change;
        change.assignee = assignee;
        const qint64 now = nowMs();
        if (!m_conversations.apply(customer.id, change, s.user.name, now))
            return internal(c);
        QString body;
        if (assignee.isEmpty())
            body = QStringLiteral("%1 returned the conversation to the queue").arg(s.user.name);
        else if (assignee == s.user.name)
            body = QStringLiteral("%1 took the conversation").arg(s.user.name);
        else
            body = QStringLiteral("%1 assigned the conversation to %2").arg(s.user.name, assignee);
        return answerWithSystemItem(c, customer.id, s.user.name, QStringLiteral("assigned"), body,
                                    QJsonObject{{k("from"), customer.assignee}, {k("to"), assignee}});
    });
}

Envelope HubCommands::transfer(const Envelope &c, const SessionState &s)
{
    QString queue, assignee, note;
    if (!readString(c.data, "queue", queue) || !readString(c.data, "assignee", assignee) ||
        !readString(c.data, "note", note))
        return badRequest(c, QStringLiteral("queue, assignee and note must be strings"));
    queue = queue.trimmed();
    assignee = assignee.trimmed();
    note = note.trimmed();
    if (queue.isEmpty() && assignee.isEmpty())
        return badRequest(c, QStringLiteral("transfer needs a queue, an assignee, or both"));
    if (note.size() > kMaxNoteChars)
        return makeError(c.id, protocol::ErrorCode::TooLarge,
                         QStringLiteral("note exceeds 2000 characters"));
    const auto found = changeableCustomerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&found))
        return *error;
    const CustomerPayload customer = std::get<CustomerPayload>(found);
    if (!queue.isEmpty() && !m_conversations.queue(queue))
        return notFound(c, QStringLiteral("no queue %1").arg(queue));
    if (!assignee.isEmpty() && !m_conversations.isAssignable(assignee))
        return notFound(c, QStringLiteral("no agent %1").arg(assignee));

    return inWork(c, s, [&]() -> Outcome {
        ConversationChange change;
        // To a queue alone: the conversation waits there for whoever takes it.
        change.assignee = assignee;
        if (!queue.isEmpty())
            change.queue = queue;
        const QString toQueue = queue.isEmpty() ? customer.queue : queue;
        if (!m_conversations.apply(customer.id, change, s.user.name, nowMs()))
            return internal(c);
        QString body = QStringLiteral("%1 transferred the conversation to %2")
                           .arg(s.user.name, assignee.isEmpty()
                                                 ? QStringLiteral("the %1 queue").arg(toQueue)
                                                 : assignee);
        if (!note.isEmpty())
            body += QStringLiteral(": ") + note;
        QJsonObject meta{{k("from_queue"), customer.queue}, {k("to_queue"), toQueue},
                         {k("from"), customer.assignee}, {k("to"), assignee}};
        if (!note.isEmpty())
            meta.insert(k("note"), note);
        TL_LOG("hub", info) << s.user.name << " transfers customer " << customer.id << " to "
                            << queueOrName(assignee) << " in " << toQueue;
        return answerWithSystemItem(c, customer.id, s.user.name, QStringLiteral("transferred"),
                                    body, meta);
    });
}

Envelope HubCommands::setStatus(const Envelope &c, const SessionState &s)
{
    QString status;
    if (!readString(c.data, "status", status) ||
        (status != protocol::conversation::open && status != protocol::conversation::resolved))
        return badRequest(c, QStringLiteral("status must be open or resolved (use snooze to snooze)"));
    const auto found = changeableCustomerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&found))
        return *error;
    const CustomerPayload customer = std::get<CustomerPayload>(found);

    return inWork(c, s, [&]() -> Outcome {
        if (customer.status == status)
            return Change{QJsonObject{{k("customer"), customer.toJson()}}, 0};
        ConversationChange change;
        change.status = status;
        if (!m_conversations.apply(customer.id, change, s.user.name, nowMs()))
            return internal(c);
        const bool resolved = status == protocol::conversation::resolved;
        return answerWithSystemItem(
            c, customer.id, s.user.name,
            resolved ? QStringLiteral("resolved") : QStringLiteral("reopened"),
            resolved ? QStringLiteral("%1 resolved the conversation").arg(s.user.name)
                     : QStringLiteral("%1 reopened the conversation").arg(s.user.name),
            QJsonObject{{k("from"), customer.status}});
    });
}

Envelope HubCommands::snooze(const Envelope &c, const SessionState &s)
{
    qint64 until = 0;
    if (!readInt(c.data, "until", until) || until == 0)
        return badRequest(c, QStringLiteral("until must be a time in ms since the epoch"));
    const qint64 now = nowMs();
    if (until <= now || until > now + kMaxSnoozeMs)
        return badRequest(c, QStringLiteral("until must be in the future, at most a year ahead"));
    const auto found = changeableCustomerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&found))
        return *error;
    const CustomerPayload customer = std::get<CustomerPayload>(found);

    return inWork(c, s, [&]() -> Outcome {
        ConversationChange change;
        change.status = protocol::conversation::snoozed;
        change.snoozeUntil = until;
        if (!m_conversations.apply(customer.id, change, s.user.name, now))
            return internal(c);
        return answerWithSystemItem(c, customer.id, s.user.name, QStringLiteral("snoozed"),
                                    QStringLiteral("%1 snoozed the conversation").arg(s.user.name),
                                    QJsonObject{{k("until"), until}});
    });
}

Envelope HubCommands::label(const Envelope &c, const SessionState &s)
{
    QStringList add, remove;
    if (!readStrings(c.data, "add", add) || !readStrings(c.data, "remove", remove))
        return badRequest(c, QStringLiteral("add and remove must be arrays of strings"));
    if (add.isEmpty() && remove.isEmpty())
        return badRequest(c, QStringLiteral("label needs labels to add or remove"));
    for (QStringList *list : {&add, &remove})
        for (QString &l : *list) {
            l = l.simplified();
            if (l.isEmpty() || l.size() > kMaxLabelChars)
                return badRequest(c, QStringLiteral("a label has 1 to 40 characters"));
        }
    const auto found = customerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&found))
        return *error;
    const CustomerPayload customer = std::get<CustomerPayload>(found);

    QStringList labels = customer.labels;
    for (const QString &l : std::as_const(remove))
        labels.removeAll(l);
    for (const QString &l : std::as_const(add))
        if (!labels.contains(l))
            labels.append(l);
    if (labels.size() > kMaxLabels)
        return makeError(c.id, protocol::ErrorCode::TooLarge,
                         QStringLiteral("a customer has at most 20 labels"));

    return inWork(c, s, [&]() -> Outcome {
        if (labels == customer.labels)
            return Change{QJsonObject{{k("customer"), customer.toJson()}}, 0};
        ConversationChange change;
        change.labels = labels;
        if (!m_conversations.apply(customer.id, change, s.user.name, nowMs()))
            return internal(c);
        const auto after = m_store.customer(customer.id);
        const QJsonObject data{{k("customer"), after->toJson()}};
        qint64 seq = 0;
        if (!m_store.writeEvent(protocol::type::customerUpserted, data, &seq))
            return internal(c);
        return Change{data, seq};
    });
}

} // namespace threadline::server
