// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/show_chunks.h"

#include <QHash>

#include <algorithm>

namespace threadline::services {

QList<cache::CacheWrite> chunksForShowing(const cache::CacheWrite &written, int maxEvents)
{
    maxEvents = std::max(1, maxEvents);
    const qsizetype events = written.messages.size() + written.statuses.size();
    const qsizetype count = std::max<qsizetype>(1, (events + maxEvents - 1) / maxEvents);
    QList<cache::CacheWrite> chunks(count);
    if (count == 1) { // live traffic: the lists as they are (shared, not copied)
        chunks[0].customers = written.customers;
        chunks[0].messages = written.messages;
        chunks[0].statuses = written.statuses;
        chunks[0].merges = written.merges;
        return chunks;
    }
    QHash<qint64, qsizetype> firstShown; // customer → the chunk with their first message
    for (qsizetype i = 0; i < written.messages.size(); ++i) {
        const models::Message &m = written.messages.at(i);
        chunks[i / maxEvents].messages.append(m);
        if (!firstShown.contains(m.customerId))
            firstShown.insert(m.customerId, i / maxEvents);
    }
    for (qsizetype i = 0; i < written.statuses.size(); ++i)
        chunks[(written.messages.size() + i) / maxEvents].statuses.append(written.statuses.at(i));
    for (const models::Customer &c : written.customers)
        chunks[firstShown.value(c.id, 0)].customers.append(c);
    chunks.last().merges = written.merges;
    return chunks;
}

} // namespace threadline::services
