// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ingress_routes.h"

#include "server/email_ingress.h"
#include "server/order_ingress.h"
#include "server/sms_ingress.h"
#include "server/webchat_server.h"
#include "services/logging/log.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

namespace threadline::server {
namespace {

QHttpServerResponse toResponse(const IngressAnswer &a)
{
    QHttpServerResponse r(a.contentType, a.body,
                          static_cast<QHttpServerResponder::StatusCode>(a.status));
    return r;
}

bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    // Constant time for equal lengths; the length of a secret is not worth hiding.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool hasType(const QHttpServerRequest &request, const char *type)
{
    const QByteArray value = headerValue(request, "content-type").trimmed().toLower();
    const qsizetype semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.left(semicolon).trimmed()) == type;
}

IngressAnswer wrongType(const char *type)
{
    return IngressAnswer::error(
        415, QStringLiteral("bad_request"),
        QStringLiteral("the body must be sent as %1").arg(QLatin1String(type)));
}

IngressAnswer tooLarge(qsizetype limit)
{
    return IngressAnswer::error(413, QStringLiteral("too_large"),
                                QStringLiteral("the body exceeds %1 MiB").arg(limit >> 20));
}

} // namespace

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &h : request.headers())
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

IngressRoutes::IngressRoutes(HubStore &store, PhoneNormaliser phones, IngressOptions options)
    : m_options(std::move(options)), m_resolver(store, std::move(phones)),
      m_sms(std::make_unique<SmsIngress>(store, m_resolver)),
      m_email(std::make_unique<EmailIngress>(store, m_resolver)),
      m_orders(std::make_unique<OrderIngress>(store, m_resolver)),
      m_chat(std::make_unique<WebChat>(store, m_resolver))
{
}

IngressRoutes::~IngressRoutes() = default;

void IngressRoutes::install(QHttpServer &http)
{
    using Method = QHttpServerRequest::Method;
    http.route(QStringLiteral("/ingress/sms/twilio"), Method::Post,
               [this](const QHttpServerRequest &r) { return toResponse(sms(r)); });
    http.route(QStringLiteral("/ingress/email"), Method::Post,
               [this](const QHttpServerRequest &r) { return toResponse(email(r)); });
    http.route(QStringLiteral("/ingress/orders/woocommerce"), Method::Post,
               [this](const QHttpServerRequest &r) {
                   return toResponse(orders(QStringLiteral("woocommerce"), r));
               });
    http.route(QStringLiteral("/ingress/orders/shopify"), Method::Post,
               [this](const QHttpServerRequest &r) {
                   return toResponse(orders(QStringLiteral("shopify"), r));
               });
    m_chat->install(http);
}

QString IngressRoutes::signedUrl(const QHttpServerRequest &request) const
{
    QString base = m_options.publicUrl.isEmpty() ? m_listenBase : m_options.publicUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url = request.url();
    QString out = base + url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        out += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    return out;
}

std::optional<IngressAnswer> IngressRoutes::checkSecret(const QHttpServerRequest &request) const
{
    if (m_options.ingressSecret.isEmpty())
        return std::nullopt;
    if (sameSecret(headerValue(request, "x-threadline-ingress-secret"), m_options.ingressSecret))
        return std::nullopt;
    TL_LOG("hub", warning) << "ingress: refused " << request.url().path().toStdString()
                           << " without the ingress secret";
    return IngressAnswer::error(401, QStringLiteral("unauthenticated"),
                                QStringLiteral("missing or wrong X-Threadline-Ingress-Secret"));
}

IngressAnswer IngressRoutes::sms(const QHttpServerRequest &request)
{
    const QByteArray body = request.body();
    if (body.size() > kMaxWebhookBytes)
        return tooLarge(kMaxWebhookBytes);
    if (!hasType(request, "application/x-www-form-urlencoded"))
        return wrongType("application/x-www-form-urlencoded");
    const FormFields form = parseForm(body);
    if (!m_options.twilioAuthToken.isEmpty() &&
        !twilio_signature::verify(m_options.twilioAuthToken, signedUrl(request), form,
                                  headerValue(request, "x-twilio-signature"))) {
        TL_LOG("hub", warning) << "sms ingress: refused a request with a bad X-Twilio-Signature";
        return IngressAnswer::error(403, QStringLiteral("forbidden"),
                                    QStringLiteral("X-Twilio-Signature does not match"));
    }
    return m_sms->receive(form, request.query());
}

IngressAnswer IngressRoutes::email(const QHttpServerRequest &request)
{
    if (auto refused = checkSecret(request))
        return *refused;
    const QByteArray body = request.body();
    if (body.size() > kMaxEmailBytes)
        return tooLarge(kMaxEmailBytes);
    if (!hasType(request, "message/rfc822"))
        return wrongType("message/rfc822");
    return m_email->receive(body);
}

IngressAnswer IngressRoutes::orders(const QString &source, const QHttpServerRequest &request)
{
    if (auto refused = checkSecret(request))
        return *refused;
    const QByteArray body = request.body();
    if (body.size() > kMaxWebhookBytes)
        return tooLarge(kMaxWebhookBytes);
    if (!hasType(request, "application/json"))
        return wrongType("application/json");
    return m_orders->receive(source, body);
}

} // namespace threadline::server
