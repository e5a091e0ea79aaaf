// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace threadline::server {

/// A form-encoded request body, in the order sent ('+' is a space, %XX decoded, UTF-8).
using FormFields = QList<QPair<QString, QString>>;
FormFields parseForm(const QByteArray &body);
QString formValue(const FormFields &form, const QString &name);

/// Twilio's request signature (X-Twilio-Signature): base64 of HMAC-SHA1, keyed with the
/// auth token, over the full URL followed by every POST parameter sorted by name (and by
/// value for repeated names, duplicates once) as name then value.
namespace twilio_signature {
QByteArray compute(const QByteArray &authToken, const QString &url, const FormFields &params);
/// Accepts the URL as given, and as Twilio's own validators do, also with the scheme's
/// default port added or an explicit port removed. Compares in constant time.
bool verify(const QByteArray &authToken, const QString &url, const FormFields &params,
            const QByteArray &signature);
} // namespace twilio_signature

} // namespace threadline::server
