// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/attachment_list.h"

#include "services/text/safe_text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace threadline::ui {

QList<AttachmentRow> attachmentsOf(const models::Message &m)
{
    QList<AttachmentRow> rows;
    if (m.channel != QLatin1String("email"))
        return rows;
    const QJsonArray listed = m.meta.value(QStringLiteral("attachments")).toArray();
    for (qsizetype i = 0; i < listed.size(); ++i) {
        const QJsonObject a = listed.at(i).toObject();
        AttachmentRow row;
        // Older hubs listed no index: the position is the same thing.
        row.index = a.value(QStringLiteral("index")).toInt(int(i));
        row.name = a.value(QStringLiteral("name")).toString();
        row.type = a.value(QStringLiteral("type")).toString();
        row.size = a.value(QStringLiteral("size")).toInteger();
        rows.append(row);
    }
    return rows;
}

bool hasOriginalFormatting(const models::Message &m)
{
    return m.channel == QLatin1String("email") && m.id > 0 &&
           m.meta.value(QStringLiteral("html")).toBool();
}

QString attachmentSymbol(const QString &contentType)
{
    const QString type = contentType.toLower();
    if (type.startsWith(QLatin1String("image/")))
        return QStringLiteral("🖼");
    if (type.startsWith(QLatin1String("audio/")))
        return QStringLiteral("🎵");
    if (type.startsWith(QLatin1String("video/")))
        return QStringLiteral("🎬");
    if (type.startsWith(QLatin1String("message/")))
        return QStringLiteral("✉");
    if (type.contains(QLatin1String("zip")) || type.contains(QLatin1String("compressed")) ||
        type.contains(QLatin1String("tar")) || type.contains(QLatin1String("rar")))
        return QStringLiteral("🗜");
    if (type == QLatin1String("application/pdf") || type.startsWith(QLatin1String("text/")) ||
        type.contains(QLatin1String("document")) || type.contains(QLatin1String("msword")) ||
        type.contains(QLatin1String("sheet")) || type.contains(QLatin1String("excel")))
        return QStringLiteral("📄");
    return QStringLiteral("📎");
}

QString attachmentLine(const AttachmentRow &a, const QLocale &locale)
{
    return attachmentSymbol(a.type) + QLatin1Char(' ') + text::displayFileName(a.name) +
           QStringLiteral(" — ") + locale.formattedDataSize(a.size);
}

QString safeFileName(const QString &untrusted)
{
    QString name = text::neutraliseBidiStrict(untrusted);
    QString out;
    out.reserve(name.size());
    for (const QChar c : std::as_const(name)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == u'/' || c == u'\\' || c == u':')
            out += u'_';
        else
            out += c;
    }
    while (out.startsWith(u'.') || out.startsWith(u' '))
        out.remove(0, 1);
    out = out.trimmed().left(200);
    return out.isEmpty() ? QStringLiteral("attachment") : out;
}

QList<EmailExtraLine> emailExtraLines(const models::Message &m, const QLocale &locale)
{
    QList<EmailExtraLine> lines;
    if (m.id <= 0)
        return lines; // a local echo: the hub has nothing to give yet
    for (const AttachmentRow &a : attachmentsOf(m))
        lines.append({attachmentLine(a, locale),
                      email_extras::attachmentScheme + QString::number(a.index)});
    if (hasOriginalFormatting(m))
        lines.append({QStringLiteral("🗎 ") +
                          QCoreApplication::translate("Timeline", "Show original formatting"),
                      email_extras::originalFormatting});
    return lines;
}

} // namespace threadline::ui
