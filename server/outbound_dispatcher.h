// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"
#include "server/ingress_store.h"
#include "server/outbound_settings.h"
#include "server/outbound_store.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace threadline::server {

class SmsSender;

/// Hands replies on: every outbound SMS or email stored `queued` (an agent's reply, the
/// order desk's notice) is claimed, counted, sent through SmsSender or SmtpClient and
/// moved to sent (or failed with a reason) with a message.status event. Network trouble
/// and 4xx/5xx-that-may-pass are tried again with doubling waits; what never reached a
/// provider is picked up again at start. Several hubs on one database share the work
/// through leases; a try whose outcome a crash hid is checked with the SMS provider first
/// (docs/outbound.md). Chat, notes,
/// calls and system items are not this class's business.
class OutboundDispatcher : public QObject {
    Q_OBJECT
public:
    OutboundDispatcher(HubStore &store, OutboundSettings settings, QObject *parent = nullptr);
    ~OutboundDispatcher() override;

    /// Where the SMS provider reaches this hub's status callback (public URL, else the
    /// listen address), e.g. https://hub.example.com.
    void setCallbackBase(const QString &base) { m_callbackBase = base; }
    /// Picks up what an earlier run left queued, then follows new replies.
    void start();

private:
    void onEvents(const QList<threadline::server::StoredEvent> &events);
    /// Renews this hub's leases, takes over replies of hubs whose lease ran out and plans
    /// every held reply not yet planned.
    void sweep();
    qint64 leaseEnd() const;
    void planAt(qint64 messageId, qint64 at);
    void attempt(qint64 messageId);
    /// After a try whose outcome is unknown: finds the SMS in the provider's list (sent
    /// since `triedAt`, same words, not another reply's) or sends it again.
    void askSmsProvider(const protocol::MessagePayload &m, qint64 triedAt);
    void sendSms(const protocol::MessagePayload &m);
    void sendEmail(const protocol::MessagePayload &m);
    /// The composed email of a reply, written once so every try sends the same Message-ID.
    std::optional<QByteArray> emailFor(const protocol::MessagePayload &m);
    void handedOver(qint64 messageId, const QString &status, const QString &refSource,
                    const QString &ref);
    /// `outcomeUnknown`: asking the provider about an earlier try failed.
    void attemptFailed(qint64 messageId, bool permanent, const QString &reason,
                       bool outcomeUnknown = false);
    void failNow(qint64 messageId, const QString &reason);

    HubStore &m_store;
    OutboundStore m_outbound;
    IngressStore m_ingress;
    OutboundSettings m_settings;
    SmsSender *m_sms = nullptr; ///< child
    QString m_callbackBase;
    QSet<qint64> m_busy;    ///< a try is under way
    QSet<qint64> m_planned; ///< a try is planned (timer running)
    QTimer m_leaseTimer;
};

} // namespace threadline::server
