// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace threadline::testing {

class HubProcess;

/// An HTTP answer as a test sees it.
struct HttpReply {
    int status = 0; ///< 0 when no answer came
    QByteArray contentType;
    QByteArray body;
    QJsonObject json() const;
    /// error.code of a JSON error body, or empty.
    QString errorCode() const;
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// POSTs `body` and waits (QSignalSpy) for the answer.
HttpReply httpPost(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                   const HttpHeaders &headers = {}, int timeoutMs = 30000);

/// http://127.0.0.1:PORT/path of a running hub.
QUrl hubHttpUrl(const HubProcess &hub, const QString &pathAndQuery);

/// A customer texting the hub from `from` (E.164) through its Twilio webhook, as Twilio
/// would post it (`sid`: the MessageSid, unique per text).
HttpReply postInboundSms(const HubProcess &hub, const QString &sid, const QString &from,
                         const QString &body);

/// A file below tests/data, whole.
QByteArray testData(const QString &relativePath);

} // namespace threadline::testing
