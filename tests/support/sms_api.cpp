// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/sms_api.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <memory>

namespace threadline::testing {
namespace {

/// One request to the API, waited for in a local loop (tests only; loopback, short).
QByteArray fetch(const QUrl &url, const QByteArray *postBody)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = postBody ? network.post(request, *postBody) : network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
}

} // namespace

SmsApi::~SmsApi()
{
    stop();
}

bool SmsApi::start(double callbackDelaySeconds, double answerDelaySeconds)
{
    QFile token(m_dir.filePath(QStringLiteral("sms-token")));
    if (!token.open(QIODevice::WriteOnly))
        return false;
    token.write("fault-test-sms-token\n");
    token.close();
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral(THREADLINE_SOURCE_DIR "/scripts/sms_api.py"),
                     QStringLiteral("0"), QStringLiteral("--token"), token.fileName(),
                     QStringLiteral("--callback-delay"), QString::number(callbackDelaySeconds),
                     QStringLiteral("--answer-delay"), QString::number(answerDelaySeconds)});
    if (!m_process.waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        if (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            if (line.startsWith("sms api listening on ")) {
                m_port = quint16(line.mid(21).toUInt());
                return m_port != 0;
            }
            continue;
        }
        m_process.waitForReadyRead(200);
    }
    return false;
}

void SmsApi::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

QStringList SmsApi::hubArguments() const
{
    return {QStringLiteral("--sms-api-url"), QStringLiteral("http://127.0.0.1:%1").arg(m_port),
            QStringLiteral("--sms-account-sid"), QString::fromLatin1(kAccountSid),
            QStringLiteral("--sms-auth-token-file"), m_dir.filePath(QStringLiteral("sms-token")),
            QStringLiteral("--sms-from"), QString::fromLatin1(kFrom)};
}

QJsonArray SmsApi::messages() const
{
    const QByteArray body =
        fetch(QUrl(QStringLiteral("http://127.0.0.1:%1/test/messages").arg(m_port)), nullptr);
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("messages")).toArray();
}

int SmsApi::countWithBody(const QString &body) const
{
    int n = 0;
    for (const QJsonValue &m : messages())
        if (m.toObject().value(QStringLiteral("body")).toString() == body)
            ++n;
    return n;
}

bool SmsApi::setMode(const QString &mode) const
{
    const QByteArray form = "mode=" + mode.toUtf8();
    return !fetch(QUrl(QStringLiteral("http://127.0.0.1:%1/test/mode").arg(m_port)), &form)
                .isEmpty();
}

} // namespace threadline::testing
