// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/email_parser.h"

#include "server/html_text.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace threadline::server {
namespace {

// GObject and g_free ownership, released on every path.
struct ObjectUnref {
    void operator()(gpointer p) const
    {
        if (p)
            g_object_unref(p);
    }
};
template <typename T> using GPtr = std::unique_ptr<T, ObjectUnref>;

struct GFree {
    void operator()(gpointer p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFree>;

QString fromUtf8(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

QString header(GMimeObject *object, const char *name)
{
    return fromUtf8(g_mime_object_get_header(object, name)).trimmed();
}

QStringList messageIds(GMimeParserOptions *options, const QString &value)
{
    QStringList ids;
    if (value.isEmpty())
        return ids;
    const QByteArray utf8 = value.toUtf8();
    GMimeReferences *refs = g_mime_references_parse(options, utf8.constData());
    if (!refs)
        return ids;
    for (int i = 0; i < g_mime_references_length(refs); ++i)
        ids.append(fromUtf8(g_mime_references_get_message_id(refs, i)));
    g_mime_references_free(refs);
    return ids;
}

QByteArray partBytes(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    GPtr<GMimeStream> out(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, out.get());
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return bytes ? QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len))
                 : QByteArray();
}

QString mimeType(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type)
        return QStringLiteral("application/octet-stream");
    GString_ text(g_mime_content_type_get_mime_type(type));
    return fromUtf8(text.get()).toLower();
}

// Text of a text part in UTF-8. GMime converts from the declared charset; when the
// charset is unknown or lies, bytes that are not UTF-8 are read as windows-1252-ish
// Latin-1 rather than dropped.
QString partText(GMimePart *part)
{
    if (GMIME_IS_TEXT_PART(part)) {
        GString_ text(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
        if (text) {
            const QByteArray bytes(text.get());
            if (g_utf8_validate(bytes.constData(), bytes.size(), nullptr))
                return QString::fromUtf8(bytes);
            return QString::fromLatin1(bytes);
        }
    }
    const QByteArray bytes = partBytes(part);
    if (g_utf8_validate(bytes.constData(), bytes.size(), nullptr))
        return QString::fromUtf8(bytes);
    return QString::fromLatin1(bytes);
}

struct Walk {
    GMimePart *plain = nullptr;
    GMimePart *html = nullptr;
    QList<EmailAttachment> attachments;
    int depth = 0;
};

void addAttachment(Walk &w, GMimeObject *object, QByteArray data)
{
    EmailAttachment a;
    a.contentType = mimeType(object);
    if (GMIME_IS_PART(object)) {
        a.name = fromUtf8(g_mime_part_get_filename(GMIME_PART(object)));
    } else if (GMimeContentDisposition *disposition =
                   g_mime_object_get_content_disposition(object)) {
        // A forwarded message (message/rfc822) is not a GMimePart but may still be named.
        a.name = fromUtf8(g_mime_content_disposition_get_parameter(disposition, "filename"));
    }
    if (a.name.isEmpty())
        a.name = QStringLiteral("attachment-%1").arg(w.attachments.size() + 1);
    a.data = std::move(data);
    w.attachments.append(std::move(a));
}

void walk(Walk &w, GMimeObject *object)
{
    if (!object || w.depth > 32)
        return;
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        ++w.depth;
        for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
            walk(w, g_mime_multipart_get_part(multipart, i));
        --w.depth;
        return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
        // A forwarded or bounced message: listed as an attachment, bytes as sent.
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        QByteArray bytes;
        if (inner) {
            GString_ text(g_mime_object_to_string(GMIME_OBJECT(inner), nullptr));
            bytes = QByteArray(text.get());
        }
        addAttachment(w, object, bytes);
        return;
    }
    if (!GMIME_IS_PART(object))
        return;
    GMimePart *part = GMIME_PART(object);
    const QString type = mimeType(object);
    const bool attachment = g_mime_part_is_attachment(part);
    if (!attachment && type == QLatin1String("text/plain") && !w.plain) {
        w.plain = part;
        return;
    }
    if (!attachment && type == QLatin1String("text/html") && !w.html) {
        w.html = part;
        return;
    }
    addAttachment(w, object, partBytes(part));
}

bool isAutoReply(GMimeObject *message)
{
    const QString submitted = header(message, "Auto-Submitted").toLower();
    const QString firstToken = submitted.section(u';', 0, 0).trimmed();
    if (!firstToken.isEmpty() && firstToken != QLatin1String("no"))
        return true;
    const QString autoreply = header(message, "X-Autoreply").toLower();
    if (!autoreply.isEmpty() && autoreply != QLatin1String("no"))
        return true;
    if (!header(message, "X-Autorespond").isEmpty())
        return true;
    return header(message, "Precedence").toLower() == QLatin1String("auto_reply");
}

} // namespace

std::variant<ParsedEmail, EmailParseError> parseEmail(const QByteArray &raw)
{
    initGMime();
    if (raw.trimmed().isEmpty())
        return EmailParseError{QStringLiteral("the message is empty")};

    GMimeParserOptions *options = g_mime_parser_options_new();
    // Raw 8-bit headers in no declared charset: UTF-8 first, then what Persian and Arabic
    // mail clients used before it, then Latin-1 (which always succeeds).
    const char *fallback[] = {"utf-8", "windows-1256", "iso-8859-1", nullptr};
    g_mime_parser_options_set_fallback_charsets(options, fallback);
    struct OptionsFree {
        void operator()(GMimeParserOptions *o) const { g_mime_parser_options_free(o); }
    };
    const std::unique_ptr<GMimeParserOptions, OptionsFree> optionsOwner(options);

    GPtr<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
    if (!message)
        return EmailParseError{QStringLiteral("not an RFC 5322 message")};
    GMimeObject *object = GMIME_OBJECT(message.get());

    ParsedEmail out;
    InternetAddressList *from = g_mime_message_get_from(message.get());
    for (int i = 0; from && i < internet_address_list_length(from) && out.fromAddress.isEmpty();
         ++i) {
        InternetAddress *address = internet_address_list_get_address(from, i);
        if (!INTERNET_ADDRESS_IS_MAILBOX(address))
            continue;
        out.fromAddress =
            fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
        out.fromName = fromUtf8(internet_address_get_name(address)).trimmed();
    }
    if (out.fromAddress.isEmpty() || !out.fromAddress.contains(u'@'))
        return EmailParseError{QStringLiteral("the message has no From address")};

    out.subject = fromUtf8(g_mime_message_get_subject(message.get())).trimmed();
    out.messageId = fromUtf8(g_mime_message_get_message_id(message.get())).trimmed();
    const QStringList inReplyTo = messageIds(options, header(object, "In-Reply-To"));
    out.inReplyTo = inReplyTo.value(0);
    out.references = messageIds(options, header(object, "References"));
    out.autoReply = isAutoReply(object);

    Walk w;
    walk(w, g_mime_message_get_mime_part(message.get()));
    if (w.html)
        out.html = partText(w.html);
    if (w.plain) {
        out.text = partText(w.plain);
    } else if (w.html) {
        out.text = htmlToText(out.html);
        out.fromHtml = true;
    }
    out.text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    out.attachments = std::move(w.attachments);
    return out;
}

} // namespace threadline::server
