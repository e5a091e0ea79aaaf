// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/attachment_prefetch.h"

#include "models/email_attachments.h"
#include "services/cache/cache_store.h"
#include "services/logging/log.h"
#include "services/sync/attachment_saver.h"
#include "services/sync/sync_service.h"

#include <utility>

namespace threadline::services {

AttachmentPrefetcher::AttachmentPrefetcher(SyncService *sync, AttachmentSaver *saver)
    : QObject(saver), m_sync(sync), m_saver(saver)
{
    connect(sync, &SyncService::pageReady, this,
            [this](qint64, const QList<models::Message> &items) { consider(items); });
    connect(sync, &SyncService::messagesChanged, this, &AttachmentPrefetcher::consider);
    connect(sync, &SyncService::connectionChanged, this, [this](bool online) {
        m_online = online;
        if (online)
            next();
    });
    connect(saver, &AttachmentSaver::prefetched, this, &AttachmentPrefetcher::onPrefetched);
}

void AttachmentPrefetcher::setLimits(const PrefetchLimits &limits)
{
    m_limits = limits;
}

void AttachmentPrefetcher::consider(const QList<models::Message> &messages)
{
    cache::CacheStore *cache = m_sync->cache();
    for (const models::Message &m : messages) {
        if (m.channel != QLatin1String("email") || m.id <= 0)
            continue;
        const QList<models::EmailAttachment> attachments = models::emailAttachments(m);
        const bool html = models::hasHtmlPart(m);
        if (attachments.isEmpty() && !html)
            continue;
        const QList<int> kept = cache->keptEmailParts(m.id);
        if (!kept.isEmpty())
            Q_EMIT m_saver->partsKept(m.id, kept);
        if (m_limits.total <= 0)
            continue;
        const auto want = [&](int part, qint64 size) {
            if (!kept.contains(part) && !m_wanted.contains({m.id, part}) &&
                !m_refused.contains({m.id, part})) {
                m_wanted.insert({m.id, part});
                m_queue.append({m.id, part, size});
            }
        };
        if (html)
            want(cache::CacheStore::kHtmlPart, 0);
        for (const models::EmailAttachment &a : attachments)
            if (a.size > 0 && a.size <= m_limits.perAttachment)
                want(a.index, a.size);
    }
    next();
}

void AttachmentPrefetcher::next()
{
    if (m_busy || !m_online)
        return;
    const qint64 kept = m_queue.isEmpty() ? 0 : m_sync->cache()->keptEmailPartsBytes();
    while (!m_queue.isEmpty() && kept + m_queue.first().size > m_limits.total) {
        // Over the budget: left for "Save…" to fetch when wanted.
        const Want skipped = m_queue.takeFirst();
        m_wanted.remove({skipped.messageId, skipped.part});
        m_worked = true;
    }
    if (m_queue.isEmpty()) {
        if (std::exchange(m_worked, false))
            Q_EMIT idle();
        return;
    }
    m_busy = true;
    m_worked = true;
    const Want w = m_queue.first();
    m_saver->prefetch(w.messageId, w.part);
}

void AttachmentPrefetcher::onPrefetched(qint64 messageId, int part, bool ok)
{
    if (!m_busy || m_queue.isEmpty() || m_queue.first().messageId != messageId ||
        m_queue.first().part != part)
        return; // a save's download, not ours
    m_busy = false;
    m_queue.removeFirst();
    m_wanted.remove({messageId, part});
    // Refused by the hub while online (not_found, forbidden): not asked again this
    // session. Cut off by going offline: tried again when a thread shows it once more.
    if (!ok && m_online) {
        m_refused.insert({messageId, part});
        TL_LOG("sync", info) << "prefetch of an email part refused; left to Save…";
    }
    next();
}

} // namespace threadline::services
