// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/draft.h"
#include "models/message.h"
#include "models/search_hit.h"
#include "services/cache/cache_error.h"
#include "services/cache/customer_memo.h"
#include "services/cache/sqlcipher_database.h"
#include "services/cache/wal_checkpointer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>
#include <variant>

namespace threadline::cache {

/// A delivery status change from the hub.
struct StatusUpdate {
    qint64 messageId = 0; ///< hub id; when 0, clientId names the message
    QString clientId;
    QString status; ///< received, queued, sent, delivered, failed (unknown words are ignored)
    QString reason;
};

/// An agent merged customer `fromId` into `intoId` (customer.merged), or undid it.
struct CustomerMerge {
    qint64 intoId = 0;
    qint64 fromId = 0;
    bool undone = false; ///< customer.unmerged
};

/// Everything one batch of hub events changes; applied in ONE transaction.
struct CacheWrite {
    QList<models::Customer> customers; ///< upsert by id (all fields)
    /// Upsert by hub id. A message whose clientId matches a local echo replaces
    /// that echo (same row position in the thread) and removes it from the outbox.
    QList<models::Message> messages;
    QList<StatusUpdate> statuses;  ///< by hub id, or by client id when hub id is 0
    std::optional<qint64> lastSeq; ///< the last applied seq, stored in the same transaction
    /// Applied after everything above: a merge drops the absorbed customer and rehomes its
    /// cached items; merge and undo mark both threads for a fresh page from the hub.
    QList<CustomerMerge> merges;
    /// The messages go into the search index later (indexPendingSearch), not in this
    /// transaction: for the batches of a burst, where indexing would hold up showing them.
    bool indexSearchLater = false;
};

/// One page of a thread, newest first. Pass cursorAt/cursorRow back to page()
/// for the next older page.
struct ThreadPage {
    QList<models::Message> items;
    qint64 cursorAt = 0;
    qint64 cursorRow = 0;
    bool reachedOldestCached = false;
};

/// The desktop's encrypted local cache: customers, their threads, the outbox, the
/// sync position and what is known about each customer's history on the hub.
/// Owned and used by ONE thread (the service thread).
class CacheStore {
public:
    static std::variant<std::unique_ptr<CacheStore>, CacheError> open(const QString &path,
                                                                      const QByteArray &rawKey32);

    std::optional<CacheError> write(const CacheWrite &w);
    qint64 lastSeq();
    QList<models::Customer> customers(); ///< all, newest lastAt first
    std::optional<models::Customer> customer(qint64 id);
    /// beforeAt == 0: the newest page. Order: (at DESC, local row DESC), where "at"
    /// is the item's position in the thread (a confirmed echo keeps its echo's).
    ThreadPage page(qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit);

    /// A message written on this desktop: stores the local echo (delivery Pending,
    /// id 0) AND the outbox entry in one transaction.
    std::optional<CacheError> addToOutbox(const models::Message &echo, const QString &commandType,
                                          const QJsonObject &commandData);
    struct OutboxItem {
        QString clientId;
        QString commandType;
        QJsonObject commandData;
        qint64 createdAt = 0;
        int attempts = 0;
        QString lastError;
    };
    QList<OutboxItem> outbox();
    /// A command with no thread item of its own (assign, resolve, log a call…),
    /// kept until the hub acknowledges it, like a reply.
    std::optional<CacheError> enqueueCommand(const QString &clientId, const QString &commandType,
                                             const QJsonObject &commandData);
    /// The hub acknowledged it: forget it (idempotent).
    std::optional<CacheError> completeOutboxItem(const QString &clientId); ///< oldest first
    std::optional<CacheError> markOutboxAttempt(const QString &clientId, const QString &error);
    /// Rejected by the hub: removed from the outbox; the echo becomes Failed with the reason.
    std::optional<CacheError> failOutboxItem(const QString &clientId, const QString &reason);

    /// True once the newest page was fetched since the last resync.
    bool historyFresh(qint64 customerId);
    /// The hub has nothing older than what is cached.
    bool historyComplete(qint64 customerId);
    /// One transaction: drops the customer's cached hub-confirmed items (never
    /// pending or failed local echoes), inserts these, marks the history fresh.
    std::optional<CacheError> replaceRecentHistory(qint64 customerId,
                                                   const QList<models::Message> &newestFirst,
                                                   bool complete);
    std::optional<CacheError>
    appendOlderHistory(qint64 customerId, const QList<models::Message> &newestFirst, bool complete);
    std::optional<CacheError> markAllHistoryStale(); ///< on resync
    /// Customers the hub no longer has (a resync's snapshot left them out and no merge
    /// names them): they, their thread and their draft leave the cache (cache_merge.cpp).
    std::optional<CacheError> forgetCustomers(const QList<qint64> &ids);

    /// Drafts: one per customer; an empty body removes it.
    std::optional<CacheError> saveDraft(const models::Draft &draft);
    QList<models::Draft> drafts();

    /// Retention: forgets hub-confirmed items older than `cutoffMs` (never
    /// outbox echoes or failed items) and marks those threads incomplete, so
    /// older history comes from the hub again when scrolled to.
    std::optional<CacheError> forgetOlderThan(qint64 cutoffMs);

    /// An email's attachment (@p part: its index) or its sanitised HTML (kHtmlPart),
    /// kept so it can be saved or shown offline; replaces what was kept before.
    static constexpr int kHtmlPart = -1;
    std::optional<CacheError> keepEmailPart(qint64 messageId, int part, const QByteArray &bytes);
    /// The kept bytes, or nothing when this part was never kept.
    std::optional<QByteArray> emailPart(qint64 messageId, int part);
    /// Which parts of the email are kept, in order (kHtmlPart first).
    QList<int> keptEmailParts(qint64 messageId);
    /// The bytes every kept part takes together (the prefetch budget's measure).
    qint64 keptEmailPartsBytes();
    /// Adds up to @p limit of the messages written with indexSearchLater to the search
    /// index, oldest first, in one transaction. The searches below call it for all of
    /// them first, so what the cache holds is always found.
    std::optional<CacheError> indexPendingSearch(int limit);
    /// Whether messages may wait for indexPendingSearch (cheap: no query).
    bool searchIndexBehind() const { return m_searchBehind; }
    /// How many messages wait for indexPendingSearch (counts them).
    qint64 pendingSearchCount();

    /// Global search in this computer's cache (folded, every word as the start
    /// of a word): customers by name or identity, most recently active first.
    QList<models::SearchHit> searchCustomers(const QString &query, int limit);
    /// Messages by subject or body, most recently cached first, each with a
    /// snippet and its marked matches; only @p customerId's when it is not 0.
    QList<models::SearchHit> searchMessages(const QString &query, int limit,
                                            qint64 customerId = 0);

    /// The shared canned responses (cache_canned.cpp), as the hub's objects, ordered like
    /// canned.list (language, title, id). Replace: the whole list the hub answered.
    QJsonArray cannedResponses();
    std::optional<CacheError> replaceCannedResponses(const QJsonArray &all);
    /// canned.upserted (insert or replace by id) and canned.deleted.
    std::optional<CacheError> upsertCannedResponse(const QJsonObject &response);
    std::optional<CacheError> deleteCannedResponse(qint64 id);

    struct Stats {
        QMap<QString, qint64> rowsPerTable;
        qint64 lastSeq = 0;
        qint64 fileBytes = 0; ///< the file plus its -wal and -shm
        QString cipherVersion;
    };
    Stats stats();
    /// PRAGMA cipher_integrity_check where SQLCipher has it (4.x), then
    /// integrity_check, which reads every page. Damage → corrupt.
    std::optional<CacheError> verify();

    /// Fault tests: caps the file at its current size plus `extraPages` pages
    /// (PRAGMA max_page_count), so growing it fails as disk_full, the way a
    /// full disk does even for root; a negative value lifts the cap.
    std::optional<CacheError> capSizeForTesting(int extraPages);
    /// Fault tests: PRAGMA query_only, so every write fails as read_only, the
    /// way a read-only profile folder does.
    std::optional<CacheError> setReadOnlyForTesting(bool readOnly);

    /// The error behind the last read that came back empty because it failed
    /// (reads return values, not errors); cleared by the next successful call.
    const std::optional<CacheError> &lastError() const { return m_lastError; }

    const QString &path() const { return m_db.path(); }

private:
    explicit CacheStore(Database db);
    /// What an upsert did to the customer's searchable text (name, identities).
    enum class SearchableChange { None, Added, Renamed };
    std::variant<SearchableChange, CacheError> upsertCustomer(const models::Customer &c);
    enum class SearchEntry { Now, Later };
    /// Inserts the row and its search entry (or lists it in search_pending); false when
    /// @p ifNew and the hub id is known.
    std::variant<bool, CacheError> insertMessage(const models::Message &m, bool ifNew,
                                                 SearchEntry entry = SearchEntry::Now);
    std::optional<CacheError> upsertMessage(const models::Message &m, SearchEntry entry);
    std::optional<CacheError> notePendingSearch(); ///< sets m_searchBehind from the table
    std::optional<CacheError> indexAllPendingSearch(); ///< before a search
    std::optional<CacheError> applyStatus(const StatusUpdate &u);
    std::optional<CacheError> applyHistory(qint64 customerId, const QList<models::Message> &items,
                                           bool replace, bool complete);
    std::optional<CacheError> indexCustomer(const models::Customer &c); ///< a new entry
    std::optional<CacheError> unindexCustomer(qint64 customerId);
    std::optional<CacheError> reindexCustomersIfStale();
    std::optional<CacheError> applyMerge(const CustomerMerge &merge); ///< cache_merge.cpp
    std::optional<CacheError> dropCustomerRow(qint64 customerId); ///< cache_merge.cpp
    std::optional<CacheError> forgetOrphanEmailParts(); ///< cache_email_parts.cpp
    std::optional<CacheError> failed(std::optional<CacheError> e);
    void noteReadError(const std::optional<CacheError> &e);

    Database m_db;
    std::optional<CacheError> m_lastError;
    CustomerMemo m_customers; ///< this connection is the only one that writes rows
    /// search_pending may have rows: set by a deferred insert (or found at open),
    /// cleared when indexPendingSearch finds none left.
    bool m_searchBehind = false;
    std::unique_ptr<WalCheckpointer> m_checkpointer; ///< after m_db: stops before it closes
};

} // namespace threadline::cache
