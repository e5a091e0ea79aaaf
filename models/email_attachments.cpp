// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/email_attachments.h"

#include <QJsonArray>
#include <QJsonObject>

namespace threadline::models {

QList<EmailAttachment> emailAttachments(const Message &m)
{
    QList<EmailAttachment> rows;
    if (m.channel != QLatin1String("email"))
        return rows;
    const QJsonArray listed = m.meta.value(QStringLiteral("attachments")).toArray();
    for (qsizetype i = 0; i < listed.size(); ++i) {
        const QJsonObject a = listed.at(i).toObject();
        EmailAttachment row;
        // Older hubs listed no index: the position is the same thing.
        row.index = a.value(QStringLiteral("index")).toInt(int(i));
        row.name = a.value(QStringLiteral("name")).toString();
        row.type = a.value(QStringLiteral("type")).toString();
        row.size = a.value(QStringLiteral("size")).toInteger();
        rows.append(row);
    }
    return rows;
}

bool hasHtmlPart(const Message &m)
{
    return m.channel == QLatin1String("email") && m.id > 0 &&
           m.meta.value(QStringLiteral("html")).toBool();
}

} // namespace threadline::models
