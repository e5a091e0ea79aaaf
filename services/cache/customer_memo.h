// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"

#include <QHash>

namespace threadline::cache {

/// The customers rows as the cache holds them, for the customers read or written lately.
/// A burst of events reads each customer of a batch to update its summary (last item,
/// counts) and writes it back: from memory that is a hash lookup instead of a statement,
/// its file locks and the identities' JSON, and the write can leave name and identities
/// alone when they are what the row already has.
///
/// Only what is committed is remembered: a write stages its rows and they count once
/// its transaction commits, so a rolled-back write leaves nothing stale behind. A
/// customer not remembered is simply read again; forgetting is always safe.
class CustomerMemo {
public:
    /// The row as committed, or as staged by the write under way; nullptr: unknown.
    const models::Customer *find(qint64 id) const;
    /// As committed (just read, or written by a committed write).
    void remember(const models::Customer &c);
    /// Written in the transaction under way.
    void stage(const models::Customer &c);
    /// The row is gone (or may have changed) in the transaction under way.
    void forget(qint64 id);
    void commit();   ///< what was staged is the cache's now
    void rollback(); ///< what was staged never happened

private:
    /// Past this many, the memo starts again: a customer of the inbox costs about half a
    /// kilobyte (its strings are shared with the copies handed out), and a burst touches
    /// far fewer than this.
    static constexpr qsizetype kMaxRemembered = 10'000;
    QHash<qint64, models::Customer> m_committed;
    QHash<qint64, models::Customer> m_staged;
};

} // namespace threadline::cache
