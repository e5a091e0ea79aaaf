// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ingress_answer.h"

#include <QJsonDocument>

namespace threadline::server {

IngressAnswer IngressAnswer::json(int status, const QJsonObject &object)
{
    return IngressAnswer{status, QByteArrayLiteral("application/json"),
                         QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

IngressAnswer IngressAnswer::error(int status, const QString &code, const QString &message)
{
    return json(status, QJsonObject{{QLatin1String("error"),
                                     QJsonObject{{QLatin1String("code"), code},
                                                 {QLatin1String("message"), message}}}});
}

IngressAnswer IngressAnswer::emptyTwiml()
{
    return IngressAnswer{
        200, QByteArrayLiteral("text/xml; charset=utf-8"),
        QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>")};
}

} // namespace threadline::server
