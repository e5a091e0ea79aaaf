// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace threadline::server {

/// Where one outbound message stands (table `outbound`).
struct OutboundState {
    int attempts = 0;   ///< tries started so far (counted before each try)
    qint64 nextAt = 0;  ///< when to try again
    bool handedOver = false;
    /// When the try whose outcome was never recorded started (a hub died during it), or 0.
    qint64 inFlightSince = 0;
};

/// A reply this hub holds the lease of (OutboundStore::held).
struct HeldReply {
    qint64 messageId = 0;
    OutboundState state;
};

/// The email a reply answers: its Message-ID and the References chain before it.
struct EmailParent {
    QString messageId;
    QStringList references; ///< oldest first
};

/// The SQL of outbound delivery, next to HubStore's. Methods marked "in work" run inside
/// the HubStore's unit of work; the others commit on their own.
class OutboundStore {
public:
    explicit OutboundStore(HubStore &store) : m_store(store) {}

    /// Takes a queued message for delivery for `owner` until `leaseUntil`; false when it
    /// already was (by this hub before a restart, or by another hub on the same database).
    bool claim(qint64 messageId, const QString &owner, qint64 now, qint64 leaseUntil);
    std::optional<OutboundState> state(qint64 messageId);
    /// Extends the lease of every reply `owner` holds, then takes up to `batch` replies
    /// whose holder's lease ran out (a hub that died). Each step is one UPDATE guarded by
    /// its WHERE, so two hubs never both take a reply.
    bool renewAndTakeOver(const QString &owner, qint64 now, qint64 leaseUntil, int batch);
    /// Claims queued SMS and email replies that have no row yet (every hub was down, or
    /// died between storing a reply and claiming it); at start.
    bool claimOrphans(const QString &owner, qint64 now, qint64 leaseUntil);
    /// The queued replies `owner` holds and has not handed over.
    QList<HeldReply> held(const QString &owner);
    /// Counts a try before it starts, so a crash during it is known afterwards; false when
    /// `owner` no longer holds the reply (another hub took it over) or it was handed over.
    /// `startsSend`: the try hands the reply over (marks it in flight); false for asking
    /// the provider about an earlier try, which keeps the earlier mark.
    bool markAttempt(qint64 messageId, const QString &owner, qint64 now, qint64 leaseUntil,
                     bool startsSend = true);
    /// `stillUnknown`: the outcome of the earlier try is still not known (keep its mark).
    bool scheduleRetry(qint64 messageId, qint64 at, const QString &error,
                       bool stillUnknown = false);
    /// In work: the provider has it (or it failed for good); nothing more to send.
    bool markHandedOver(qint64 messageId, qint64 now);

    /// The newest email in the customer's thread before `beforeMessageId` that has a
    /// Message-ID (theirs or ours), or nothing.
    std::optional<EmailParent> emailParent(qint64 customerId, qint64 beforeMessageId);
    /// The message as first composed (email_headers.raw), so every try sends the same bytes.
    std::optional<QByteArray> composedEmail(qint64 messageId);

    QString lastError() const { return m_lastError; }

private:
    bool fail(const QString &why);
    HubStore &m_store;
    QString m_lastError;
};

} // namespace threadline::server
