// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace threadline::server {

/// One merge of two customers, as kept in the `merges` table: who absorbed whom, and
/// exactly what moved, so that undoing it puts precisely that back.
struct MergeRecord {
    qint64 id = 0;
    qint64 intoId = 0; ///< the surviving customer
    qint64 fromId = 0; ///< the absorbed customer (status "merged" while the merge stands)
    QString note;
    QString mergedBy;
    qint64 mergedAt = 0;
    QString undoneBy;
    qint64 undoneAt = 0; ///< 0 while the merge stands
    /// What moved: ids of identities, messages, orders, waits, resolutions; the identity
    /// values; the last message id at the time (later items are told apart by it); the
    /// labels the survivor gained; and both conversations' state before the merge.
    QJsonObject moved;

    /// The `merge` object of customer.merged / customer.unmerged and of the acks.
    QJsonObject toJson(const QString &intoName, const QString &fromName) const;
};

/// The SQL of merging two customers and undoing it, next to HubStore's. Writes run
/// inside the HubStore's unit of work and append no events: the caller announces.
class CustomerMergeStore {
public:
    explicit CustomerMergeStore(HubStore &store) : m_store(store) {}

    std::optional<MergeRecord> record(qint64 mergeId);
    /// Every merge that stands, oldest first, as {from, into}: what a resyncing desktop
    /// needs to move the absorbed customers it still caches (customers.page).
    QJsonArray standing();
    /// Moves everything of `from` to `into` and keeps the record; `from` becomes "merged".
    std::optional<MergeRecord> merge(const protocol::CustomerPayload &into,
                                     const protocol::CustomerPayload &from, const QString &by,
                                     const QString &note, qint64 now);
    /// Puts back what the merge moved, plus the items that arrived since through one of
    /// the identities that came from `from`; restores `from`'s conversation as it was.
    bool unmerge(const MergeRecord &merge, const QString &by, qint64 now);

    QString lastError() const { return m_lastError; }

private:
    bool fail(const QString &why);
    bool exec(const QString &sql, const QVariantList &values);
    std::optional<QList<qint64>> ids(const QString &table, qint64 customerId);
    bool moveRows(const QString &table, const QList<qint64> &ids, qint64 from, qint64 to);
    /// item_count and last_* from the customer's thread as it is now.
    bool recountSummary(qint64 customerId);

    HubStore &m_store;
    QString m_lastError;
};

} // namespace threadline::server
