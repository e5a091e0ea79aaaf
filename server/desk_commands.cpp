// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's desk: presence, typing and viewing (ephemeral), logged calls, wrap-up
// codes, canned responses and search.
#include "server/command_input.h"
#include "server/hub_commands.h"
#include "services/protocol/frame_types.h"

#include <QJsonArray>

namespace threadline::server {
namespace {

using namespace command_input;
using protocol::CustomerPayload;
using protocol::Envelope;
using protocol::makeAck;

constexpr qsizetype kMaxBodyBytes = 64 * 1024;
constexpr int kMaxTitleChars = 200;
constexpr qint64 kMaxCallSeconds = 24 * 60 * 60;

} // namespace

Envelope HubCommands::setPresence(const Envelope &c, const SessionState &s)
{
    QString presence;
    if (!readString(c.data, "presence", presence) || !protocol::presence::isChoosable(presence))
        return badRequest(c, QStringLiteral("presence must be available, busy or away"));
    m_floor.setPresence(s.connection, presence);
    return makeAck(c.id, QJsonObject{{k("presence"), presence}});
}

Envelope HubCommands::typing(const Envelope &c, const SessionState &s)
{
    qint64 customerId = 0;
    bool typing = true;
    if (!readInt(c.data, "customer_id", customerId) || customerId <= 0 ||
        !readBool(c.data, "typing", typing))
        return badRequest(c, QStringLiteral("typing needs customer_id, and typing true or false"));
    m_floor.setTyping(s.connection, customerId, typing);
    return makeAck(c.id);
}

Envelope HubCommands::viewing(const Envelope &c, const SessionState &s)
{
    qint64 customerId = -1;
    if (!readInt(c.data, "customer_id", customerId) || customerId < 0)
        return badRequest(c, QStringLiteral("viewing needs customer_id (0: none)"));
    const QStringList others = m_floor.setViewing(s.connection, customerId);
    return makeAck(c.id, QJsonObject{{k("customer_id"), customerId},
                                     {k("viewers"), QJsonArray::fromStringList(others)}});
}

Envelope HubCommands::logCall(const Envelope &c, const SessionState &s)
{
    QString direction, number, disposition, notes;
    qint64 duration = -1;
    if (!readString(c.data, "direction", direction) ||
        (direction != protocol::direction::in && direction != protocol::direction::out))
        return badRequest(c, QStringLiteral("direction must be in or out"));
    if (!readInt(c.data, "duration_s", duration) || duration < 0 || duration > kMaxCallSeconds)
        return badRequest(c, QStringLiteral("duration_s must be 0 to 86400 seconds"));
    if (!readString(c.data, "number", number) || !readString(c.data, "disposition", disposition) ||
        !readString(c.data, "notes", notes))
        return badRequest(c, QStringLiteral("number, disposition and notes must be strings"));
    if (!m_desk.isDisposition(disposition))
        return badRequest(c, QStringLiteral("disposition must be one of dispositions.list"));
    if (notes.toUtf8().size() > kMaxBodyBytes)
        return makeError(c.id, protocol::ErrorCode::TooLarge, QStringLiteral("notes exceed 64 KiB"));
    const auto found = customerOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&found))
        return *error;
    const CustomerPayload customer = std::get<CustomerPayload>(found);
    // Any number may be logged (customers call from other phones); it is not linked.
    QString e164;
    if (!number.trimmed().isEmpty()) {
        const auto parsed = m_phones.toE164(number);
        if (!parsed)
            return badRequest(c, QStringLiteral("number is not a valid phone number"));
        e164 = *parsed;
    } else if (const auto preferred = m_store.preferredIdentity(customer.id, QStringLiteral("phone"))) {
        e164 = *preferred;
    }

    protocol::MessagePayload m;
    m.customerId = customer.id;
    m.channel = protocol::channel::phone;
    m.direction = direction;
    m.author = s.user.name;
    m.identity = e164;
    m.body = notes.trimmed();
    m.clientId = c.id;
    m.status = direction == protocol::direction::in ? QStringLiteral("received")
                                                    : QStringLiteral("sent");
    m.meta = QJsonObject{{k("duration_s"), duration}, {k("disposition"), disposition}};
    if (!e164.isEmpty())
        m.meta.insert(k("number"), e164);
    return store(c, s.user, m);
}

Envelope HubCommands::dispositionsList(const Envelope &c)
{
    return makeAck(c.id, QJsonObject{{k("dispositions"), m_desk.dispositions()}});
}

Envelope HubCommands::cannedList(const Envelope &c)
{
    QString language;
    if (!readString(c.data, "language", language))
        return badRequest(c, QStringLiteral("language must be a string"));
    QJsonArray out;
    for (const CannedResponse &r : m_desk.canned(language))
        out.append(r.toJson());
    return makeAck(c.id, QJsonObject{{k("canned"), out}});
}

Envelope HubCommands::cannedSave(const Envelope &c, const SessionState &s)
{
    CannedResponse r;
    if (!readInt(c.data, "id", r.id) || !readString(c.data, "title", r.title) ||
        !readString(c.data, "body", r.body) || !readString(c.data, "language", r.language))
        return badRequest(c, QStringLiteral("canned.save needs title and body (strings), and"
                                            " optionally id and language"));
    r.title = r.title.simplified();
    if (r.title.isEmpty() || r.body.trimmed().isEmpty())
        return badRequest(c, QStringLiteral("title and body must not be empty"));
    if (r.title.size() > kMaxTitleChars || r.body.toUtf8().size() > kMaxBodyBytes)
        return makeError(c.id, protocol::ErrorCode::TooLarge,
                         QStringLiteral("title is at most 200 characters, body 64 KiB"));
    if (!r.language.isEmpty() && r.language != QLatin1String("en") &&
        r.language != QLatin1String("fa") && r.language != QLatin1String("ar"))
        return badRequest(c, QStringLiteral("language must be en, fa, ar or empty"));
    if (r.id != 0 && !m_desk.cannedById(r.id))
        return notFound(c, QStringLiteral("no canned response %1").arg(r.id));
    r.updatedBy = s.user.name;
    return inWork(c, s, [&]() -> Outcome {
        if (!m_desk.saveCanned(r))
            return internal(c);
        const QJsonObject data{{k("canned"), r.toJson()}};
        qint64 seq = 0;
        if (!m_store.writeEvent(protocol::type::cannedUpserted, data, &seq))
            return internal(c);
        return Change{data, seq};
    });
}

Envelope HubCommands::cannedDelete(const Envelope &c, const SessionState &s)
{
    qint64 id = 0;
    if (!readInt(c.data, "id", id) || id <= 0)
        return badRequest(c, QStringLiteral("id must be a positive integer"));
    if (!m_desk.cannedById(id))
        return notFound(c, QStringLiteral("no canned response %1").arg(id));
    return inWork(c, s, [&]() -> Outcome {
        if (!m_desk.deleteCanned(id))
            return internal(c);
        const QJsonObject data{{k("id"), id}};
        qint64 seq = 0;
        if (!m_store.writeEvent(protocol::type::cannedDeleted, data, &seq))
            return internal(c);
        return Change{data, seq};
    });
}

Envelope HubCommands::search(const Envelope &c)
{
    QString query;
    qint64 limit = 0;
    if (!readString(c.data, "query", query) || !readInt(c.data, "limit", limit))
        return badRequest(c, QStringLiteral("search needs query (a string) and an optional limit"));
    if (query.trimmed().isEmpty())
        return badRequest(c, QStringLiteral("query must not be empty"));
    if (query.size() > 200)
        return makeError(c.id, protocol::ErrorCode::TooLarge,
                         QStringLiteral("query is at most 200 characters"));
    const int wanted = limit <= 0 ? protocol::kMaxSearchResults
                                  : int(std::min<qint64>(limit, protocol::kMaxSearchResults));
    QJsonArray results;
    for (const SearchHit &hit : m_search.find(query, wanted)) {
        const auto customer = m_store.customer(hit.customerId);
        if (!customer)
            continue;
        QJsonObject match{{k("field"), hit.field}, {k("snippet"), hit.snippet}};
        if (hit.messageId) {
            match.insert(k("message_id"), hit.messageId);
            match.insert(k("at"), hit.at);
            match.insert(k("channel"), hit.channel);
            match.insert(k("direction"), hit.direction);
        }
        results.append(QJsonObject{{k("customer"), customer->toJson()}, {k("match"), match}});
    }
    return makeAck(c.id, QJsonObject{{k("results"), results}});
}

} // namespace threadline::server
