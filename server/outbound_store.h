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

    /// Takes a queued message for delivery; false when it already was (by this hub
    /// before a restart, or by another hub on the same database).
    bool claim(qint64 messageId, qint64 now);
    std::optional<OutboundState> state(qint64 messageId);
    /// Outbound SMS and email still `queued` and never handed over: the work a restart
    /// picks up again.
    QList<qint64> unfinished();
    /// Counts a try before it starts, so a crash during it is known afterwards.
    bool markAttempt(qint64 messageId, qint64 now);
    bool scheduleRetry(qint64 messageId, qint64 at, const QString &error);
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
