// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace threadline::server {

/// The frames of one fan-out of stored events. Connections differ only in `prev` and in
/// which events their role lets them see, so each event is encoded once and spliced into
/// every connection's frames, and connections due the same frames share one copy: with
/// 500 desktops signed in, one message costs one encoding instead of 500.
class EventFrames {
public:
    explicit EventFrames(QList<StoredEvent> events);

    const QList<StoredEvent> &events() const { return m_events; }

    /// The same bytes as protocol::encode(makeEvent(type, seq, prev, payload)).
    QByteArray encoded(qsizetype index, qint64 prev) const;

    /// The frames carrying the events at `picked` (indexes into events(), ascending), the
    /// first with `prev` and each later one with the seq of the one before it: `batch`
    /// frames when the connection accepts them, else one frame per event. Each is a whole
    /// WebSocket text frame (websocket_text_frame.h), ready for the connection's socket.
    QList<QByteArray> frames(const QList<qsizetype> &picked, qint64 prev, bool batches);

private:
    struct Parts {
        QByteArray head; ///< `{"data":{…}`
        QByteArray tail; ///< `,"seq":S,"type":"T"}`
    };
    struct Key {
        QList<qsizetype> picked;
        qint64 prev = 0;
        bool batches = false;
        bool operator==(const Key &) const = default;
    };
    friend size_t qHash(const Key &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.picked, key.prev, key.batches);
    }

    QList<StoredEvent> m_events;
    QList<Parts> m_parts;
    QHash<Key, QList<QByteArray>> m_built;
};

} // namespace threadline::server
