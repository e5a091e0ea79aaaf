// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/protocol/envelope.h"

#include "services/protocol/frame_types.h"

#include <QJsonArray>
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

// The JSON object of a frame, or why there is none.
std::variant<QJsonObject, Error> parse(QByteArrayView frame)
{
    if (frame.size() > kMaxFrameBytes)
        return Error{ErrorCode::TooLarge, QStringLiteral("frame exceeds 1 MiB")};
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(frame.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return badRequest(QStringLiteral("frame is not JSON: ") + parseError.errorString());
    if (!doc.isObject())
        return badRequest(QStringLiteral("frame is not a JSON object"));
    return doc.object();
}

// The envelope rules, for a whole frame and for each event inside a batch alike.
Decoded fromObject(const QJsonObject &o)
{
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

DecodedFrames unpackBatch(const Envelope &batch)
{
    const QJsonValue frames = batch.data.value(QLatin1String("frames"));
    if (!frames.isArray() || frames.toArray().isEmpty())
        return badRequest(QStringLiteral("a batch needs \"frames\": a non-empty array"));
    QList<Envelope> out;
    out.reserve(frames.toArray().size());
    for (const QJsonValue &frame : frames.toArray()) {
        if (!frame.isObject())
            return badRequest(QStringLiteral("every frame in a batch must be an object"));
        auto decoded = fromObject(frame.toObject());
        if (auto *error = std::get_if<Error>(&decoded))
            return *error;
        auto &e = std::get<Envelope>(decoded);
        if (!e.isDurableEvent() || e.type == type::batch)
            return badRequest(QStringLiteral("a batch carries durable events only"));
        out.append(std::move(e));
    }
    return out;
}

} // namespace

Decoded decode(QByteArrayView frame)
{
    auto parsed = parse(frame);
    if (auto *error = std::get_if<Error>(&parsed))
        return *error;
    return fromObject(std::get<QJsonObject>(parsed));
}

DecodedFrames decodeFrames(QByteArrayView frame)
{
    auto decoded = decode(frame);
    if (auto *error = std::get_if<Error>(&decoded))
        return *error;
    auto &e = std::get<Envelope>(decoded);
    if (e.type == type::batch)
        return unpackBatch(e);
    return QList<Envelope>{std::move(e)};
}

QList<QByteArray> encodeBatches(const QList<QByteArray> &encodedEvents, qsizetype maxFrameBytes)
{
    // Sorted keys, as QJsonDocument writes them: the bytes encode() would give a batch.
    static const QByteArray head = QByteArrayLiteral("{\"data\":{\"frames\":[");
    static const QByteArray tail = QByteArrayLiteral("]},\"type\":\"batch\"}");
    QList<QByteArray> frames;
    qsizetype first = 0;
    while (first < encodedEvents.size()) {
        // The longest run from `first` that fits, each event after the first with a comma.
        qsizetype end = first + 1;
        qsizetype size = head.size() + tail.size() + encodedEvents.at(first).size();
        while (end < encodedEvents.size() &&
               size + 1 + encodedEvents.at(end).size() <= maxFrameBytes)
            size += 1 + encodedEvents.at(end++).size();
        if (end - first == 1) {
            frames.append(encodedEvents.at(first));
        } else {
            QByteArray batch;
            batch.reserve(size);
            batch += head;
            for (qsizetype i = first; i < end; ++i) {
                if (i > first)
                    batch += ',';
                batch += encodedEvents.at(i);
            }
            batch += tail;
            frames.append(batch);
        }
        first = end;
    }
    return frames;
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
