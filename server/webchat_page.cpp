// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/webchat_page.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>

namespace threadline::server::webchat_page {
namespace {

// Same origin only: no remote scripts, styles, fonts or frames, and the socket back to
// this hub. 'self' covers ws:// and wss:// to the page's own host in current browsers.
const QByteArray kPolicy = "default-src 'none'; script-src 'self'; style-src 'self';"
                           " img-src 'self' data:; connect-src 'self'; base-uri 'none';"
                           " form-action 'none'; frame-ancestors 'none'";

QHttpServerResponse asset(const QString &resource, const QByteArray &type)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
    QHttpServerResponse response(type, file.readAll());
    response.setHeader("Content-Security-Policy", kPolicy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    // The page changes with the hub, not between requests; a short cache is plenty.
    response.setHeader("Cache-Control", "no-cache");
    return response;
}

} // namespace

void install(QHttpServer &http)
{
    using Method = QHttpServerRequest::Method;
    http.route(QStringLiteral("/chat"), Method::Get, [] {
        return asset(QStringLiteral(":/webchat/chat.html"), "text/html; charset=utf-8");
    });
    http.route(QStringLiteral("/chat/chat.js"), Method::Get, [] {
        return asset(QStringLiteral(":/webchat/chat.js"), "text/javascript; charset=utf-8");
    });
    http.route(QStringLiteral("/chat/chat.css"), Method::Get, [] {
        return asset(QStringLiteral(":/webchat/chat.css"), "text/css; charset=utf-8");
    });
}

} // namespace threadline::server::webchat_page
