// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <variant>

namespace threadline::server {

/// What `threadline-hub` was asked to do, parsed and checked.
struct HubOptions {
    enum class Mode { Serve, UserAdd, CustomerFind, Help, Version };
    Mode mode = Mode::Serve;
    QString db;
    // serve
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;
    bool demo = false;
    double simulate = 0;
    QString logDir;
    QString publicUrl;           ///< --public-url: where Twilio sees the hub
    QString twilioAuthTokenFile; ///< --twilio-auth-token-file
    QString ingressSecretFile;   ///< --ingress-secret-file
    QString maildir;             ///< --maildir: a Maildir whose new/ the hub takes email from
    QString tlsCertificateFile;  ///< --tls-cert: PEM certificate (chain); serve https/wss
    QString tlsKeyFile;          ///< --tls-key: its PEM private key
    // outbound delivery (docs/outbound.md); secrets are read from files
    QString smsApiUrl;           ///< --sms-api-url: Twilio-compatible API base URL
    QString smsAccountSid;       ///< --sms-account-sid
    QString smsAuthTokenFile;    ///< --sms-auth-token-file
    QString smsFrom;             ///< --sms-from: the sending number
    QString smtpHost;            ///< --smtp-host
    quint16 smtpPort = 0;        ///< --smtp-port (0: 587 with STARTTLS, else 25)
    bool smtpStartTls = false;   ///< --smtp-starttls
    QString smtpUser;            ///< --smtp-user
    QString smtpPasswordFile;    ///< --smtp-password-file
    QString smtpFrom;            ///< --smtp-from: From address and envelope sender
    QString smtpCaFile;          ///< --smtp-ca-file: PEM CAs trusted for STARTTLS
    int outboundAttempts = 6;    ///< --outbound-attempts
    double outboundRetrySeconds = 30; ///< --outbound-retry-seconds: first wait, doubles
    double outboundLeaseSeconds = 60; ///< --outbound-lease-seconds: a hub's hold on a reply
    /// --ping-seconds: how often the hub pings each connection; one that has not answered
    /// (nor sent anything) by the next ping is dropped. 0: never.
    double pingSeconds = 30;
    // user add
    QString userName;
    QString role;
    QString passwordFile;
    // customer find
    QString identity;
    QString region = QStringLiteral("IR");
};

/// A sentence for stderr; the process exits with code 2.
struct UsageError {
    QString message;
};

std::variant<HubOptions, UsageError> parseCommandLine(const QStringList &arguments);
QString helpText();

} // namespace threadline::server
