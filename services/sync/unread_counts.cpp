// SPDX-License-Identifier: GPL-3.0-or-later
// Unread counts: the hub keeps a read marker per user and customer (docs/protocol.md,
// "conversation.read"); the cache keeps the counts so they survive a restart and show
// offline. The welcome brings the hub's counts, conversation.marked_read another
// desktop's reading, and every inbound item after the welcome adds one.
#include "models/unread_rule.h"
#include "services/protocol/frame_types.h"
#include "services/protocol/read_markers.h"
#include "services/sync/sync_service.h"

#include <QSet>
#include <limits>

namespace threadline::services {

using namespace threadline::protocol;

namespace {

QSet<qint64> customersWithQueuedMarkers(const QList<cache::CacheStore::OutboxItem> &outbox)
{
    QSet<qint64> ids;
    for (const auto &item : outbox)
        if (item.commandType == type::conversationRead)
            ids.insert(item.commandData.value(QStringLiteral("customer_id")).toInteger());
    return ids;
}

} // namespace

models::Customer *SyncService::batchCustomer(qint64 customerId)
{
    auto it = m_batchCustomers.find(customerId);
    if (it == m_batchCustomers.end()) {
        auto known = m_cache->customer(customerId);
        if (!known)
            return nullptr;
        it = m_batchCustomers.insert(customerId, *known);
    }
    return &*it;
}

bool SyncService::countsAsUnread(const models::Message &m, qint64 seq) const
{
    return seq > m_unreadAsOf && models::countsAsUnread(m);
}

void SyncService::takeHubUnread(const Envelope &welcome)
{
    const auto counts = unreadCountsFromJson(welcome.data.value(QStringLiteral("unread")));
    m_unreadOfUnknown.clear();
    if (!counts) {
        // A hub without read markers (or store staff): counts stay this desktop's own.
        m_hubUnread.clear();
        m_unreadAsOf = 0;
        return;
    }
    m_hubUnread = *counts;
    m_unreadAsOf = welcome.data.value(QStringLiteral("seq")).toInteger();
    flush(); // what is still batched was counted against the old numbers
    // A marker read offline is not at the hub yet: its count stays 0 until it is.
    const QSet<qint64> waiting = customersWithQueuedMarkers(m_cache->outbox());
    cache::CacheWrite w;
    for (models::Customer c : m_cache->customers()) {
        const int hub = waiting.contains(c.id) ? 0 : m_hubUnread.value(c.id);
        if (c.unread == hub)
            continue;
        c.unread = hub;
        w.customers.append(c);
    }
    if (w.customers.isEmpty())
        return;
    writeOrReport(w);
    showCustomers(w.customers);
}

void SyncService::onMarkedRead(const Envelope &e)
{
    // Up to the welcome's seq the welcome's counts already say it.
    if (e.seq <= m_unreadAsOf)
        return;
    const auto marker = ReadMarkerPayload::fromJson(e.data);
    if (!marker)
        return;
    if (models::Customer *c = batchCustomer(marker->customerId))
        c->unread = int(std::min<qint64>(marker->unread, std::numeric_limits<int>::max()));
}

void SyncService::markRead(qint64 customerId, qint64 upToId)
{
    if (customerId <= 0 || upToId <= 0)
        return;
    flush(); // the cached count must include what just arrived
    const auto known = m_cache->customer(customerId);
    if (!known)
        return;
    // Only the newest marker per customer matters: an older one still waiting goes.
    bool replaced = false;
    for (const auto &item : m_cache->outbox()) {
        if (item.commandType != type::conversationRead ||
            item.commandData.value(QStringLiteral("customer_id")).toInteger() != customerId)
            continue;
        if (item.commandData.value(QStringLiteral("up_to_id")).toInteger() >= upToId)
            return; // a marker as new waits already
        m_cache->completeOutboxItem(item.clientId);
        replaced = true;
    }
    // Nothing unread and nothing waiting: the hub's count is 0 as well, no marker needed.
    if (known->unread == 0 && !replaced)
        return;
    if (known->unread != 0) {
        models::Customer read = *known;
        read.unread = 0;
        cache::CacheWrite w;
        w.customers.append(read);
        writeOrReport(w);
        showCustomers(w.customers);
    }
    enqueue(type::conversationRead,
            {{QStringLiteral("customer_id"), customerId}, {QStringLiteral("up_to_id"), upToId}});
}

} // namespace threadline::services
