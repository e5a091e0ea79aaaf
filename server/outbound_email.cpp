// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/outbound_email.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace threadline::server {
namespace {

struct ObjectUnref {
    void operator()(gpointer p) const
    {
        if (p)
            g_object_unref(p);
    }
};
template <typename T> using GPtr = std::unique_ptr<T, ObjectUnref>;

void initGMime()
{
    // g_mime_init counts its callers, so the parser's own call does no harm.
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

QByteArray bracketed(const QString &id)
{
    return '<' + id.toUtf8() + '>';
}

} // namespace

QString replySubject(const QString &subject)
{
    static const QRegularExpression already(QStringLiteral("^\\s*(re|aw|sv)\\s*:"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = subject.trimmed();
    if (already.match(trimmed).hasMatch())
        return trimmed;
    return QStringLiteral("Re: ") + trimmed;
}

QString newMessageId(const QString &fromAddress)
{
    const qsizetype at = fromAddress.lastIndexOf(QLatin1Char('@'));
    const QString domain =
        at > 0 && at + 1 < fromAddress.size() ? fromAddress.mid(at + 1) : QStringLiteral("threadline.invalid");
    const quint64 random = QRandomGenerator::global()->generate64();
    return QStringLiteral("threadline.%1.%2@%3")
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(random, 16, 16, QLatin1Char('0'))
        .arg(domain);
}

QByteArray composeEmail(const OutboundEmail &email)
{
    initGMime();
    GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM,
                               email.fromName.toUtf8().constData(),
                               email.fromAddress.toUtf8().constData());
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO,
                               email.toName.toUtf8().constData(),
                               email.toAddress.toUtf8().constData());
    g_mime_message_set_subject(message.get(), email.subject.toUtf8().constData(), "utf-8");
    g_mime_message_set_message_id(message.get(), email.messageId.toUtf8().constData());
    GDateTime *date = g_date_time_new_from_unix_utc(email.date.toSecsSinceEpoch());
    g_mime_message_set_date(message.get(), date);
    g_date_time_unref(date);
    auto *object = GMIME_OBJECT(message.get());
    if (!email.inReplyTo.isEmpty())
        g_mime_object_set_header(object, "In-Reply-To", bracketed(email.inReplyTo).constData(),
                                 nullptr);
    if (!email.references.isEmpty()) {
        QByteArray refs;
        for (const QString &id : email.references)
            refs += (refs.isEmpty() ? "" : " ") + bracketed(id);
        g_mime_object_set_header(object, "References", refs.constData(), nullptr);
    }

    GPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
    g_mime_text_part_set_text(part.get(), email.body.toUtf8().constData());
    g_mime_text_part_set_charset(part.get(), "utf-8");
    // Quoted-printable or base64, whichever GMime finds fits: any mail server relays 7 bits.
    g_mime_object_encode(GMIME_OBJECT(part.get()), GMIME_ENCODING_CONSTRAINT_7BIT);
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(part.get()));

    GMimeFormatOptions *format = g_mime_format_options_clone(nullptr);
    g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_UNIX);
    char *text = g_mime_object_to_string(object, format);
    g_mime_format_options_free(format);
    const QByteArray out(text);
    g_free(text);
    return out;
}

} // namespace threadline::server
