// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/http_post.h"

#include "tests/support/hub_process.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrlQuery>

namespace threadline::testing {

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpReply::errorCode() const
{
    return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

HttpReply httpPost(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                   const HttpHeaders &headers, int timeoutMs)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    std::unique_ptr<QNetworkReply> reply(manager.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    HttpReply out;
    if (!reply->isFinished() && !finished.wait(timeoutMs))
        return out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    out.body = reply->readAll();
    return out;
}

QUrl hubHttpUrl(const HubProcess &hub, const QString &pathAndQuery)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(hub.port()).arg(pathAndQuery));
}

HttpReply postInboundSms(const HubProcess &hub, const QString &sid, const QString &from,
                         const QString &body)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("MessageSid"), sid);
    form.addQueryItem(QStringLiteral("From"), from);
    form.addQueryItem(QStringLiteral("To"), QStringLiteral("+982191000000"));
    form.addQueryItem(QStringLiteral("Body"), body);
    return httpPost(hubHttpUrl(hub, QStringLiteral("/ingress/sms/twilio")),
                    form.toString(QUrl::FullyEncoded).toUtf8(),
                    QByteArrayLiteral("application/x-www-form-urlencoded"));
}

QByteArray testData(const QString &relativePath)
{
    QFile f(QStringLiteral(THREADLINE_TESTS_DATA_DIR "/") + relativePath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace threadline::testing
