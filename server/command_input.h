// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/envelope.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// Readers for command payloads, shared by the files that implement HubCommands.
/// Each says whether a present field had the right type; absent fields keep `out`.
namespace threadline::server::command_input {

inline QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

inline bool readInt(const QJsonObject &o, const char *key, qint64 &out)
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

inline bool readString(const QJsonObject &o, const char *key, QString &out)
{
    const QJsonValue v = o.value(k(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

inline bool readBool(const QJsonObject &o, const char *key, bool &out)
{
    const QJsonValue v = o.value(k(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isBool())
        return false;
    out = v.toBool();
    return true;
}

inline bool readStrings(const QJsonObject &o, const char *key, QStringList &out)
{
    const QJsonValue v = o.value(k(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray())
        return false;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return false;
        out.append(item.toString());
    }
    return true;
}

inline protocol::Envelope badRequest(const protocol::Envelope &c, const QString &why)
{
    return protocol::makeError(c.id, protocol::ErrorCode::BadRequest, why);
}

inline protocol::Envelope forbidden(const protocol::Envelope &c, const QString &why)
{
    return protocol::makeError(c.id, protocol::ErrorCode::Forbidden, why);
}

inline protocol::Envelope notFound(const protocol::Envelope &c, const QString &why)
{
    return protocol::makeError(c.id, protocol::ErrorCode::NotFound, why);
}

inline protocol::Envelope conflict(const protocol::Envelope &c, const QString &why)
{
    return protocol::makeError(c.id, protocol::ErrorCode::Conflict, why);
}

inline protocol::Envelope internal(const protocol::Envelope &c)
{
    return protocol::makeError(c.id, protocol::ErrorCode::Internal,
                               QStringLiteral("the hub could not store it; retry with the same id"));
}

} // namespace threadline::server::command_input
