// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/webchat_frames.h"

#include "services/text/safe_text.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace threadline::server::webchat {
namespace {

QLatin1String k(const char *key)
{
    return QLatin1String(key);
}

Refusal refuse(const QString &code, const QString &message, const QString &clientId = {})
{
    return Refusal{code, message, clientId};
}

// An optional string field: absent and null read as empty; anything else but a string
// is a bad frame.
bool readText(const QJsonObject &o, const char *key, QString &out)
{
    const QJsonValue v = o.value(k(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

VisitorFrame parseStart(const QJsonObject &o)
{
    Start s;
    if (!readText(o, "name", s.name) || !readText(o, "phone", s.phone) ||
        !readText(o, "email", s.email))
        return refuse(code::badFrame, QStringLiteral("name, phone and email must be strings"));
    s.name = text::neutraliseBidi(s.name).simplified();
    s.phone = s.phone.trimmed();
    s.email = s.email.trimmed();
    if (s.name.isEmpty())
        return refuse(code::nameRequired, QStringLiteral("a name is required"));
    if (s.name.size() > kMaxNameChars)
        return refuse(code::nameTooLong,
                      QStringLiteral("the name exceeds %1 characters").arg(kMaxNameChars));
    if (s.phone.isEmpty() && s.email.isEmpty())
        return refuse(code::contactRequired, QStringLiteral("a phone number or email is required"));
    if (s.phone.size() > kMaxContactChars)
        return refuse(code::badPhone, QStringLiteral("the phone number is too long"));
    if (s.email.size() > kMaxContactChars)
        return refuse(code::badEmail, QStringLiteral("the email address is too long"));
    return s;
}

VisitorFrame parseResume(const QJsonObject &o)
{
    Resume r;
    if (!readText(o, "token", r.token) || r.token.isEmpty() || r.token.size() > 128)
        return refuse(code::badFrame, QStringLiteral("token must be a non-empty string"));
    return r;
}

VisitorFrame parseWrite(const QJsonObject &o)
{
    Write w;
    if (!readText(o, "id", w.clientId) || w.clientId.isEmpty() ||
        w.clientId.size() > kMaxClientIdChars)
        return refuse(code::badFrame,
                      QStringLiteral("id must be a string of 1 to %1 characters")
                          .arg(kMaxClientIdChars));
    if (!readText(o, "body", w.body))
        return refuse(code::badFrame, QStringLiteral("body must be a string"), w.clientId);
    w.body = cleanBody(w.body);
    if (w.body.trimmed().isEmpty())
        return refuse(code::emptyMessage, QStringLiteral("the message is empty"), w.clientId);
    if (w.body.size() > kMaxBodyChars)
        return refuse(code::tooLarge,
                      QStringLiteral("the message exceeds %1 characters").arg(kMaxBodyChars),
                      w.clientId);
    return w;
}

VisitorFrame parseReceived(const QJsonObject &o)
{
    const QJsonValue ids = o.value(k("ids"));
    if (!ids.isArray() || ids.toArray().size() > kMaxReceivedIds)
        return refuse(code::badFrame,
                      QStringLiteral("ids must be an array of at most %1 message ids")
                          .arg(kMaxReceivedIds));
    Received r;
    for (const QJsonValue &v : ids.toArray()) {
        const qint64 id = v.toInteger(0);
        if (!v.isDouble() || id <= 0 || double(id) != v.toDouble())
            return refuse(code::badFrame, QStringLiteral("ids must be positive integers"));
        r.messageIds.append(id);
    }
    return r;
}

} // namespace

VisitorFrame parse(const QString &text)
{
    if (text.size() > kMaxFrameBytes)
        return refuse(code::tooLarge, QStringLiteral("the frame is too large"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return refuse(code::badFrame, QStringLiteral("a frame is one JSON object"));
    const QJsonObject o = doc.object();
    const QString type = o.value(k("type")).toString();
    if (type == QLatin1String("start"))
        return parseStart(o);
    if (type == QLatin1String("resume"))
        return parseResume(o);
    if (type == QLatin1String("message"))
        return parseWrite(o);
    if (type == QLatin1String("received"))
        return parseReceived(o);
    if (type.isEmpty())
        return refuse(code::badFrame, QStringLiteral("type must be a non-empty string"));
    return refuse(code::unknownType, QStringLiteral("unknown frame type"));
}

QString cleanBody(const QString &body)
{
    // neutraliseBidi also turns line breaks into spaces; a chat message keeps its lines.
    QStringList lines = body.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        line = text::neutraliseBidi(line);
    }
    return lines.join(QLatin1Char('\n'));
}

QJsonObject error(const QString &code, const QString &message, const QString &clientId)
{
    QJsonObject o{{k("type"), QStringLiteral("error")}, {k("code"), code},
                  {k("message"), message}};
    if (!clientId.isEmpty())
        o.insert(k("id"), clientId);
    return o;
}

QJsonObject visibleMessage(const protocol::MessagePayload &m)
{
    return {{k("id"), m.id},         {k("direction"), m.direction},
            {k("author"), m.author}, {k("body"), m.body},
            {k("at"), m.at},         {k("status"), m.status}};
}

QJsonObject started(const QString &token, const QString &name,
                    const QList<protocol::MessagePayload> &history)
{
    QJsonArray items;
    for (const protocol::MessagePayload &m : history)
        items.append(visibleMessage(m));
    return {{k("type"), QStringLiteral("started")},
            {k("token"), token},
            {k("name"), name},
            {k("history"), items}};
}

QJsonObject ack(const QString &clientId, const protocol::MessagePayload &m)
{
    return {{k("type"), QStringLiteral("ack")}, {k("id"), clientId},
            {k("message"), visibleMessage(m)}};
}

QJsonObject message(const protocol::MessagePayload &m)
{
    return {{k("type"), QStringLiteral("message")}, {k("message"), visibleMessage(m)}};
}

} // namespace threadline::server::webchat
