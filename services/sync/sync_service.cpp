// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/sync_service.h"

#include "services/logging/log.h"
#include "services/protocol/frame_types.h"
#include "services/protocol/payloads.h"
#include "services/sync/attachment_saver.h"
#include "services/sync/search_hits.h"
#include "services/sync/show_chunks.h"
#include "services/sync/wire_mapping.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

namespace threadline::services {

using namespace threadline::protocol;

namespace {
constexpr int kBatchMs = 16;          // one GUI batch per frame at most
constexpr int kCacheRetryMs = 2000;    // a full disk is checked again this often
// What the GUI takes in one turn (about 7 ms on the ingest bench) ...
constexpr int kShowChunkEvents = 1000;
// ... and what one transaction writes in a burst. The commit re-encrypts every page it
// touched, so bigger transactions cost less per event; the GUI gets them in chunks.
constexpr int kMaxWriteEvents = 4 * kShowChunkEvents;
constexpr int kHubPageLimit = 100;
constexpr int kPreviewChars = 140;
// This many events in a batch, or since the last flush tick, is a burst (a replay, a
// backlog): its transaction fills up to kMaxWriteEvents, and its messages are shown
// first and added to the search index once nothing has arrived for kSearchIndexQuietMs,
// in chunks of kSearchIndexChunk (~30 ms each) so events keep flowing between them.
constexpr int kBurstEvents = 100;
constexpr int kSearchIndexQuietMs = 200;
constexpr int kSearchIndexChunk = 2000;

QString preview(const models::Message &m)
{
    QString text = m.body.isEmpty() ? m.subject : m.body;
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.left(kPreviewChars);
}
} // namespace

SyncService::SyncService(std::unique_ptr<cache::CacheStore> cache, QUrl hubUrl, QObject *parent)
    : QObject(parent), m_cache(std::move(cache)),
      m_session(new HubSession(std::move(hubUrl), [this] { return m_appliedSeq; }, this)),
      m_flushTimer(this), m_attachments(new AttachmentSaver(this))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kBatchMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &SyncService::onFlushDue);
    connect(m_session, &HubSession::welcomed, this, &SyncService::onWelcome);
    connect(m_session, &HubSession::received, this, &SyncService::onReceived);
    connect(m_session, &HubSession::stateChanged, this, &SyncService::onStateChanged);
    connect(m_session, &HubSession::refused, this, [this](const Error &e) {
        Q_EMIT signInRefused(errorCodeName(e.code), e.message);
    });
    connect(m_session, &HubSession::connectionLost, this, [this](const QString &why, int) {
        Q_EMIT connectionChanged(false, why);
    });
    m_cacheRetry.setSingleShot(true);
    m_cacheRetry.setInterval(kCacheRetryMs);
    m_searchIndexTimer.setSingleShot(true);
    connect(&m_searchIndexTimer, &QTimer::timeout, this, [this] {
        if (auto error = m_cache->indexPendingSearch(kSearchIndexChunk)) {
            // Searches index what waits themselves; this only tries again later.
            TL_LOG("db", warning) << "search indexing failed: " << error->code;
            m_searchIndexTimer.start(kCacheRetryMs);
            return;
        }
        if (m_cache->searchIndexBehind())
            m_searchIndexTimer.start(0);
    });
    connect(&m_cacheRetry, &QTimer::timeout, this, [this] {
        // Resuming replays everything after the last stored seq: the next
        // write either works (caught up) or fails and waits again.
        if (m_cacheBlocked && m_session->state() == HubSession::State::Online)
            m_session->reconnect();
    });
}

SyncService::~SyncService()
{
    flush();
    m_show.showAll(); // while this is still whole: the closures emit its signals
}

void SyncService::start(const QString &user, const QString &password, const QString &token)
{
    m_user = user;
    m_appliedSeq = m_cache->lastSeq();
    setRetentionDays(m_retentionDays);
    // The cache first: the agent sees their inbox before the network answers.
    showCustomers(m_cache->customers());
    Q_EMIT outboxChanged(waitingToSend());
    Q_EMIT draftsLoaded(m_cache->drafts());
    Q_EMIT cannedResponses(m_cache->cannedResponses());
    indexSearchWhenQuiet(false); // what a burst before the last quit left waiting
    m_session->start({user, password, token});
}

void SyncService::stop()
{
    flush();
    m_session->stop();
}

void SyncService::onStateChanged(HubSession::State state)
{
    if (state == HubSession::State::Online)
        return; // announced by onWelcome
    if (state != HubSession::State::Offline)
        return;
    flush();
    m_streamSeq = 0;
    // Page requests the hub will never answer now: answer them from the cache.
    const auto pending = std::exchange(m_pending, {});
    for (const PendingRequest &r : pending)
        if (r.kind == PendingRequest::NewestHistory || r.kind == PendingRequest::OlderHistory)
            servePageFromCache(r.customerId, r.beforeAt, r.beforeRow, r.limit);
    // Searches the hub will never answer: what the cache found is all there is.
    for (auto it = m_searches.cbegin(); it != m_searches.cend(); ++it)
        Q_EMIT searchResults(it.key(), it->query, it->local, true);
    m_searches.clear();
    Q_EMIT connectionChanged(false, QString());
}

void SyncService::onWelcome(const Envelope &welcome)
{
    m_cacheBlocked = false; // the hub resumes from what the cache holds: try again
    const QString role = welcome.data.value(QStringLiteral("role")).toString();
    const QString resume = welcome.data.value(QStringLiteral("resume")).toString();
    const qint64 hubSeq = welcome.data.value(QStringLiteral("seq")).toInteger();
    TL_LOG("sync", info) << "signed in as " << role << ", resume " << resume << " from "
                         << m_appliedSeq << " (hub at " << hubSeq << ")";
    // The first event's prev is where the stream starts: our seq on replay, the
    // hub's on resync. Anything else is a gap.
    m_streamSeq = resume == QLatin1String("replay") ? m_appliedSeq : hubSeq;
    Q_EMIT signedIn(welcome.data.value(QStringLiteral("user")).toString(m_user), role);
    Q_EMIT connectionChanged(true, QString());
    Q_EMIT queuesKnown(toQueues(welcome.data.value(QStringLiteral("queues")).toArray()));
    takeHubUnread(welcome);
    if (resume == QLatin1String("resync") && role == QLatin1String("store")) {
        // Store staff see customers only through orders they look up: no snapshot.
        m_resyncing = false;
        m_appliedSeq = std::max(m_appliedSeq, hubSeq);
    } else if (resume == QLatin1String("resync")) {
        m_resyncing = true;
        m_resyncSeq = hubSeq;
        if (auto error = m_cache->markAllHistoryStale())
            Q_EMIT cacheFailed(error->code, error->message);
        m_resyncListed.clear();
        m_resyncListedUpTo = 0;
        fetchCustomers(0);
    }
    flushOutbox();
}

void SyncService::onReceived(const Envelope &envelope)
{
    if (envelope.type == type::ack || envelope.type == type::error) {
        onAnswer(envelope);
    } else if (envelope.isDurableEvent()) {
        onEvent(envelope);
    } else if (envelope.type == type::live) {
        flush();
    } else {
        if (envelope.type == type::queueStats)
            Q_EMIT floorUpdated(toFloor(envelope.data));
        Q_EMIT ephemeral(envelope.type, envelope.data);
    }
}

void SyncService::onEvent(const Envelope &e)
{
    if (e.prev != m_streamSeq) {
        // An event went missing on the way: resume from what the cache has.
        TL_LOG("sync", warning) << "gap in the event stream (prev " << e.prev << ", expected "
                                << m_streamSeq << "); resuming";
        flush();
        m_session->reconnect();
        return;
    }
    m_streamSeq = e.seq;
    if (m_cacheBlocked)
        return; // not stored, so not shown: it comes again when the cache can take it
    if (e.seq <= m_appliedSeq && !m_resyncing)
        return; // already applied: a replay overlapping what the cache holds
    if (e.type == type::customerMerged || e.type == type::customerUnmerged)
        return onMergeEvent(e);
    if ((e.type == type::cannedUpserted || e.type == type::cannedDeleted) && !applyCannedEvent(e))
        return; // not stored, so its seq is not either: it comes again on resume

    if (e.type == type::messageCreated) {
        auto payload = MessagePayload::fromJson(e.data.value(QStringLiteral("message")).toObject());
        if (payload) {
            const models::Message m = toMessage(*payload);
            m_batch.messages.append(m);
            noteCustomerActivity(m, countsAsUnread(m, e.seq));
        }
    } else if (e.type == type::customerUpserted) {
        auto payload =
            CustomerPayload::fromJson(e.data.value(QStringLiteral("customer")).toObject());
        if (payload) {
            models::Customer c = toCustomer(*payload);
            // The hub's summary has no count of ours: keep the one we have.
            if (const models::Customer *known = batchCustomer(c.id))
                c.unread = known->unread;
            else
                c.unread = m_unreadOfUnknown.take(c.id);
            m_batchCustomers.insert(c.id, c);
            if (m_resyncing)
                m_resyncListed.insert(c.id); // exists now, whichever page it missed
        }
    } else if (e.type == type::conversationMarkedRead) {
        onMarkedRead(e);
    } else if (e.type == type::orderUpserted) {
        Q_EMIT orderChanged(toOrder(e.data.value(QStringLiteral("order")).toObject()));
    } else if (e.type == type::messageStatus) {
        m_batch.statuses.append(
            {e.data.value(QStringLiteral("message_id")).toInteger(),
             e.data.value(QStringLiteral("client_id")).toString(),
             e.data.value(QStringLiteral("status")).toString(),
             e.data.value(QStringLiteral("reason")).toString()});
    }
    if (m_resyncing)
        m_resyncSeq = std::max(m_resyncSeq, e.seq);
    else
        m_batch.lastSeq = e.seq;

    if (m_batch.messages.size() + m_batch.statuses.size() >= kMaxWriteEvents)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void SyncService::onMergeEvent(const Envelope &e)
{
    const QJsonObject merge = e.data.value(QStringLiteral("merge")).toObject();
    const cache::CustomerMerge m{merge.value(QStringLiteral("into")).toInteger(),
                                 merge.value(QStringLiteral("from")).toInteger(),
                                 e.type == type::customerUnmerged};
    // A merge deletes and rehomes rows: what arrived before it is written first, and
    // the merge with its seq in a transaction of its own, so nothing is reordered.
    flush();
    if (m.intoId > 0 && m.fromId > 0 && m.intoId != m.fromId)
        m_batch.merges.append(m);
    if (m_resyncing)
        m_resyncSeq = std::max(m_resyncSeq, e.seq);
    else
        m_batch.lastSeq = e.seq;
    m_oldestServed.remove(m.intoId);
    m_oldestServed.remove(m.fromId);
    flush();
}

bool SyncService::applyCannedEvent(const Envelope &e)
{
    flush(); // written in stream order: what came before it first
    const QJsonObject canned = e.data.value(QStringLiteral("canned")).toObject();
    const qint64 id = e.type == type::cannedDeleted ? e.data.value(QStringLiteral("id")).toInteger()
                                                    : canned.value(QStringLiteral("id")).toInteger();
    if (id <= 0) {
        TL_LOG("sync", warning) << e.type << " without an id at seq " << e.seq << "; skipped";
        return true;
    }
    const auto error = e.type == type::cannedDeleted ? m_cache->deleteCannedResponse(id)
                                                     : m_cache->upsertCannedResponse(canned);
    if (error) {
        blockOnCacheError(*error);
        return false;
    }
    Q_EMIT cannedResponses(m_cache->cannedResponses());
    return true;
}

void SyncService::blockOnCacheError(const cache::CacheError &error)
{
    TL_LOG("db", error) << "cache write failed: " << error.code;
    m_cacheFailing = true;
    m_cacheBlocked = true; // later events must not store a seq past these
    m_cacheRetry.start();
    Q_EMIT cacheFailed(error.code, error.message);
}

void SyncService::dropUnlisted(const QJsonArray &standingMerges)
{
    // Ids grow: a cached customer at or below the snapshot's last id that it did not
    // list is gone from the hub (newer ones arrived after the page was read).
    QList<qint64> unlisted;
    for (const auto &c : m_cache->customers())
        if (c.id <= m_resyncListedUpTo && !m_resyncListed.contains(c.id))
            unlisted.append(c.id);
    m_resyncListed.clear();
    if (unlisted.isEmpty())
        return;
    QHash<qint64, qint64> into; // absorbed → who absorbed it
    for (const QJsonValue &v : standingMerges)
        into.insert(v[QStringLiteral("from")].toInteger(), v[QStringLiteral("into")].toInteger());
    cache::CacheWrite moves;
    QList<qint64> gone;
    for (const qint64 id : std::as_const(unlisted)) {
        // Follow a chain of merges (A into B, later B into C) to the one that stands.
        qint64 survivor = into.value(id);
        for (int hops = 0; into.contains(survivor) && hops < into.size(); ++hops)
            survivor = into.value(survivor);
        if (survivor > 0 && survivor != id && m_cache->customer(survivor))
            moves.merges.append({survivor, id, false});
        else
            gone.append(id);
    }
    TL_LOG("sync", info) << "resync: " << moves.merges.size() << " customer(s) merged away, "
                         << gone.size() << " gone";
    if (auto error = m_cache->write(moves)) {
        Q_EMIT cacheFailed(error->code, error->message);
        return;
    }
    if (auto error = m_cache->forgetCustomers(gone)) {
        Q_EMIT cacheFailed(error->code, error->message);
        return;
    }
    for (const auto &m : std::as_const(moves.merges)) {
        m_oldestServed.remove(m.intoId);
        m_oldestServed.remove(m.fromId);
    }
    m_show.show([this, merges = moves.merges, gone] {
        for (const auto &m : merges)
            Q_EMIT customerMergeChanged(m.intoId, m.fromId, false);
        if (!gone.isEmpty())
            Q_EMIT customersGone(gone);
    });
}

void SyncService::noteCustomerActivity(const models::Message &m, bool counts)
{
    models::Customer *it = batchCustomer(m.customerId);
    if (!it) {
        // Its customer.upserted (next in the stream) or the snapshot will bring it.
        if (counts)
            m_unreadOfUnknown[m.customerId] += 1;
        return;
    }
    if (m.at >= it->lastAt) {
        it->lastAt = m.at;
        it->lastChannel = m.channel;
        it->lastDirection = m.direction;
        it->lastPreview = preview(m);
    }
    it->itemCount += 1;
    if (counts)
        it->unread += 1;
}

void SyncService::onFlushDue()
{
    // A burst (a replay, a backlog) fills a transaction first; live traffic waits no
    // longer than one frame. A burst's worth since the last tick (6,000 events a second,
    // far beyond what a floor sends one desktop live) means it goes on.
    const qsizetype events = m_batch.messages.size() + m_batch.statuses.size();
    if (events - std::exchange(m_eventsAtLastTick, events) >= kBurstEvents) {
        m_flushTimer.start();
        return;
    }
    flush();
}

void SyncService::flush()
{
    m_flushTimer.stop();
    m_eventsAtLastTick = 0;
    m_batch.customers = m_batchCustomers.values();
    if (m_cacheFailing && !m_cacheBlocked && !m_batch.lastSeq)
        m_batch.lastSeq = m_appliedSeq; // nothing new: does the cache take a write again?
    if (m_batch.customers.isEmpty() && m_batch.messages.isEmpty() && m_batch.statuses.isEmpty()
        && m_batch.merges.isEmpty() && !m_batch.lastSeq)
        return;
    m_batch.indexSearchLater = m_batch.messages.size() >= kBurstEvents;
    const cache::CacheWrite batch = std::exchange(m_batch, {});
    m_batchCustomers.clear();
    if (auto error = m_cache->write(batch)) {
        blockOnCacheError(*error);
        return; // the seq was not stored either: these events come again on resume
    }
    indexSearchWhenQuiet(batch.indexSearchLater);
    if (std::exchange(m_cacheFailing, false)) {
        TL_LOG("db", info) << "the cache takes writes again";
        Q_EMIT cacheRecovered();
    }
    if (batch.lastSeq)
        m_appliedSeq = *batch.lastSeq;
    QList<ShowQueue::Showing> turns;
    for (cache::CacheWrite &chunk : chunksForShowing(batch, kShowChunkEvents))
        turns.append([this, chunk = std::move(chunk)] {
            if (!chunk.customers.isEmpty())
                Q_EMIT customersChanged(chunk.customers);
            if (!chunk.messages.isEmpty())
                Q_EMIT messagesChanged(chunk.messages);
            for (const auto &s : chunk.statuses)
                Q_EMIT deliveryChanged(s.messageId, s.clientId, toDelivery(s.status), s.reason);
            for (const auto &m : chunk.merges)
                Q_EMIT customerMergeChanged(m.intoId, m.fromId, m.undone);
        });
    m_show.showInTurns(std::move(turns));
}

void SyncService::showCustomers(const QList<models::Customer> &customers)
{
    m_show.show([this, customers] { Q_EMIT customersChanged(customers); });
}

void SyncService::showMessages(const QList<models::Message> &messages)
{
    m_show.show([this, messages] { Q_EMIT messagesChanged(messages); });
}

void SyncService::showDelivery(qint64 messageId, const QString &clientId,
                               models::Delivery delivery, const QString &reason)
{
    m_show.show([=, this] { Q_EMIT deliveryChanged(messageId, clientId, delivery, reason); });
}

void SyncService::showPage(qint64 customerId, const cache::ThreadPage &page, bool reachedStart)
{
    m_show.show([this, customerId, page, reachedStart] {
        Q_EMIT pageReady(customerId, page.items, page.cursorAt, page.cursorRow, reachedStart);
    });
}

int SyncService::waitingToSend()
{
    // What the agent did and waits for: replies and commands. A read marker is the
    // desktop's own bookkeeping (opening a thread offline leaves one), not a send.
    int count = 0;
    for (const auto &item : m_cache->outbox())
        if (item.commandType != type::conversationRead)
            ++count;
    return count;
}

void SyncService::indexSearchWhenQuiet(bool burst)
{
    if (!m_cache->searchIndexBehind())
        return;
    if (burst)
        m_searchIndexTimer.start(kSearchIndexQuietMs); // put off while the burst lasts
    else if (!m_searchIndexTimer.isActive())
        m_searchIndexTimer.start(kSearchIndexQuietMs);
}

QString SyncService::command(const QString &type, const QJsonObject &data, PendingRequest request)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!m_session->send(type, id, data))
        return {};
    m_pending.insert(id, request);
    return id;
}

void SyncService::fetchCustomers(qint64 afterId)
{
    command(type::customersPage,
            {{QStringLiteral("after_id"), afterId}, {QStringLiteral("limit"), kMaxPageLimit}},
            {PendingRequest::CustomersPage});
}

void SyncService::requestPage(qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit)
{
    flush(); // the page must include what just arrived
    const bool online = m_session->state() == HubSession::State::Online;
    if (beforeAt == 0 && online && !m_cache->historyFresh(customerId)) {
        const QString id = command(type::historyPage,
                                   {{QStringLiteral("customer_id"), customerId},
                                    {QStringLiteral("before_id"), 0},
                                    {QStringLiteral("limit"), std::max(limit, kHubPageLimit)}},
                                   {PendingRequest::NewestHistory, customerId, 0, 0, limit});
        if (!id.isEmpty())
            return;
    }
    servePageFromCache(customerId, beforeAt, beforeRow, limit);
}

void SyncService::servePageFromCache(qint64 customerId, qint64 beforeAt, qint64 beforeRow,
                                     int limit)
{
    cache::ThreadPage page = m_cache->page(customerId, beforeAt, beforeRow, limit);
    const bool online = m_session->state() == HubSession::State::Online;
    const bool hubHasOlder = m_cache->historyFresh(customerId)
                             && !m_cache->historyComplete(customerId);
    if (page.items.size() < limit && page.reachedOldestCached && hubHasOlder && online) {
        // The cache ran out: the next page comes from the hub, before the oldest we hold.
        qint64 oldestId = 0;
        for (auto it = page.items.crbegin(); it != page.items.crend() && oldestId == 0; ++it)
            oldestId = it->id;
        if (oldestId == 0 && beforeAt != 0)
            oldestId = m_oldestServed.value(customerId);
        if (oldestId > 0) {
            const QString id =
                command(type::historyPage,
                        {{QStringLiteral("customer_id"), customerId},
                         {QStringLiteral("before_id"), oldestId},
                         {QStringLiteral("limit"), std::max(limit, kHubPageLimit)}},
                        {PendingRequest::OlderHistory, customerId, beforeAt, beforeRow, limit});
            if (!id.isEmpty())
                return;
        }
    }
    for (auto it = page.items.crbegin(); it != page.items.crend(); ++it)
        if (it->id > 0) {
            m_oldestServed.insert(customerId, it->id);
            break;
        }
    const bool reachedStart = page.reachedOldestCached && (!hubHasOlder || !online);
    showPage(customerId, page, reachedStart);
}

void SyncService::onAnswer(const Envelope &answer)
{
    const auto pending = m_pending.take(answer.id);
    const bool isError = answer.type == type::error;
    const auto messages = messagesFromJson(answer.data.value(QStringLiteral("messages")));

    switch (pending.kind) {
    case PendingRequest::CustomersPage: {
        const auto customers = customersFromJson(answer.data.value(QStringLiteral("customers")));
        if (isError || !customers) {
            TL_LOG("sync", warning) << "customer snapshot failed; retrying on reconnect";
            return;
        }
        cache::CacheWrite w;
        for (const auto &p : *customers) {
            models::Customer c = toCustomer(p);
            // The cache's count already took the welcome's; a new customer takes it here.
            const auto known = m_cache->customer(p.id);
            c.unread = known ? known->unread : m_hubUnread.value(p.id);
            w.customers.append(c);
            m_resyncListed.insert(p.id);
            m_resyncListedUpTo = std::max(m_resyncListedUpTo, p.id);
        }
        writeOrReport(w);
        showCustomers(w.customers);
        if (answer.data.value(QStringLiteral("more")).toBool() && !customers->isEmpty()) {
            fetchCustomers(customers->constLast().id);
        } else {
            flush();
            dropUnlisted(answer.data.value(QStringLiteral("merged")).toArray());
            m_resyncing = false;
            writeOrReport({{}, {}, {}, m_resyncSeq, {}});
            m_appliedSeq = std::max(m_appliedSeq, m_resyncSeq);
            m_show.show([this] { Q_EMIT resynced(); });
        }
        return;
    }
    case PendingRequest::NewestHistory:
    case PendingRequest::OlderHistory: {
        if (!isError && messages) {
            QList<models::Message> items;
            items.reserve(messages->size());
            for (const auto &p : *messages)
                items.append(toMessage(p));
            const bool complete = !answer.data.value(QStringLiteral("more")).toBool();
            const auto error =
                pending.kind == PendingRequest::NewestHistory
                    ? m_cache->replaceRecentHistory(pending.customerId, items, complete)
                    : m_cache->appendOlderHistory(pending.customerId, items, complete);
            if (error)
                Q_EMIT cacheFailed(error->code, error->message);
        }
        if (isError || !messages) {
            // Show what we have rather than nothing, and stop asking this time.
            const auto page = m_cache->page(pending.customerId, pending.beforeAt,
                                            pending.beforeRow, pending.limit);
            showPage(pending.customerId, page, page.reachedOldestCached);
            return;
        }
        servePageFromCache(pending.customerId, pending.beforeAt, pending.beforeRow,
                           pending.limit);
        return;
    }
    case PendingRequest::Question: {
        if (isError && answer.error)
            Q_EMIT answered(pending.tag, false,
                            {{QStringLiteral("code"), errorCodeName(answer.error->code)},
                             {QStringLiteral("message"), answer.error->message}});
        else
            Q_EMIT answered(pending.tag, true, answer.data);
        return;
    }
    case PendingRequest::Search: {
        const SearchInFlight asked = m_searches.take(pending.tag);
        QList<models::Customer> customers;
        QList<models::SearchHit> hub;
        if (!isError)
            hub = hubSearchHits(answer.data.value(QStringLiteral("results")).toArray(),
                                asked.query, &customers);
        if (asked.customerId > 0)
            hub.erase(std::remove_if(hub.begin(), hub.end(),
                                     [&](const auto &h) { return h.customerId != asked.customerId; }),
                      hub.end());
        // A customer found only on the hub is cached, so their thread can open.
        cache::CacheWrite w;
        for (const auto &c : std::as_const(customers))
            if (!m_cache->customer(c.id))
                w.customers.append(c);
        if (!w.customers.isEmpty()) {
            writeOrReport(w);
            showCustomers(w.customers);
        }
        Q_EMIT searchResults(pending.tag, asked.query, mergeSearchHits(asked.local, hub), true);
        return;
    }
    case PendingRequest::CannedList: {
        if (isError)
            return; // what the cache has stays on screen
        const QJsonArray canned = answer.data.value(QStringLiteral("canned")).toArray();
        if (auto error = m_cache->replaceCannedResponses(canned)) {
            Q_EMIT cacheFailed(error->code, error->message);
            Q_EMIT cannedResponses(canned); // not kept, but true now
        } else {
            Q_EMIT cannedResponses(m_cache->cannedResponses());
        }
        return;
    }
    case PendingRequest::OrderLookup:
    case PendingRequest::CustomerOrders: {
        QList<models::Order> orders;
        if (!isError)
            for (const QJsonValue &v : answer.data.value(QStringLiteral("orders")).toArray())
                orders.append(toOrder(v.toObject()));
        if (pending.kind == PendingRequest::OrderLookup) {
            Q_EMIT ordersFound(pending.tag, orders);
        } else {
            std::sort(orders.begin(), orders.end(),
                      [](const auto &a, const auto &b) { return a.updatedAt > b.updatedAt; });
            Q_EMIT customerOrdersFound(pending.customerId, orders);
        }
        return;
    }
    case PendingRequest::Outbox:
        break;
    }

    // The answer to an outbox item: a confirmed message or a refusal.
    if (isError && answer.error) {
        const auto code = answer.error->code;
        if (code == ErrorCode::Internal || code == ErrorCode::RateLimited) {
            m_cache->markOutboxAttempt(answer.id, answer.error->message);
            return; // retried on the next connection
        }
        // A reply has an echo to mark failed; a bare command is simply dropped.
        if (m_cache->failOutboxItem(answer.id, answer.error->message))
            m_cache->completeOutboxItem(answer.id);
        showDelivery(0, answer.id, models::Delivery::Failed, errorCodeName(code));
        Q_EMIT commandRefused(pending.type, errorCodeName(code), answer.error->message);
    } else if (auto payload =
                   MessagePayload::fromJson(answer.data.value(QStringLiteral("message")).toObject())) {
        const models::Message confirmed = toMessage(*payload);
        cache::CacheWrite w;
        w.messages.append(confirmed);
        writeOrReport(w);
        showMessages(w.messages);
    }
    if (!isError) {
        m_cache->completeOutboxItem(answer.id); // acknowledged: never sent again
        // The hub says how the conversation stands now, even when nothing changed
        // (and so no event follows): take it, keeping our unread count.
        if (auto c = CustomerPayload::fromJson(answer.data.value(QStringLiteral("customer")).toObject())) {
            models::Customer customer = toCustomer(*c);
            if (auto known = m_cache->customer(customer.id))
                customer.unread = known->unread;
            cache::CacheWrite w;
            w.customers.append(customer);
            writeOrReport(w);
            showCustomers(w.customers);
        }
    }
    Q_EMIT outboxChanged(waitingToSend());
}

void SyncService::writeOrReport(const cache::CacheWrite &w)
{
    if (auto error = m_cache->write(w)) {
        TL_LOG("db", error) << "cache write failed: " << error->code;
        Q_EMIT cacheFailed(error->code, error->message);
    }
}

void SyncService::send(const Outgoing &out)
{
    const bool note = out.channel == channel::note;
    models::Message echo;
    echo.clientId = out.clientId;
    echo.customerId = out.customerId;
    echo.channel = out.channel;
    echo.direction = note ? direction::internal : direction::out;
    echo.author = out.author;
    echo.identity = out.identity;
    echo.subject = out.subject;
    echo.body = out.body;
    echo.at = out.at > 0 ? out.at : QDateTime::currentMSecsSinceEpoch();
    echo.delivery = models::Delivery::Pending;

    QJsonObject data{{QStringLiteral("customer_id"), out.customerId},
                     {QStringLiteral("body"), out.body}};
    if (!note) {
        data.insert(QStringLiteral("channel"), out.channel);
        if (!out.identity.isEmpty())
            data.insert(QStringLiteral("identity"), out.identity);
        if (!out.subject.isEmpty())
            data.insert(QStringLiteral("subject"), out.subject);
    }
    const QString type = note ? type::addNote : type::sendMessage;
    if (auto error = m_cache->addToOutbox(echo, type, data)) {
        // Not stored means not promised: tell the agent instead of pretending.
        Q_EMIT cacheFailed(error->code, error->message);
        Q_EMIT deliveryChanged(0, out.clientId, models::Delivery::Failed, error->message);
        Q_EMIT sendRefused(out, error->code);
        return;
    }
    // The agent's own reply shows at once, even past a burst still being shown: nothing
    // waiting can refer to it (the hub has not seen it), and the thread sorts by time.
    Q_EMIT messagesChanged({echo});
    Q_EMIT outboxChanged(waitingToSend());
    if (m_session->send(type, out.clientId, data))
        m_pending.insert(out.clientId, {PendingRequest::Outbox, out.customerId});
}

void SyncService::enqueue(const QString &type, const QJsonObject &data)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto error = m_cache->enqueueCommand(id, type, data)) {
        Q_EMIT cacheFailed(error->code, error->message);
        Q_EMIT commandRefused(type, error->code, error->message);
        return;
    }
    Q_EMIT outboxChanged(waitingToSend());
    if (m_session->send(type, id, data)) {
        PendingRequest r;
        r.kind = PendingRequest::Outbox;
        r.type = type;
        m_pending.insert(id, r);
    }
}

void SyncService::ask(const QString &tag, const QString &type, const QJsonObject &data)
{
    PendingRequest r;
    r.kind = PendingRequest::Question;
    r.tag = tag;
    r.type = type;
    if (command(type, data, r).isEmpty())
        Q_EMIT answered(tag, false, {{QStringLiteral("code"), QStringLiteral("offline")}});
}

void SyncService::lookupOrders(const QString &query)
{
    PendingRequest r;
    r.kind = PendingRequest::OrderLookup;
    r.tag = query;
    if (command(type::orderLookup, {{QStringLiteral("query"), query}}, r).isEmpty())
        Q_EMIT ordersFound(query, {});
}

void SyncService::lookupCustomerOrders(qint64 customerId)
{
    PendingRequest r(PendingRequest::CustomerOrders, customerId);
    command(type::orderLookup, {{QStringLiteral("customer_id"), customerId}}, r);
}

void SyncService::search(const QString &tag, const QString &query, qint64 customerId)
{
    constexpr int kCustomers = 20;
    constexpr int kMessages = 50; // the hub's limit too
    const QString trimmed = query.trimmed().left(200);
    QList<models::SearchHit> local;
    if (customerId <= 0)
        local = m_cache->searchCustomers(trimmed, kCustomers);
    local += m_cache->searchMessages(trimmed, kMessages, customerId);
    PendingRequest r;
    r.kind = PendingRequest::Search;
    r.tag = tag;
    const bool asking = !trimmed.isEmpty() && m_session->state() == HubSession::State::Online;
    Q_EMIT searchResults(tag, trimmed, local, !asking);
    if (!asking)
        return;
    m_searches.insert(tag, {trimmed, customerId, local});
    if (command(type::search, {{QStringLiteral("query"), trimmed}, {QStringLiteral("limit"), kMessages}},
                r)
            .isEmpty()) {
        m_searches.remove(tag);
        Q_EMIT searchResults(tag, trimmed, local, true);
    }
}

void SyncService::refreshCanned()
{
    command(type::cannedList, {}, {PendingRequest::CannedList});
}

void SyncService::saveDraft(const models::Draft &draft)
{
    if (auto error = m_cache->saveDraft(draft))
        Q_EMIT cacheFailed(error->code, error->message);
}

void SyncService::setRetentionDays(int days)
{
    m_retentionDays = std::max(0, days);
    if (m_retentionDays == 0)
        return;
    const qint64 cutoff =
        QDateTime::currentMSecsSinceEpoch() - qint64(m_retentionDays) * 24 * 60 * 60 * 1000;
    if (auto error = m_cache->forgetOlderThan(cutoff))
        Q_EMIT cacheFailed(error->code, error->message);
}

void SyncService::flushOutbox()
{
    for (const auto &item : m_cache->outbox())
        if (m_session->send(item.commandType, item.clientId, item.commandData)) {
            PendingRequest r;
            r.kind = PendingRequest::Outbox;
            r.type = item.commandType;
            m_pending.insert(item.clientId, r);
        }
}

} // namespace threadline::services
