// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace threadline::server {

/// A Twilio-compatible SMS API (docs/outbound.md). Empty baseUrl: no SMS provider.
struct SmsProviderSettings {
    QString baseUrl;      ///< e.g. https://api.twilio.com (no trailing slash)
    QString accountSid;   ///< HTTP basic auth user and part of the path
    QByteArray authToken; ///< HTTP basic auth password; never logged
    QString from;         ///< the sending number, E.164

    bool isConfigured() const { return !baseUrl.isEmpty(); }
};

/// An SMTP server replies are handed to. Empty host: no email provider.
struct SmtpSettings {
    QString host;
    quint16 port = 25;
    bool startTls = false; ///< require STARTTLS before AUTH and MAIL
    QString caFile;        ///< PEM certificates to trust for STARTTLS; empty: the system CAs
    QString user;          ///< empty: no AUTH
    QByteArray password;   ///< never logged
    QString from;          ///< the From address and envelope sender

    bool isConfigured() const { return !host.isEmpty(); }
};

/// How the hub hands replies on: providers, and how long it keeps trying.
struct OutboundSettings {
    SmsProviderSettings sms;
    SmtpSettings smtp;
    int attempts = 6;              ///< tries per message before it fails
    qint64 firstRetryMs = 30'000;  ///< wait after the first failed try; doubles each time
    qint64 longestRetryMs = 3'600'000;
    /// How long a hub's hold on a reply lasts without renewal (renewed every third of it);
    /// another hub on the same database takes the reply over only after it ran out.
    qint64 leaseMs = 60'000;
    /// What this hub calls itself in the outbound table's owner column: unique among the
    /// hubs running on one database, and the same again after a restart (docs/outbound.md).
    QString owner;
};

} // namespace threadline::server
