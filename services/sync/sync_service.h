// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/draft.h"
#include "models/order.h"
#include "models/queue_sla.h"
#include "models/queue_stats.h"
#include "models/message.h"
#include "models/search_hit.h"
#include "services/cache/cache_store.h"
#include "services/session/hub_session.h"
#include "services/sync/outgoing.h"
#include "services/sync/show_queue.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QObject>
#include <QTimer>
#include <memory>

namespace threadline::services {

class AttachmentSaver;

/// Keeps the encrypted cache in step with the hub. Lives on the service thread
/// with the session and the cache: frames are decoded, written to the cache in
/// batched transactions (with their seq: within ~16 ms live, up to 4,000 events in a
/// burst), and handed to the GUI thread in chunks of at most 1,000, one per GUI turn
/// (ShowQueue). The cache is the source of truth on screen.
class SyncService : public QObject {
    Q_OBJECT
public:
    SyncService(std::unique_ptr<cache::CacheStore> cache, QUrl hubUrl, QObject *parent = nullptr);
    ~SyncService() override;

    HubSession *session() const { return m_session; }
    /// The seq of the last event written to the cache (what a resume starts from).
    qint64 appliedSeq() const { return m_appliedSeq; }
    /// Attachments and original formatting of emails, fetched on this thread.
    AttachmentSaver *attachments() const { return m_attachments; }
    /// The encrypted cache, for the helpers that live on this thread with it.
    cache::CacheStore *cache() const { return m_cache.get(); }

public Q_SLOTS:
    /// Shows what the cache has, then signs in and keeps the cache in step.
    void start(const QString &user, const QString &password, const QString &token);
    void stop();
    void requestPage(qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit);
    /// Stores the item in the outbox (with its local echo) and sends it when online.
    void send(const threadline::services::Outgoing &outgoing);
    /// A state-changing command with no thread item of its own (assign, transfer,
    /// set_status, snooze, label, log_call, order.update, canned.save…): kept in
    /// the outbox until the hub acknowledges it, so it survives going offline.
    void enqueue(const QString &type, const QJsonObject &data);
    /// A question for the hub (dispositions.list, canned.list, search,
    /// order.lookup…): answered by answered(tag, …) once, or not when offline.
    void ask(const QString &tag, const QString &type, const QJsonObject &data);
    /// The store's order desk: orders by number, phone, email or name.
    void lookupOrders(const QString &query);
    /// One customer's orders, newest first, for the side panel.
    void lookupCustomerOrders(qint64 customerId);
    /// Global search: what the cache has is emitted at once (searchResults with
    /// complete false when the hub will be asked too), then, when online, the
    /// hub's answer merged in without duplicates (complete true). @p customerId
    /// not 0 keeps it to that customer's messages (Ctrl+F in a thread).
    void search(const QString &tag, const QString &query, qint64 customerId = 0);
    /// Asks the hub for the whole list of canned responses; the cache keeps it and
    /// cannedResponses() shows it (offline: what the cache has stays).
    void refreshCanned();
    /// Keeps what the agent is writing to a customer (empty body: forget it).
    void saveDraft(const threadline::models::Draft &draft);
    /// Keep only the last `days` days of hub history locally (0: keep all).
    /// Applied at start and whenever it changes; the hub keeps everything.
    void setRetentionDays(int days);
    /// The agent saw the customer's thread up to hub item `upToId`: the count goes to 0
    /// here at once, and conversation.read waits in the outbox (only the newest marker
    /// per customer) until the hub has it (unread_counts.cpp).
    void markRead(qint64 customerId, qint64 upToId);

Q_SIGNALS:
    void signedIn(const QString &user, const QString &role);
    void signInRefused(const QString &code, const QString &message);
    void connectionChanged(bool online, const QString &detail);
    void customersChanged(const QList<threadline::models::Customer> &customers);
    void messagesChanged(const QList<threadline::models::Message> &messages);
    /// Every queue's wait thresholds, as the welcome gave them (every role).
    void queuesKnown(const QList<threadline::models::QueueSla> &queues);
    void pageReady(qint64 customerId, const QList<threadline::models::Message> &newestFirst,
                   qint64 cursorAt, qint64 cursorRow, bool reachedStart);
    void deliveryChanged(qint64 messageId, const QString &clientId,
                         threadline::models::Delivery delivery, const QString &reason);
    void outboxChanged(int pending);
    void draftsLoaded(const QList<threadline::models::Draft> &drafts);
    /// The hub refused a queued command (e.g. forbidden): it will not be retried.
    void commandRefused(const QString &type, const QString &code, const QString &message);
    /// The answer to ask(): `ok` false with the error code in data["code"].
    void answered(const QString &tag, bool ok, const QJsonObject &data);
    /// Ephemeral frames from the hub (presence, typing, viewing, queue.stats…),
    /// already decoded; never stored.
    void ephemeral(const QString &type, const QJsonObject &data);
    /// Supervisors: the floor as the hub last pushed it (queue.stats).
    void floorUpdated(const threadline::models::FloorSnapshot &floor);
    void ordersFound(const QString &query, const QList<threadline::models::Order> &orders);
    void customerOrdersFound(qint64 customerId, const QList<threadline::models::Order> &orders);
    /// search()'s results for `tag`, best first within each kind.
    void searchResults(const QString &tag, const QString &query,
                       const QList<threadline::models::SearchHit> &hits, bool complete);
    /// The shared canned responses as the cache holds them now: at start, after
    /// refreshCanned() and whenever a colleague changes one (canned.upserted/deleted).
    void cannedResponses(const QJsonArray &canned);
    /// An order changed (order.upserted), e.g. marked ready at another counter.
    void orderChanged(const threadline::models::Order &order);
    /// Customer `fromId` was merged into `intoId` (undone: given back). The cache has
    /// dropped or restored it and both threads will be fetched from the hub again.
    void customerMergeChanged(qint64 intoId, qint64 fromId, bool undone);
    /// A resync found these cached customers gone from the hub (not merged: those come
    /// as customerMergeChanged); the cache has dropped them.
    void customersGone(const QList<qint64> &ids);
    /// A resync finished: cached threads were replaced by the hub's snapshot.
    void resynced();
    void cacheFailed(const QString &code, const QString &message);
    /// A reply the cache could not store (disk full, read-only): nothing was promised,
    /// so the agent gets the text back instead of losing it.
    void sendRefused(const threadline::services::Outgoing &out, const QString &code);
    /// The cache takes writes again after cacheFailed (space is back, the
    /// folder is writable); what was missed meanwhile is fetched again.
    void cacheRecovered();

private:
    struct PendingRequest {
        enum Kind { CustomersPage, NewestHistory, OlderHistory, Outbox, Question, OrderLookup, CustomerOrders, Search, CannedList };
        PendingRequest(Kind k = Outbox, qint64 customer = 0, qint64 at = 0, qint64 row = 0,
                       int pageLimit = 0)
            : kind(k), customerId(customer), beforeAt(at), beforeRow(row), limit(pageLimit)
        {
        }
        Kind kind; ///< unknown ids are answers to outbox items of an earlier connection
        qint64 customerId;
        qint64 beforeAt;
        qint64 beforeRow;
        int limit;
        QString tag;  ///< Question: the asker's tag
        QString type; ///< Question/Outbox: the command type
    };

    void onWelcome(const protocol::Envelope &welcome);
    void onReceived(const protocol::Envelope &envelope);
    void onAnswer(const protocol::Envelope &envelope);
    void onEvent(const protocol::Envelope &event);
    void onMergeEvent(const protocol::Envelope &event);
    /// End of a resync: cached customers the snapshot left out move to the customer that
    /// absorbed them (the hub's standing merges) or leave the cache.
    void dropUnlisted(const QJsonArray &standingMerges);
    /// canned.upserted / canned.deleted: false when the cache refused it (not applied).
    bool applyCannedEvent(const protocol::Envelope &event);
    /// The cache refused a write of events: keep no later seq, say so, retry later.
    void blockOnCacheError(const cache::CacheError &error);
    void onStateChanged(HubSession::State state);
    void fetchCustomers(qint64 afterId);
    void servePageFromCache(qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit);
    QString command(const QString &type, const QJsonObject &data, PendingRequest request);
    void flushOutbox();
    /// `counts`: the item adds to the unread count (the hub's welcome did not include it).
    void noteCustomerActivity(const models::Message &m, bool counts);
    // unread_counts.cpp
    /// The customer as the next cache write will have it (from the batch or the cache),
    /// or nullptr when neither knows them.
    models::Customer *batchCustomer(qint64 customerId);
    /// The welcome's unread counts replace the cached ones (except where a marker of
    /// ours still waits in the outbox); events after the welcome's seq add to them.
    void takeHubUnread(const protocol::Envelope &welcome);
    /// conversation.marked_read: this user read a thread, maybe on another desktop.
    void onMarkedRead(const protocol::Envelope &event);
    /// Whether a new item counts as unread: the rule, and not already in the welcome's counts.
    bool countsAsUnread(const models::Message &m, qint64 seq) const;
    /// The flush timer: live traffic is written (and shown) within a frame; a burst
    /// keeps filling its transaction up to kMaxWriteEvents first.
    void onFlushDue();
    void flush();
    void writeOrReport(const cache::CacheWrite &w);
    // What the models are told goes through m_show, so it reaches them in order.
    void showCustomers(const QList<models::Customer> &customers);
    void showMessages(const QList<models::Message> &messages);
    void showDelivery(qint64 messageId, const QString &clientId, models::Delivery delivery,
                      const QString &reason);
    void showPage(qint64 customerId, const cache::ThreadPage &page, bool reachedStart);

    std::unique_ptr<cache::CacheStore> m_cache;
    HubSession *m_session;
    QHash<QString, PendingRequest> m_pending; ///< command id → what it was for
    QTimer m_flushTimer;
    /// While the cache refuses writes, events are not kept (their seq is not
    /// stored either) and the stream is resumed from the cache now and then.
    QTimer m_cacheRetry;
    /// Adds the messages of a burst to the search index once the burst is over.
    QTimer m_searchIndexTimer;
    void indexSearchWhenQuiet(bool burst);
    /// The outbox items the status bar counts as "waiting to send".
    int waitingToSend();
    bool m_cacheBlocked = false; ///< drop events until the next resume
    bool m_cacheFailing = false; ///< cacheFailed said so; cacheRecovered not yet
    cache::CacheWrite m_batch;                ///< events decoded but not yet written
    qsizetype m_eventsAtLastTick = 0;         ///< the batch's size at the last flush tick
    ShowQueue m_show{this};                   ///< written, not yet handed to the GUI
    QHash<qint64, models::Customer> m_batchCustomers;
    qint64 m_streamSeq = 0;   ///< seq of the last durable event on this connection
    qint64 m_appliedSeq = 0;  ///< what the cache says we applied
    bool m_resyncing = false; ///< while the customer snapshot is loading
    qint64 m_resyncSeq = 0;
    QSet<qint64> m_resyncListed;   ///< customers the snapshot (or an event meanwhile) named
    qint64 m_resyncListedUpTo = 0; ///< the snapshot's highest id
    QHash<qint64, qint64> m_oldestServed; ///< customer → hub id of the oldest item shown
    struct SearchInFlight {
        QString query;
        qint64 customerId = 0;
        QList<models::SearchHit> local;
    };
    QHash<QString, SearchInFlight> m_searches; ///< tag → what the hub is being asked
    QString m_user;
    QHash<qint64, int> m_hubUnread; ///< the welcome's unread counts (customers not cached yet)
    qint64 m_unreadAsOf = 0;        ///< the welcome's seq: events up to it are in its counts
    QHash<qint64, int> m_unreadOfUnknown; ///< unread items of customers not announced yet
    int m_retentionDays = 0;
    AttachmentSaver *m_attachments;
};

} // namespace threadline::services
