// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/identity_resolver.h"
#include "server/ingress_answer.h"
#include "server/ingress_store.h"
#include "server/twilio_signature.h"

#include <QUrlQuery>

namespace threadline::server {

/// Twilio's SMS webhooks, once their signature is checked: an inbound message becomes a
/// thread item of the customer owning the sender's number; a status callback
/// (MessageStatus) moves an outbound message's delivery status forward.
class SmsIngress {
public:
    static constexpr int kMaxMedia = 10;

    SmsIngress(HubStore &store, IdentityResolver &resolver);

    /// `query` is the webhook URL's query: an outbound sender may put `message_id` there
    /// (StatusCallback=…?message_id=N) so the first callback can find its message.
    IngressAnswer receive(const FormFields &form, const QUrlQuery &query);

    /// Twilio's MessageStatus as a protocol status (queued, sent, delivered, failed),
    /// or empty when it says nothing about an outbound message.
    static QString statusFromTwilio(const QString &twilioStatus);

private:
    IngressAnswer inbound(const FormFields &form);
    IngressAnswer statusCallback(const FormFields &form, const QUrlQuery &query);

    HubStore &m_store;
    IngressStore m_ingress;
    IdentityResolver &m_resolver;
};

} // namespace threadline::server
