// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/identity_resolver.h"
#include "server/ingress_answer.h"

#include <QByteArray>
#include <QString>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace threadline::server {

class EmailIngress;
class OrderIngress;
class SmsIngress;
class WebChat;

/// How the hub's ingress endpoints authenticate callers (docs/ingress.md).
struct IngressOptions {
    QString publicUrl;          ///< e.g. https://hub.example.com; empty: the listen address
    QByteArray twilioAuthToken; ///< empty: X-Twilio-Signature is not checked
    QByteArray ingressSecret;   ///< empty: email and order webhooks need no secret
};

/// The HTTP side of channel ingress on the hub's address: POST /ingress/sms/twilio,
/// /ingress/email, /ingress/orders/woocommerce and /ingress/orders/shopify. Checks size,
/// content type and authentication, then hands the body to the channel's ingress.
/// The customer-facing web chat (GET /chat, /chat/ws) is installed alongside.
class IngressRoutes {
public:
    static constexpr qsizetype kMaxEmailBytes = 10 * 1024 * 1024;
    static constexpr qsizetype kMaxWebhookBytes = 1024 * 1024;

    IngressRoutes(HubStore &store, PhoneNormaliser phones, IngressOptions options);
    ~IngressRoutes();

    void install(QHttpServer &http);
    /// The URL the hub is reachable at when no public URL is given (http://HOST:PORT).
    void setListenBase(const QString &base) { m_listenBase = base; }

private:
    IngressAnswer sms(const QHttpServerRequest &request);
    IngressAnswer email(const QHttpServerRequest &request);
    IngressAnswer orders(const QString &source, const QHttpServerRequest &request);
    /// 401 when a secret is configured and the request does not carry it.
    std::optional<IngressAnswer> checkSecret(const QHttpServerRequest &request) const;
    QString signedUrl(const QHttpServerRequest &request) const;

    IngressOptions m_options;
    QString m_listenBase;
    IdentityResolver m_resolver;
    std::unique_ptr<SmsIngress> m_sms;
    std::unique_ptr<EmailIngress> m_email;
    std::unique_ptr<OrderIngress> m_orders;
    std::unique_ptr<WebChat> m_chat;
};

/// A request header, case-insensitively; empty when absent.
QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);

} // namespace threadline::server
