// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/outbound_dispatcher.h"

#include "server/outbound_email.h"
#include "server/sms_ingress.h"
#include "server/sms_sender.h"
#include "server/smtp_client.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace threadline::server {
namespace {

const QString kQueued = QStringLiteral("queued");
const QString kFailed = QStringLiteral("failed");
constexpr int kMaxReferences = 20; // enough to thread; long chains are trimmed from the front
constexpr int kTakeOverBatch = 100;   // replies taken from a dead hub per sweep
constexpr qint64 kClockSkewMs = 5 * 60 * 1000; // the provider's clock against ours

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isDelivered(const QString &channel)
{
    return channel == protocol::channel::sms || channel == protocol::channel::email;
}

// Delivery moves forward only: queued, sent, then delivered or failed.
int rank(const QString &status)
{
    if (status == QLatin1String("queued"))
        return 1;
    if (status == QLatin1String("sent"))
        return 2;
    if (status == QLatin1String("delivered") || status == QLatin1String("failed"))
        return 3;
    return 0;
}

} // namespace

OutboundDispatcher::OutboundDispatcher(HubStore &store, OutboundSettings settings,
                                       QObject *parent)
    : QObject(parent), m_store(store), m_outbound(store), m_ingress(store),
      m_settings(std::move(settings)), m_sms(new SmsSender(m_settings.sms, this))
{
}

OutboundDispatcher::~OutboundDispatcher() = default;

void OutboundDispatcher::start()
{
    // Queued: the store announces events right after its commit, possibly inside a caller
    // that is still answering a command.
    connect(&m_store, &HubStore::eventsAppended, this, &OutboundDispatcher::onEvents,
            Qt::QueuedConnection);
    if (!m_outbound.claimOrphans(m_settings.owner, now(), leaseEnd()))
        TL_LOG("hub", error) << "outbound: " << m_outbound.lastError();
    sweep();
    // A third of the lease: two renewals may fail before another hub can take over.
    m_leaseTimer.setInterval(int(std::max<qint64>(50, m_settings.leaseMs / 3)));
    connect(&m_leaseTimer, &QTimer::timeout, this, &OutboundDispatcher::sweep);
    m_leaseTimer.start();
    TL_LOG("hub", info) << "outbound: SMS " << (m_settings.sms.isConfigured() ? "on" : "off")
                        << ", email " << (m_settings.smtp.isConfigured() ? "on" : "off");
}

qint64 OutboundDispatcher::leaseEnd() const
{
    return now() + m_settings.leaseMs;
}

void OutboundDispatcher::sweep()
{
    if (!m_outbound.renewAndTakeOver(m_settings.owner, now(), leaseEnd(), kTakeOverBatch)) {
        TL_LOG("hub", error) << "outbound: cannot renew the lease: " << m_outbound.lastError();
        return;
    }
    int picked = 0;
    for (const HeldReply &held : m_outbound.held(m_settings.owner)) {
        if (m_planned.contains(held.messageId) || m_busy.contains(held.messageId))
            continue;
        // New to this process: left by its own earlier run or taken over from a hub that
        // died. At once, not at next_at: a restart is often the fix (a provider set up, a
        // server back).
        if (held.state.inFlightSince > 0)
            TL_LOG("hub", warning) << "outbound: message " << held.messageId
                                   << ": the outcome of its last try is unknown (the hub died"
                                      " during it); asking the provider or resending the same"
                                      " email (docs/outbound.md)";
        planAt(held.messageId, now());
        ++picked;
    }
    if (picked > 0)
        TL_LOG("hub", info) << "outbound: picked up " << picked << " queued repl(ies)";
}

void OutboundDispatcher::onEvents(const QList<StoredEvent> &events)
{
    for (const StoredEvent &e : events) {
        if (e.type != protocol::type::messageCreated)
            continue;
        const QJsonObject m = e.payload.value(QLatin1String("message")).toObject();
        if (m.value(QLatin1String("direction")).toString() != protocol::direction::out ||
            m.value(QLatin1String("status")).toString() != kQueued ||
            !isDelivered(m.value(QLatin1String("channel")).toString()))
            continue;
        const qint64 id = m.value(QLatin1String("id")).toInteger();
        // Another hub on the same database may have claimed it first.
        if (id > 0 && m_outbound.claim(id, m_settings.owner, now(), leaseEnd()))
            planAt(id, now());
    }
}

void OutboundDispatcher::planAt(qint64 messageId, qint64 at)
{
    m_planned.insert(messageId);
    QTimer::singleShot(std::max<qint64>(0, at - now()), this,
                       [this, messageId] { attempt(messageId); });
}

void OutboundDispatcher::attempt(qint64 messageId)
{
    m_planned.remove(messageId);
    if (m_busy.contains(messageId))
        return;
    const auto message = m_store.message(messageId);
    const auto state = m_outbound.state(messageId);
    if (!message || !state || state->handedOver || message->status != kQueued)
        return;
    if (message->channel == protocol::channel::sms && !m_settings.sms.isConfigured()) {
        failNow(messageId, QStringLiteral("no SMS provider configured"));
        return;
    }
    if (message->channel == protocol::channel::email && !m_settings.smtp.isConfigured()) {
        failNow(messageId, QStringLiteral("no email server configured"));
        return;
    }
    // An SMS whose last try may have reached the provider: ask before sending it again.
    // (An email is sent again as the same bytes: its Message-ID makes a copy recognisable.)
    const bool ask = message->channel == protocol::channel::sms && state->inFlightSince > 0;
    // Counted before the try: after a crash during it, the next hub knows it may have left.
    // Refused when another hub took the reply over (this hub's lease ran out).
    if (!m_outbound.markAttempt(messageId, m_settings.owner, now(), leaseEnd(), !ask)) {
        TL_LOG("hub", warning) << "outbound: " << m_outbound.lastError();
        return;
    }
    m_busy.insert(messageId);
    if (ask)
        askSmsProvider(*message, state->inFlightSince);
    else if (message->channel == protocol::channel::sms)
        sendSms(*message);
    else
        sendEmail(*message);
}

void OutboundDispatcher::askSmsProvider(const protocol::MessagePayload &m, qint64 triedAt)
{
    const qint64 id = m.id;
    // The provider's clock and ours differ a little; date_created has whole seconds.
    const QDateTime since = QDateTime::fromMSecsSinceEpoch(triedAt - kClockSkewMs, Qt::UTC);
    m_sms->listSentTo(m.identity, [this, id, body = m.body, since](const SmsLookup &lookup) {
        m_busy.remove(id);
        if (!lookup.answered) {
            attemptFailed(id, false, lookup.reason, true);
            return;
        }
        for (const SmsListed &listed : lookup.messages) {
            if (listed.body != body || !listed.created.isValid() || listed.created < since)
                continue;
            // A copy of the same words sent for another reply is that reply's, not ours.
            const auto owner = m_ingress.messageByRef(QStringLiteral("twilio"), listed.sid);
            if (owner && *owner != id)
                continue;
            TL_LOG("hub", info) << "outbound: message " << id
                                << " had reached the SMS provider before the hub died; not sent"
                                   " again";
            QString status = SmsIngress::statusFromTwilio(listed.status);
            if (status.isEmpty() || status == kFailed)
                status = kQueued; // the provider's callbacks tell the rest
            handedOver(id, status, QStringLiteral("twilio"), listed.sid);
            return;
        }
        TL_LOG("hub", info) << "outbound: message " << id
                            << " is not at the SMS provider; sending it again";
        if (!m_outbound.markAttempt(id, m_settings.owner, now(), leaseEnd())) {
            TL_LOG("hub", warning) << "outbound: " << m_outbound.lastError();
            return;
        }
        const auto message = m_store.message(id);
        if (!message)
            return;
        m_busy.insert(id);
        sendSms(*message);
    });
}

void OutboundDispatcher::sendSms(const protocol::MessagePayload &m)
{
    QUrl callback;
    if (!m_callbackBase.isEmpty()) {
        // message_id lets the first callback find its message even before the sid is stored.
        callback = QUrl(m_callbackBase + QStringLiteral("/ingress/sms/twilio"));
        callback.setQuery(QUrlQuery{{QStringLiteral("message_id"), QString::number(m.id)}});
    }
    const qint64 id = m.id;
    m_sms->send(m.identity, m.body, callback, [this, id](const SmsOutcome &outcome) {
        m_busy.remove(id);
        if (!outcome.ok) {
            attemptFailed(id, outcome.permanent, outcome.reason);
            return;
        }
        QString status = SmsIngress::statusFromTwilio(outcome.status);
        if (status.isEmpty() || status == kFailed)
            status = kQueued; // the API took it; a callback tells the rest
        handedOver(id, status, QStringLiteral("twilio"), outcome.sid);
    });
}

std::optional<QByteArray> OutboundDispatcher::emailFor(const protocol::MessagePayload &m)
{
    if (auto composed = m_outbound.composedEmail(m.id))
        return composed;
    OutboundEmail email;
    email.fromAddress = m_settings.smtp.from;
    email.toAddress = m.identity;
    if (const auto customer = m_store.customer(m.customerId))
        email.toName = customer->name;
    email.subject = m.subject;
    email.body = m.body;
    email.messageId = newMessageId(m_settings.smtp.from);
    email.date = QDateTime::currentDateTimeUtc();
    if (const auto parent = m_outbound.emailParent(m.customerId, m.id)) {
        email.subject = replySubject(m.subject);
        email.inReplyTo = parent->messageId;
        email.references = parent->references;
        email.references.append(parent->messageId);
        if (email.references.size() > kMaxReferences)
            email.references = email.references.mid(email.references.size() - kMaxReferences);
    }
    const QByteArray raw = composeEmail(email);
    // The Message-ID is kept with the reply so the customer's answer threads back to them.
    if (!m_store.beginWork())
        return std::nullopt;
    if (!m_ingress.addEmailHeaders(m.id, email.messageId, email.inReplyTo,
                                   email.references.join(QLatin1Char(' ')), raw) ||
        !m_ingress.addRef(QStringLiteral("email"), email.messageId, m.id) ||
        !m_store.commitWork()) {
        m_store.rollbackWork();
        TL_LOG("hub", error) << "outbound: cannot keep the email of message " << m.id << ": "
                             << m_ingress.lastError();
        return std::nullopt;
    }
    return raw;
}

void OutboundDispatcher::sendEmail(const protocol::MessagePayload &m)
{
    const auto raw = emailFor(m);
    if (!raw) {
        m_busy.remove(m.id);
        attemptFailed(m.id, false, QStringLiteral("the hub could not write the email"));
        return;
    }
    auto *client = new SmtpClient(m_settings.smtp, this);
    const qint64 id = m.id;
    connect(client, &SmtpClient::finished, this, [this, client, id](const SmtpOutcome &outcome) {
        client->deleteLater();
        m_busy.remove(id);
        if (outcome.ok)
            handedOver(id, QStringLiteral("sent"), {}, {});
        else
            attemptFailed(id, outcome.permanent, outcome.reason);
    });
    client->send(m.identity, *raw);
}

void OutboundDispatcher::handedOver(qint64 messageId, const QString &status,
                                    const QString &refSource, const QString &ref)
{
    if (!m_store.beginWork())
        return;
    bool ok = m_outbound.markHandedOver(messageId, now());
    // A status callback may have come first and linked the sid already.
    if (ok && !ref.isEmpty() && !m_ingress.messageByRef(refSource, ref))
        ok = m_ingress.addRef(refSource, ref, messageId);
    const auto current = m_store.message(messageId);
    if (ok && current && rank(status) > rank(current->status))
        ok = m_store.writeMessageStatus(messageId, status);
    if (!ok || !m_store.commitWork()) {
        m_store.rollbackWork();
        TL_LOG("hub", error) << "outbound: message " << messageId
                             << " was handed over but could not be marked: "
                             << m_store.lastError() << m_ingress.lastError();
        return;
    }
    TL_LOG("hub", info) << "outbound: message " << messageId << " handed over (" << status << ")";
}

void OutboundDispatcher::attemptFailed(qint64 messageId, bool permanent, const QString &reason,
                                       bool outcomeUnknown)
{
    const auto state = m_outbound.state(messageId);
    const int attempts = state ? state->attempts : m_settings.attempts;
    if (outcomeUnknown && attempts >= m_settings.attempts) {
        // Never sent twice, never silently dropped: the agent is told to look.
        failNow(messageId, QStringLiteral("delivery unknown: the hub stopped during a try and"
                                          " could not ask the SMS provider whether it took it"
                                          " (%1); check before sending it again")
                               .arg(reason));
        return;
    }
    if (permanent || attempts >= m_settings.attempts) {
        failNow(messageId, permanent ? reason
                                     : QStringLiteral("%1 (gave up after %2 attempts)")
                                           .arg(reason)
                                           .arg(attempts));
        return;
    }
    qint64 wait = m_settings.firstRetryMs;
    for (int i = 1; i < attempts && wait < m_settings.longestRetryMs; ++i)
        wait *= 2;
    wait = std::min(wait, m_settings.longestRetryMs);
    TL_LOG("hub", warning) << "outbound: message " << messageId << " try " << attempts
                           << " failed (" << reason << "); next in " << wait << " ms";
    if (!m_outbound.scheduleRetry(messageId, now() + wait, reason, outcomeUnknown))
        TL_LOG("hub", error) << "outbound: " << m_outbound.lastError();
    planAt(messageId, now() + wait);
}

void OutboundDispatcher::failNow(qint64 messageId, const QString &reason)
{
    if (!m_store.beginWork())
        return;
    if (!m_outbound.markHandedOver(messageId, now()) ||
        !m_store.writeMessageStatus(messageId, kFailed, reason) || !m_store.commitWork()) {
        m_store.rollbackWork();
        TL_LOG("hub", error) << "outbound: cannot mark message " << messageId << " failed";
        return;
    }
    TL_LOG("hub", warning) << "outbound: message " << messageId << " failed: " << reason;
}

} // namespace threadline::server
