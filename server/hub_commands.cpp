// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_commands.h"

#include "server/command_input.h"
#include "server/password_hash.h"
#include "server/role_table.h"
#include "server/session_tokens.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QTimer>

namespace threadline::server {
namespace {

using namespace command_input;
using protocol::Envelope;
using protocol::ErrorCode;
using protocol::makeAck;
using protocol::makeError;
using protocol::MessagePayload;

constexpr qsizetype kMaxBodyBytes = 64 * 1024;
constexpr qsizetype kMaxSubjectChars = 998;

QString kindForChannel(const QString &channel)
{
    if (channel == protocol::channel::sms)
        return QStringLiteral("phone");
    if (channel == protocol::channel::email)
        return QStringLiteral("email");
    return QStringLiteral("chat");
}

int pageLimit(qint64 asked, int fallback)
{
    if (asked <= 0)
        return fallback;
    return int(std::min<qint64>(asked, protocol::kMaxPageLimit));
}

// The customer a durable event is about, or 0.
qint64 customerOfEvent(const StoredEvent &e)
{
    using namespace protocol::type;
    if (e.type == customerUpserted)
        return e.payload.value(k("customer")).toObject().value(k("id")).toInteger();
    if (e.type == messageCreated)
        return e.payload.value(k("message")).toObject().value(k("customer_id")).toInteger();
    if (e.type == orderUpserted)
        return e.payload.value(k("order")).toObject().value(k("customer_id")).toInteger();
    return e.payload.value(k("customer_id")).toInteger();
}

} // namespace

bool role::isKnown(const QString &r)
{
    return r == agent || r == supervisor || r == store;
}

HubCommands::HubCommands(HubStore &store, PhoneNormaliser phones, AgentFloor &floor)
    : m_store(store), m_phones(phones), m_floor(floor), m_conversations(store), m_merges(store),
      m_desk(store),
      m_orders(store), m_orderDesk(store, phones), m_search(store, phones),
      m_readMarkers(store)
{
}

bool HubCommands::visibleTo(const SessionState &s, const StoredEvent &event)
{
    // A read marker is the user's own business: only their desktops hear of it.
    if (event.type == protocol::type::conversationMarkedRead &&
        event.payload.value(k("user")).toString() != s.user.name)
        return false;
    // Agents and supervisors see every customer. Store staff follow only the customers
    // of orders they looked up on this connection, and nothing else.
    if (s.user.role == role::agent || s.user.role == role::supervisor)
        return true;
    if (s.user.role != role::store)
        return false;
    using namespace protocol::type;
    if (event.type != customerUpserted && event.type != messageCreated &&
        event.type != messageStatus && event.type != orderUpserted &&
        event.type != conversationMarkedRead)
        return false;
    return s.orderCustomers.contains(customerOfEvent(event));
}

HelloOutcome HubCommands::hello(const Envelope &c)
{
    HelloOutcome out;
    const QJsonObject &d = c.data;
    QString user, password, token;
    qint64 since = 0;
    if (!readString(d, "user", user) || !readString(d, "password", password) ||
        !readString(d, "token", token) || !readInt(d, "since", since)) {
        out.answer =
            badRequest(c, QStringLiteral("hello needs user and password or token, and since"));
        return out;
    }
    if (token.isEmpty() && (user.isEmpty() || password.isEmpty())) {
        out.answer = badRequest(c, QStringLiteral("hello needs user and password, or a token"));
        return out;
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::optional<UserRecord> record;
    if (!token.isEmpty()) {
        if (session_tokens::looksValid(token))
            record = m_store.userForSession(session_tokens::hash(token), now);
    } else {
        record = m_store.user(user);
        if (record && !password_hash::verify(password, record->passwordHash))
            record.reset();
        if (record) {
            token = session_tokens::make();
            if (!m_store.addSession(record->id, session_tokens::hash(token), now,
                                    now + session_tokens::kLifetimeMs)) {
                out.answer = makeError(c.id, ErrorCode::Internal,
                                       QStringLiteral("could not start a session"));
                return out;
            }
        }
    }
    if (!record) {
        TL_LOG("hub", warning) << "sign-in refused for " << logging::redact(user);
        out.answer = makeError(c.id, ErrorCode::Unauthenticated,
                               token.isEmpty() || !user.isEmpty()
                                   ? QStringLiteral("wrong user name or password")
                                   : QStringLiteral("unknown or expired token"));
        return out;
    }

    const qint64 current = m_store.currentSeq();
    const qint64 oldest = m_store.oldestSeq();
    // Replay only when every event after `since` is still in the log.
    out.replay = since > 0 && since <= current && oldest > 0 && since >= oldest - 1;
    out.since = out.replay ? since : current;
    out.user = SessionUser{record->name, record->role};
    QJsonObject welcome{{k("user"), record->name},
                        {k("role"), record->role},
                        {k("token"), token},
                        {k("seq"), current},
                        {k("resume"), out.replay ? k("replay") : k("resync")}};
    QJsonArray queues;
    for (const QueueRecord &q : m_conversations.queues())
        queues.append(q.toJson());
    welcome.insert(k("queues"), queues);
    if (record->role != role::store) {
        const QString presence = m_floor.presenceOf(record->name);
        welcome.insert(k("presence"), presence == protocol::presence::offline
                                          ? protocol::presence::available
                                          : presence);
    }
    // Unread counts as of the welcome's seq; events after it add to them.
    if (record->role != role::store)
        welcome.insert(k("unread"), unreadCounts(record->name));
    if (record->role == role::supervisor) {
        QJsonArray agents;
        for (const UserRecord &u : m_store.users())
            if (u.role == role::agent || u.role == role::supervisor)
                agents.append(QJsonObject{{k("user"), u.name},
                                          {k("role"), u.role},
                                          {k("presence"), m_floor.presenceOf(u.name)}});
        welcome.insert(k("agents"), agents);
    }
    out.answer = Envelope{protocol::type::welcome, c.id, 0, 0, welcome, std::nullopt};
    TL_LOG("hub", info) << "signed in: " << record->name << " (" << record->role << "), resume "
                        << (out.replay ? "replay" : "resync") << " from " << since;
    return out;
}

Envelope HubCommands::handle(const Envelope &c, SessionState &s)
{
    if (!role_table::isCommand(c.type))
        return badRequest(c, QStringLiteral("unknown command type"));
    if (c.id.isEmpty())
        return badRequest(c, QStringLiteral("a command needs an id"));
    // The one place a role is checked against a command (server/role_table.cpp).
    if (!role_table::allows(s.user.role, c.type))
        return forbidden(c, QStringLiteral("the role %1 may not use %2").arg(s.user.role, c.type));
    if (role_table::changesState(c.type))
        if (const auto remembered = m_store.rememberedAnswer(CommandKey{s.user.name, c.id},
                                                             QDateTime::currentMSecsSinceEpoch()))
            return makeAck(c.id, remembered->data, remembered->seq);

    if (c.type == protocol::type::sendMessage)
        return sendMessage(c, s);
    if (c.type == protocol::type::addNote)
        return addNote(c, s);
    if (c.type == protocol::type::customersPage)
        return customersPage(c);
    if (c.type == protocol::type::historyPage)
        return historyPage(c, s);
    if (c.type == protocol::type::assign)
        return assign(c, s);
    if (c.type == protocol::type::transfer)
        return transfer(c, s);
    if (c.type == protocol::type::setStatus)
        return setStatus(c, s);
    if (c.type == protocol::type::snooze)
        return snooze(c, s);
    if (c.type == protocol::type::label)
        return label(c, s);
    if (c.type == protocol::type::setPresence)
        return setPresence(c, s);
    if (c.type == protocol::type::typing)
        return typing(c, s);
    if (c.type == protocol::type::viewing)
        return viewing(c, s);
    if (c.type == protocol::type::logCall)
        return logCall(c, s);
    if (c.type == protocol::type::dispositionsList)
        return dispositionsList(c);
    if (c.type == protocol::type::cannedList)
        return cannedList(c);
    if (c.type == protocol::type::cannedSave)
        return cannedSave(c, s);
    if (c.type == protocol::type::cannedDelete)
        return cannedDelete(c, s);
    if (c.type == protocol::type::search)
        return search(c);
    if (c.type == protocol::type::orderLookup)
        return orderLookup(c, s);
    if (c.type == protocol::type::orderUpdate)
        return orderUpdate(c, s);
    if (c.type == protocol::type::customerMerge)
        return customerMerge(c, s);
    if (c.type == protocol::type::customerUnmerge)
        return customerUnmerge(c, s);
    if (c.type == protocol::type::attachmentGet)
        return attachmentGet(c, s);
    if (c.type == protocol::type::messageHtml)
        return messageHtml(c, s);
    if (c.type == protocol::type::conversationRead)
        return conversationRead(c, s);
    return makeError(c.id, ErrorCode::Internal, QStringLiteral("command not implemented"));
}

Envelope HubCommands::inWork(const Envelope &c, const SessionState &s,
                             const std::function<Outcome()> &work)
{
    if (!m_store.beginWork())
        return internal(c);
    const Outcome outcome = work();
    if (const auto *error = std::get_if<Envelope>(&outcome)) {
        m_store.rollbackWork();
        return *error;
    }
    const Change &change = std::get<Change>(outcome);
    if (!m_store.rememberAnswer(CommandKey{s.user.name, c.id}, change.seq, change.data) ||
        !m_store.commitWork()) {
        m_store.rollbackWork();
        return internal(c);
    }
    return makeAck(c.id, change.data, change.seq);
}

std::variant<protocol::CustomerPayload, Envelope> HubCommands::customerOf(const Envelope &c,
                                                                           const SessionState &s)
{
    qint64 customerId = 0;
    if (!readInt(c.data, "customer_id", customerId) || customerId <= 0)
        return badRequest(c, QStringLiteral("customer_id must be a positive integer"));
    // Store staff learn nothing about customers they did not reach through an order.
    if (s.user.role == role::store && !s.orderCustomers.contains(customerId))
        return forbidden(c, QStringLiteral("look the customer's order up first (order.lookup)"));
    auto customer = m_store.customer(customerId);
    if (!customer)
        return notFound(c, QStringLiteral("no customer %1").arg(customerId));
    // An absorbed customer is an empty shell until the merge is undone.
    if (customer->status == protocol::conversation::merged)
        return conflict(c, QStringLiteral("customer %1 was merged into another customer")
                               .arg(customerId));
    return *customer;
}

std::optional<Envelope> HubCommands::mayChange(const Envelope &c, const SessionState &s,
                                               const protocol::CustomerPayload &customer)
{
    if (s.user.role == role::supervisor)
        return std::nullopt;
    if (customer.assignee.isEmpty() || customer.assignee == s.user.name)
        return std::nullopt;
    return forbidden(c, QStringLiteral("the conversation is assigned to %1; only a supervisor may "
                                       "change it")
                            .arg(customer.assignee));
}

void HubCommands::markChatSentSoon(qint64 messageId)
{
    // A chat reply has no provider to hand it to: the desktop sees it "sent" once it is
    // stored. SMS and email are claimed from the store by OutboundDispatcher, which
    // reports sent, delivered or failed with a reason as the provider answers.
    HubStore *hub = &m_store;
    QTimer::singleShot(0, hub, [hub, messageId] {
        hub->setMessageStatus(messageId, QStringLiteral("sent"));
    });
}

std::optional<QString> HubCommands::identityOf(qint64 customerId, const QString &kind,
                                               const QString &given, QString *why)
{
    if (given.isEmpty()) {
        auto preferred = m_store.preferredIdentity(customerId, kind);
        if (!preferred)
            *why = QStringLiteral("the customer has no %1 identity").arg(kind);
        return preferred;
    }
    QString value = given.trimmed();
    if (kind == QLatin1String("phone")) {
        const auto e164 = m_phones.toE164(value);
        if (!e164) {
            *why = QStringLiteral("identity is not a valid phone number");
            return std::nullopt;
        }
        value = *e164;
    } else if (kind == QLatin1String("email")) {
        value = value.toLower();
    }
    if (m_store.customerIdByIdentity(kind, value) != customerId) {
        *why = QStringLiteral(
            "identity does not belong to this customer or does not match the channel");
        return std::nullopt;
    }
    return value;
}

Envelope HubCommands::store(const Envelope &c, const SessionUser &user,
                            const MessagePayload &message)
{
    const auto appended = m_store.appendMessage(message, CommandKey{user.name, c.id});
    if (!appended)
        return makeError(c.id, ErrorCode::Internal,
                         QStringLiteral("could not store the message; retry with the same id"));
    TL_LOG("hub", info) << user.name << " stored " << message.channel << " item "
                        << appended->message.id << " for customer " << message.customerId
                        << " at seq " << appended->seq;
    return makeAck(c.id, QJsonObject{{k("message"), appended->message.toJson()}}, appended->seq);
}

Envelope HubCommands::sendMessage(const Envelope &c, const SessionState &s)
{
    const SessionUser &user = s.user;
    const QJsonObject &d = c.data;
    qint64 customerId = 0;
    QString channel, identity, subject, body;
    if (!readInt(d, "customer_id", customerId) || customerId <= 0)
        return badRequest(c, QStringLiteral("customer_id must be a positive integer"));
    if (!readString(d, "channel", channel) || !protocol::channel::isReplyChannel(channel))
        return badRequest(c, QStringLiteral("channel must be chat, sms or email"));
    if (!readString(d, "identity", identity) || !readString(d, "subject", subject) ||
        !readString(d, "body", body))
        return badRequest(c, QStringLiteral("identity, subject and body must be strings"));
    if (body.trimmed().isEmpty())
        return badRequest(c, QStringLiteral("body must not be empty"));
    if (body.toUtf8().size() > kMaxBodyBytes)
        return makeError(c.id, protocol::ErrorCode::TooLarge,
                         QStringLiteral("body exceeds 64 KiB"));
    if (channel == protocol::channel::email && subject.trimmed().isEmpty())
        return badRequest(c, QStringLiteral("an email needs a subject"));
    if (subject.size() > kMaxSubjectChars)
        return makeError(c.id, protocol::ErrorCode::TooLarge,
                         QStringLiteral("subject is too long"));
    if (!m_store.customer(customerId))
        return makeError(c.id, ErrorCode::NotFound,
                         QStringLiteral("no customer %1").arg(customerId));

    QString why;
    const auto chosen = identityOf(customerId, kindForChannel(channel), identity, &why);
    if (!chosen)
        return badRequest(c, why);

    MessagePayload m;
    m.customerId = customerId;
    m.channel = channel;
    m.direction = protocol::direction::out;
    m.author = user.name;
    m.identity = *chosen;
    m.subject = channel == protocol::channel::email ? subject : QString();
    m.body = body;
    m.clientId = c.id;
    m.status = QStringLiteral("queued");
    const Envelope answer = store(c, user, m);
    if (answer.type == protocol::type::ack && channel == protocol::channel::chat)
        markChatSentSoon(answer.data.value(k("message")).toObject().value(k("id")).toInteger());
    return answer;
}

Envelope HubCommands::addNote(const Envelope &c, const SessionState &s)
{
    const SessionUser &user = s.user;
    QString body;
    if (!readString(c.data, "body", body) || body.trimmed().isEmpty())
        return badRequest(c, QStringLiteral("body must be a non-empty string"));
    if (body.toUtf8().size() > kMaxBodyBytes)
        return makeError(c.id, ErrorCode::TooLarge, QStringLiteral("body exceeds 64 KiB"));
    const auto customer = customerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&customer))
        return *error;
    const qint64 customerId = std::get<protocol::CustomerPayload>(customer).id;
    MessagePayload m;
    m.customerId = customerId;
    m.channel = protocol::channel::note;
    m.direction = protocol::direction::internal;
    m.author = user.name;
    m.body = body;
    m.clientId = c.id;
    m.status = QStringLiteral("sent");
    return store(c, user, m);
}

Envelope HubCommands::customersPage(const Envelope &c)
{
    qint64 afterId = 0, limit = 0;
    if (!readInt(c.data, "after_id", afterId) || !readInt(c.data, "limit", limit))
        return badRequest(c, QStringLiteral("after_id and limit must be non-negative integers"));
    bool more = false;
    const auto page =
        m_store.customersPage(afterId, pageLimit(limit, protocol::kMaxPageLimit), &more);
    QJsonObject answer{{k("customers"), protocol::toJsonArray(page)}, {k("more"), more}};
    if (!more) // the snapshot is complete: where the customers it left out went
        answer.insert(k("merged"), m_merges.standing());
    return makeAck(c.id, answer);
}

Envelope HubCommands::historyPage(const Envelope &c, const SessionState &s)
{
    qint64 customerId = 0, beforeId = 0, limit = 0;
    if (!readInt(c.data, "customer_id", customerId) || customerId <= 0 ||
        !readInt(c.data, "before_id", beforeId) || !readInt(c.data, "limit", limit))
        return badRequest(c, QStringLiteral("customer_id, before_id and limit must be integers"));
    const auto customer = customerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&customer))
        return *error;
    bool more = false;
    const auto page = m_store.historyPage(customerId, beforeId, pageLimit(limit, 50), &more);
    return makeAck(c.id,
                   QJsonObject{{k("messages"), protocol::toJsonArray(page)}, {k("more"), more}});
}

} // namespace threadline::server
