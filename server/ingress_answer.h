// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace threadline::server {

/// What an ingress endpoint answers over HTTP, independent of the HTTP server.
/// Errors are JSON {"error": {"code", "message"}} with a stable code (docs/ingress.md).
struct IngressAnswer {
    int status = 200;
    QByteArray contentType;
    QByteArray body;

    static IngressAnswer json(int status, const QJsonObject &object);
    static IngressAnswer error(int status, const QString &code, const QString &message);
    /// Twilio's "do nothing": an empty TwiML document.
    static IngressAnswer emptyTwiml();
};

} // namespace threadline::server
