// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/error_code.h"
#include "services/protocol/frame_types.h"

#include <QByteArray>
#include <QList>
#include <QJsonObject>
#include <QString>
#include <variant>

namespace threadline::protocol {

/// One frame of protocol v1: a command, an answer (ack/error) or an event.
struct Envelope {
    QString type;
    QString id;        ///< client-generated command id; empty for events
    qint64 seq = 0;    ///< durable events and acks of stored changes; 0 when none
    qint64 prev = 0;   ///< durable events: the seq of the previous one on this stream
    QJsonObject data;
    std::optional<Error> error; ///< only on type "error"

    bool isDurableEvent() const { return id.isEmpty() && seq > 0; }
};

/// Either a well-formed envelope or the reason the frame was refused.
using Decoded = std::variant<Envelope, Error>;

/// Parses and validates a text frame. Never throws; anything malformed becomes
/// an Error with code bad_request (or too_large) and a sentence for logs.
Decoded decode(QByteArrayView frame);
QByteArray encode(const Envelope &envelope);

/// The envelopes one frame from the hub carries: the events of a `batch` frame, in order,
/// or else the frame itself. A batch holds one or more durable events and nothing else
/// (no commands, answers or batches); anything else in it refuses the whole frame.
using DecodedFrames = std::variant<QList<Envelope>, Error>;
DecodedFrames decodeFrames(QByteArrayView frame);
/// Frames for durable events already encoded with `encode`, in their order: runs of
/// consecutive events become `batch` frames of at most `maxFrameBytes`, and an event left
/// on its own stays a plain frame.
QList<QByteArray> encodeBatches(const QList<QByteArray> &encodedEvents,
                                qsizetype maxFrameBytes = kMaxFrameBytes);

Envelope makeAck(const QString &id, const QJsonObject &data = {}, qint64 seq = 0);
Envelope makeError(const QString &id, ErrorCode code, const QString &message);
Envelope makeEvent(const QString &type, qint64 seq, qint64 prev, const QJsonObject &data);
Envelope makeCommand(const QString &type, const QString &id, const QJsonObject &data);

} // namespace threadline::protocol
