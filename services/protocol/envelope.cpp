// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/protocol/envelope.h"

#include "services/protocol/frame_types.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace threadline::protocol {
namespace {

Error badRequest(const QString &why)
{
    return Error{ErrorCode::BadRequest, why};
}

// JSON numbers are doubles; a sequence number must be a non-negative integer
// that a double still represents exactly.
bool readSeq(const QJsonValue &v, qint64 &out)
{
    if (v.isUndefined())
        return true;
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < 0 || d > 9007199254740991.0 || d != static_cast<double>(static_cast<qint64>(d)))
        return false;
    out = static_cast<qint64>(d);
    return true;
}

} // namespace

Decoded decode(QByteArrayView frame)
{
    if (frame.size() > kMaxFrameBytes)
        return Error{ErrorCode::TooLarge, QStringLiteral("frame exceeds 1 MiB")};
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(frame.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return badRequest(QStringLiteral("frame is not JSON: ") + parseError.errorString());
    if (!doc.isObject())
        return badRequest(QStringLiteral("frame is not a JSON object"));
    const QJsonObject o = doc.object();

    Envelope e;
    const QJsonValue type = o.value(QLatin1String("type"));
    if (!type.isString() || type.toString().isEmpty() || type.toString().size() > 64)
        return badRequest(QStringLiteral("\"type\" must be a non-empty string"));
    e.type = type.toString();

    const QJsonValue id = o.value(QLatin1String("id"));
    if (!id.isUndefined()) {
        if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 128)
            return badRequest(QStringLiteral("\"id\" must be a string of 1 to 128 characters"));
        e.id = id.toString();
    }
    if (!readSeq(o.value(QLatin1String("seq")), e.seq)
        || !readSeq(o.value(QLatin1String("prev")), e.prev))
        return badRequest(QStringLiteral("\"seq\" and \"prev\" must be non-negative integers"));

    const QJsonValue data = o.value(QLatin1String("data"));
    if (!data.isUndefined() && !data.isObject())
        return badRequest(QStringLiteral("\"data\" must be an object"));
    e.data = data.toObject();

    if (e.type == type::error) {
        const QJsonObject err = o.value(QLatin1String("error")).toObject();
        const auto code = errorCodeFromName(err.value(QLatin1String("code")).toString());
        if (!code)
            return badRequest(QStringLiteral("error frame without a known code"));
        e.error = Error{*code, err.value(QLatin1String("message")).toString()};
    }
    return e;
}

QByteArray encode(const Envelope &e)
{
    QJsonObject o;
    o.insert(QLatin1String("type"), e.type);
    if (!e.id.isEmpty())
        o.insert(QLatin1String("id"), e.id);
    if (e.seq > 0)
        o.insert(QLatin1String("seq"), e.seq);
    if (e.prev > 0)
        o.insert(QLatin1String("prev"), e.prev);
    if (e.error) {
        o.insert(QLatin1String("error"),
                 QJsonObject{{QLatin1String("code"), errorCodeName(e.error->code)},
                             {QLatin1String("message"), e.error->message}});
    } else {
        o.insert(QLatin1String("data"), e.data);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Envelope makeAck(const QString &id, const QJsonObject &data, qint64 seq)
{
    Envelope e;
    e.type = type::ack;
    e.id = id;
    e.seq = seq;
    e.data = data;
    return e;
}

Envelope makeError(const QString &id, ErrorCode code, const QString &message)
{
    Envelope e;
    e.type = type::error;
    e.id = id;
    e.error = Error{code, message};
    return e;
}

Envelope makeEvent(const QString &type, qint64 seq, qint64 prev, const QJsonObject &data)
{
    Envelope e;
    e.type = type;
    e.seq = seq;
    e.prev = prev;
    e.data = data;
    return e;
}

Envelope makeCommand(const QString &type, const QString &id, const QJsonObject &data)
{
    Envelope e;
    e.type = type;
    e.id = id;
    e.data = data;
    return e;
}

} // namespace threadline::protocol
