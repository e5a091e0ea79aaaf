// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/error_code.h"

#include <QByteArray>
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

Envelope makeAck(const QString &id, const QJsonObject &data = {}, qint64 seq = 0);
Envelope makeError(const QString &id, ErrorCode code, const QString &message);
Envelope makeEvent(const QString &type, qint64 seq, qint64 prev, const QJsonObject &data);
Envelope makeCommand(const QString &type, const QString &id, const QJsonObject &data);

} // namespace threadline::protocol
