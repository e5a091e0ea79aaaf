// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sms_sender.h"

#include <QJsonArray>
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

/// Calls `done` with `read(status, body)` of the API's answer, or with a `Result` whose
/// reason says the provider could not be reached (no HTTP answer at all).
template <typename Result>
void whenAnswered(QNetworkReply *reply, QObject *context,
                  std::function<void(const Result &)> done,
                  Result (*read)(int httpStatus, const QByteArray &body))
{
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done), read] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            Result out;
            out.reason = QStringLiteral("cannot reach the SMS provider (%1)").arg(reply->errorString());
            done(out);
            return;
        }
        done(read(status.toInt(), reply->readAll()));
    });
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

QNetworkRequest SmsSender::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization",
                         "Basic " + QByteArray(m_settings.accountSid.toUtf8() + ':' +
                                               m_settings.authToken)
                                        .toBase64());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(kTimeoutMs);
    return request;
}

QUrl SmsSender::messagesUrl() const
{
    return QUrl(m_settings.baseUrl + QStringLiteral("/2010-04-01/Accounts/") +
                QString::fromLatin1(QUrl::toPercentEncoding(m_settings.accountSid)) +
                QStringLiteral("/Messages.json"));
}

void SmsSender::send(const QString &to, const QString &body, const QUrl &statusCallback,
                     std::function<void(const SmsOutcome &)> done)
{
    QNetworkRequest request = this->request(messagesUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QList<std::pair<QString, QString>> fields{
        {QStringLiteral("To"), to}, {QStringLiteral("From"), m_settings.from},
        {QStringLiteral("Body"), body}};
    if (statusCallback.isValid())
        fields.append({QStringLiteral("StatusCallback"), statusCallback.toString()});
    whenAnswered(m_network.post(request, formEncoded(fields)), this, std::move(done), &outcomeOf);
}

SmsLookup SmsSender::lookupOf(int httpStatus, const QByteArray &body)
{
    SmsLookup out;
    if (httpStatus < 200 || httpStatus >= 300) {
        out.reason = QStringLiteral("the SMS provider's message list answered HTTP %1").arg(httpStatus);
        return out;
    }
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    const QJsonValue messages = json.object().value(QLatin1String("messages"));
    if (error.error != QJsonParseError::NoError || !messages.isArray()) {
        out.reason = QStringLiteral("the SMS provider's message list is not readable");
        return out;
    }
    out.answered = true;
    for (const QJsonValue &v : messages.toArray()) {
        const QJsonObject m = v.toObject();
        SmsListed listed;
        listed.sid = m.value(QLatin1String("sid")).toString().trimmed();
        listed.status = m.value(QLatin1String("status")).toString().trimmed().toLower();
        listed.body = m.value(QLatin1String("body")).toString();
        // Twilio writes dates as RFC 2822: "Wed, 25 Nov 2026 17:00:00 +0000".
        listed.created = QDateTime::fromString(m.value(QLatin1String("date_created")).toString(),
                                               Qt::RFC2822Date);
        if (!listed.sid.isEmpty() && listed.sid.size() <= 64)
            out.messages.append(listed);
    }
    return out;
}

void SmsSender::listSentTo(const QString &to, std::function<void(const SmsLookup &)> done)
{
    QUrl url = messagesUrl();
    // Percent-encoded by hand: QUrlQuery leaves the '+' of an E.164 number as it is, and
    // the server reads it as a space.
    url.setQuery(QString::fromLatin1(formEncoded({{QStringLiteral("To"), to},
                                                  {QStringLiteral("From"), m_settings.from},
                                                  {QStringLiteral("PageSize"), QStringLiteral("50")}})),
                 QUrl::StrictMode);
    whenAnswered(m_network.get(request(url)), this, std::move(done), &lookupOf);
}

} // namespace threadline::server
