// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_commands.h"

#include "server/password_hash.h"
#include "server/session_tokens.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace threadline::server {
namespace {

using protocol::Envelope;
using protocol::ErrorCode;
using protocol::makeAck;
using protocol::makeError;
using protocol::MessagePayload;

constexpr qsizetype kMaxBodyBytes = 64 * 1024;
constexpr qsizetype kMaxSubjectChars = 998;

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

// Reads an optional integer field; false when present with the wrong type.
bool readInt(const QJsonObject &o, const char *key, qint64 &out)
{
    const QJsonValue v = o.value(k(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < 0 || d > 9007199254740991.0 || d != static_cast<double>(static_cast<qint64>(d)))
        return false;
    out = static_cast<qint64>(d);
    return true;
}

bool readString(const QJsonObject &o, const char *key, QString &out)
{
    const QJsonValue v = o.value(k(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

Envelope badRequest(const Envelope &c, const QString &why)
{
    return makeError(c.id, ErrorCode::BadRequest, why);
}

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

} // namespace

bool role::isKnown(const QString &r)
{
    return r == agent || r == supervisor || r == store;
}

HubCommands::HubCommands(HubStore &store, PhoneNormaliser phones)
    : m_store(store), m_phones(std::move(phones))
{
}

bool HubCommands::visibleTo(const QString &role, const StoredEvent &)
{
    // Agents and supervisors see every customer for now; store staff will see the
    // threads of their orders once orders are routed to stores.
    return role == role::agent || role == role::supervisor;
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
    out.answer = Envelope{protocol::type::welcome,
                          c.id,
                          0,
                          0,
                          QJsonObject{{k("user"), record->name},
                                      {k("role"), record->role},
                                      {k("token"), token},
                                      {k("seq"), current},
                                      {k("resume"), out.replay ? k("replay") : k("resync")}},
                          std::nullopt};
    TL_LOG("hub", info) << "signed in: " << record->name << " (" << record->role << "), resume "
                        << (out.replay ? "replay" : "resync") << " from " << since;
    return out;
}

Envelope HubCommands::handle(const Envelope &c, const SessionUser &user)
{
    using namespace protocol;
    const bool known = c.type == type::sendMessage || c.type == type::addNote ||
                       c.type == type::customersPage || c.type == type::historyPage;
    if (!known)
        return badRequest(c, QStringLiteral("unknown command type"));
    if (c.id.isEmpty())
        return badRequest(c, QStringLiteral("a command needs an id"));
    if (user.role != role::agent && user.role != role::supervisor)
        return makeError(c.id, ErrorCode::Forbidden, QStringLiteral("your role may not do this"));
    if (c.type == type::sendMessage)
        return sendMessage(c, user);
    if (c.type == type::addNote)
        return addNote(c, user);
    if (c.type == type::customersPage)
        return customersPage(c);
    return historyPage(c);
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

Envelope HubCommands::sendMessage(const Envelope &c, const SessionUser &user)
{
    if (const auto remembered = m_store.rememberedAnswer(CommandKey{user.name, c.id},
                                                         QDateTime::currentMSecsSinceEpoch()))
        return makeAck(c.id, remembered->data, remembered->seq);

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
    if (answer.type == protocol::type::ack) {
        // Real SMS/SMTP/chat delivery arrives with the channels issue; until then the
        // hub hands the message over at once and says so with a message.status event.
        const qint64 id = answer.data.value(k("message")).toObject().value(k("id")).toInteger();
        HubStore *hub = &m_store;
        QTimer::singleShot(0, hub,
                           [hub, id] { hub->setMessageStatus(id, QStringLiteral("sent")); });
    }
    return answer;
}

Envelope HubCommands::addNote(const Envelope &c, const SessionUser &user)
{
    if (const auto remembered = m_store.rememberedAnswer(CommandKey{user.name, c.id},
                                                         QDateTime::currentMSecsSinceEpoch()))
        return makeAck(c.id, remembered->data, remembered->seq);
    qint64 customerId = 0;
    QString body;
    if (!readInt(c.data, "customer_id", customerId) || customerId <= 0)
        return badRequest(c, QStringLiteral("customer_id must be a positive integer"));
    if (!readString(c.data, "body", body) || body.trimmed().isEmpty())
        return badRequest(c, QStringLiteral("body must be a non-empty string"));
    if (body.toUtf8().size() > kMaxBodyBytes)
        return makeError(c.id, ErrorCode::TooLarge, QStringLiteral("body exceeds 64 KiB"));
    if (!m_store.customer(customerId))
        return makeError(c.id, ErrorCode::NotFound,
                         QStringLiteral("no customer %1").arg(customerId));
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
    return makeAck(c.id,
                   QJsonObject{{k("customers"), protocol::toJsonArray(page)}, {k("more"), more}});
}

Envelope HubCommands::historyPage(const Envelope &c)
{
    qint64 customerId = 0, beforeId = 0, limit = 0;
    if (!readInt(c.data, "customer_id", customerId) || customerId <= 0 ||
        !readInt(c.data, "before_id", beforeId) || !readInt(c.data, "limit", limit))
        return badRequest(c, QStringLiteral("customer_id, before_id and limit must be integers"));
    if (!m_store.customer(customerId))
        return makeError(c.id, ErrorCode::NotFound,
                         QStringLiteral("no customer %1").arg(customerId));
    bool more = false;
    const auto page = m_store.historyPage(customerId, beforeId, pageLimit(limit, 50), &more);
    return makeAck(c.id,
                   QJsonObject{{k("messages"), protocol::toJsonArray(page)}, {k("more"), more}});
}

} // namespace threadline::server
