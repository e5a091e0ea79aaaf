// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace threadline::testing {

/// A file a customer attaches to a mail.
struct MailAttachment {
    QByteArray name;
    QByteArray bytes;
    QByteArray type = "application/pdf";
};

/// Bytes that look like a PDF of @p size bytes; another @p seed gives other bytes.
inline QByteArray pdfLike(int size, int seed = 0)
{
    QByteArray bytes("%PDF-1.4\n");
    bytes.reserve(size);
    for (int i = 0; bytes.size() < size; ++i)
        bytes += char((i * 7 + seed) % 251);
    return bytes;
}

/// Maryam's mail "Papers" to the shop as a mail server hands it over (RFC 822, for
/// /ingress/email): a text part ("Attached."), an HTML one when @p html is not empty,
/// then the attachments in order, base64.
inline QByteArray customerMail(const QByteArray &messageId, const QList<MailAttachment> &files,
                               const QByteArray &html = {})
{
    QByteArray body = "From: Maryam Karimi <maryam.karimi@example.ir>\r\nTo: shop@example.ir\r\n"
                      "Subject: Papers\r\nMessage-ID: <" + messageId + "@example.ir>\r\n"
                      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n";
    const QByteArray text = "Content-Type: text/plain; charset=utf-8\r\n\r\nAttached.\r\n";
    if (html.isEmpty())
        body += "--b\r\n" + text;
    else
        body += "--b\r\nContent-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\n" + text +
                "--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--a--\r\n";
    for (const MailAttachment &f : files)
        body += "--b\r\nContent-Type: " + f.type + "\r\nContent-Transfer-Encoding: base64\r\n"
                "Content-Disposition: attachment; filename=\"" + f.name + "\"\r\n\r\n" +
                f.bytes.toBase64() + "\r\n";
    return body + "--b--\r\n";
}

} // namespace threadline::testing
