// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/outbound_settings.h"

#include <QDateTime>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
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

/// One message in the provider's list (Twilio's Message resource).
struct SmsListed {
    QString sid;
    QString status; ///< the provider's word, e.g. "delivered"
    QString body;
    QDateTime created; ///< date_created; invalid when the provider left it out
};

/// What the provider's message list said: `answered` false when it could not be asked.
struct SmsLookup {
    bool answered = false;
    QString reason; ///< why it could not be asked
    QList<SmsListed> messages; ///< newest first, as the API lists them
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

    /// Asks for the newest messages from our number to `to` (GET Messages.json?To=&From=,
    /// one page): after a try whose answer never arrived, whether the provider took it.
    void listSentTo(const QString &to, std::function<void(const SmsLookup &)> done);
    /// The lookup of a list answer (status code, JSON body), for tests and listSentTo().
    static SmsLookup lookupOf(int httpStatus, const QByteArray &body);

private:
    QNetworkRequest request(const QUrl &url) const;
    QUrl messagesUrl() const;

    SmsProviderSettings m_settings;
    QNetworkAccessManager m_network;
};

} // namespace threadline::server
