// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"

#include <QList>
#include <QString>

namespace threadline::server {

/// How many items of one customer's thread a user has not read yet.
struct UnreadCount {
    qint64 customerId = 0;
    qint64 count = 0;
};

/// Per user and customer, the newest thread item the user has read (`read_markers`).
/// What counts as unread is one rule, kept here in SQL: items after the marker (with no
/// marker: after the last reply) that the customer wrote to us (chat, SMS or email,
/// inbound) — not replies, notes, logged calls,
/// order or system items (docs/protocol.md, "conversation.read"; the desktop's copy of the
/// rule is models/unread_rule.h).
class ReadMarkerStore {
public:
    /// The welcome lists at most this many customers with unread items.
    static constexpr int kMaxListed = 10000;

    explicit ReadMarkerStore(HubStore &store) : m_store(store) {}

    /// The user's marker for the customer (0: never read).
    qint64 marker(const QString &user, qint64 customerId);
    /// The id of the customer's newest thread item at or before `upToId` (0: none), so a
    /// marker never names an item the thread does not have.
    qint64 newestItemUpTo(qint64 customerId, qint64 upToId);
    /// Moves the marker forward to `upToId`; never backwards. Inside a unit of work.
    bool moveForward(const QString &user, qint64 customerId, qint64 upToId, qint64 now);
    qint64 unread(const QString &user, qint64 customerId);
    /// Every customer (not merged away) with at least one unread item for the user,
    /// newest customers first, at most kMaxListed.
    QList<UnreadCount> unreadCounts(const QString &user);

private:
    HubStore &m_store;
};

} // namespace threadline::server
