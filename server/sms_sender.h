// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/outbound_settings.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

namespace threadline::server {

/// What the SMS API said about one message.
struct SmsOutcome {
    bool ok = false;
    bool permanent = false; ///< 4xx: the same request will be refused again
    QString sid;            ///< the provider's id (MessageSid), when accepted
    QString status;         ///< the provider's status word, e.g. "queued"
    QString reason;         ///< why it failed, for the agent
};

/// Hands SMS to a Twilio-compatible REST API: POST
/// {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From, Body and
/// StatusCallback, HTTP basic auth AccountSid:AuthToken. Asynchronous on the hub's thread.
class SmsSender : public QObject {
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 30'000;

    SmsSender(SmsProviderSettings settings, QObject *parent = nullptr);

    /// Calls `done` once with the outcome (on this object's thread).
    void send(const QString &to, const QString &body, const QUrl &statusCallback,
              std::function<void(const SmsOutcome &)> done);

    /// The outcome of an API answer (status code, JSON body), for tests and send().
    static SmsOutcome outcomeOf(int httpStatus, const QByteArray &body);

private:
    SmsProviderSettings m_settings;
    QNetworkAccessManager m_network;
};

} // namespace threadline::server
