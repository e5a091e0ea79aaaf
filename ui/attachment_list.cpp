// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/attachment_list.h"

#include "services/text/safe_text.h"

#include <QCoreApplication>
#include <QHash>

namespace threadline::ui {

QList<AttachmentRow> attachmentsOf(const models::Message &m)
{
    return models::emailAttachments(m);
}

bool hasOriginalFormatting(const models::Message &m)
{
    return models::hasHtmlPart(m);
}

namespace offline_parts {
namespace {
struct State {
    bool online = true;
    QHash<qint64, QList<int>> kept; ///< message id → parts in the cache
};
State &state()
{
    static State s;
    return s;
}
} // namespace

void setOnline(bool online)
{
    state().online = online;
}

bool online()
{
    return state().online;
}

void setKept(qint64 messageId, const QList<int> &parts)
{
    if (parts.isEmpty())
        state().kept.remove(messageId);
    else
        state().kept.insert(messageId, parts);
}

bool kept(qint64 messageId, int part)
{
    return state().kept.value(messageId).contains(part);
}

bool available(qint64 messageId, int part)
{
    return online() || kept(messageId, part);
}
} // namespace offline_parts

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
    // Said on the line, not after a click: offline, what was not kept cannot be had.
    const auto unlessOffline = [&m](const QString &line, int part) {
        return offline_parts::available(m.id, part)
                   ? line
                   : QCoreApplication::translate("Timeline", "%1 (needs a connection to the hub)",
                                                 "an attachment line while offline")
                         .arg(line);
    };
    for (const AttachmentRow &a : attachmentsOf(m))
        lines.append({unlessOffline(attachmentLine(a, locale), a.index),
                      email_extras::attachmentScheme + QString::number(a.index)});
    if (hasOriginalFormatting(m))
        lines.append({unlessOffline(QStringLiteral("🗎 ") + QCoreApplication::translate(
                                                              "Timeline", "Show original formatting"),
                                    offline_parts::html),
                      email_extras::originalFormatting});
    return lines;
}

} // namespace threadline::ui
