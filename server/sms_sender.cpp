// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sms_sender.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace threadline::server {
namespace {

QByteArray formEncoded(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace

SmsSender::SmsSender(SmsProviderSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{
}

SmsOutcome SmsSender::outcomeOf(int httpStatus, const QByteArray &body)
{
    SmsOutcome out;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (httpStatus >= 200 && httpStatus < 300) {
        out.sid = json.value(QLatin1String("sid")).toString().trimmed();
        out.status = json.value(QLatin1String("status")).toString().trimmed().toLower();
        if (out.sid.isEmpty() || out.sid.size() > 64) {
            // Accepted, but we cannot follow it; sending again could double it.
            out.permanent = true;
            out.reason = QStringLiteral("the SMS provider answered without a message sid");
            return out;
        }
        out.ok = true;
        return out;
    }
    // Twilio's error body: {"code": 21211, "message": "The 'To' number … is not valid.", …}
    const QString message = json.value(QLatin1String("message")).toString().simplified().left(200);
    const qint64 code = json.value(QLatin1String("code")).toInteger();
    out.permanent = httpStatus >= 400 && httpStatus < 500 && httpStatus != 429 && httpStatus != 408;
    out.reason = QStringLiteral("the SMS provider refused it (HTTP %1").arg(httpStatus);
    if (code != 0)
        out.reason += QStringLiteral(", error %1").arg(code);
    out.reason += QLatin1Char(')');
    if (!message.isEmpty())
        out.reason += QStringLiteral(": ") + message;
    return out;
}

void SmsSender::send(const QString &to, const QString &body, const QUrl &statusCallback,
                     std::function<void(const SmsOutcome &)> done)
{
    QUrl url(m_settings.baseUrl + QStringLiteral("/2010-04-01/Accounts/") +
             QString::fromLatin1(QUrl::toPercentEncoding(m_settings.accountSid)) +
             QStringLiteral("/Messages.json"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Authorization",
                         "Basic " + QByteArray(m_settings.accountSid.toUtf8() + ':' +
                                               m_settings.authToken)
                                        .toBase64());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(kTimeoutMs);
    QList<std::pair<QString, QString>> fields{
        {QStringLiteral("To"), to}, {QStringLiteral("From"), m_settings.from},
        {QStringLiteral("Body"), body}};
    if (statusCallback.isValid())
        fields.append({QStringLiteral("StatusCallback"), statusCallback.toString()});
    QNetworkReply *reply = m_network.post(request, formEncoded(fields));
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            SmsOutcome out;
            out.reason = QStringLiteral("cannot reach the SMS provider (%1)").arg(reply->errorString());
            done(out);
            return;
        }
        done(outcomeOf(status.toInt(), reply->readAll()));
    });
}

} // namespace threadline::server
