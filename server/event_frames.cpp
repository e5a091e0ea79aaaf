// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/event_frames.h"

#include "server/websocket_text_frame.h"
#include "services/protocol/envelope.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace threadline::server {

EventFrames::EventFrames(QList<StoredEvent> events) : m_events(std::move(events))
{
    // Keys in the order QJsonDocument sorts them (data, prev, seq, type), so a spliced
    // frame is byte for byte what protocol::encode writes.
    m_parts.reserve(m_events.size());
    for (const StoredEvent &e : std::as_const(m_events)) {
        const QByteArray type = QJsonDocument(QJsonArray{e.type}).toJson(QJsonDocument::Compact);
        m_parts.append(Parts{QByteArrayLiteral("{\"data\":") +
                                 QJsonDocument(e.payload).toJson(QJsonDocument::Compact),
                             QByteArrayLiteral(",\"seq\":") + QByteArray::number(e.seq) +
                                 QByteArrayLiteral(",\"type\":") + type.mid(1, type.size() - 2) +
                                 '}'});
    }
}

QByteArray EventFrames::encoded(qsizetype index, qint64 prev) const
{
    const Parts &p = m_parts.at(index);
    if (prev <= 0)
        return p.head + p.tail;
    return p.head + QByteArrayLiteral(",\"prev\":") + QByteArray::number(prev) + p.tail;
}

QList<QByteArray> EventFrames::frames(const QList<qsizetype> &picked, qint64 prev, bool batches)
{
    Key key{picked, prev, batches};
    if (const auto found = m_built.constFind(key); found != m_built.cend())
        return *found;
    QList<QByteArray> encodedEvents;
    encodedEvents.reserve(picked.size());
    for (const qsizetype i : picked) {
        encodedEvents.append(encoded(i, prev));
        prev = m_events.at(i).seq;
    }
    QList<QByteArray> out;
    if (batches)
        encodedEvents = protocol::encodeBatches(encodedEvents);
    out.reserve(encodedEvents.size());
    for (const QByteArray &frame : std::as_const(encodedEvents))
        out.append(websocketTextFrame(frame));
    m_built.insert(std::move(key), out);
    return out;
}

} // namespace threadline::server
