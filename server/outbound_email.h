// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace threadline::server {

/// One reply by email, as the hub writes it.
struct OutboundEmail {
    QString fromAddress;
    QString fromName;      ///< e.g. the shop's name; may be empty
    QString toAddress;
    QString toName;        ///< the customer's name; may be empty
    QString subject;       ///< "Re: " is added when replying and missing
    QString body;          ///< plain text, any script
    QString messageId;     ///< without angle brackets
    QString inReplyTo;     ///< the customer's Message-ID we answer; may be empty
    QStringList references; ///< oldest first, without angle brackets
    QDateTime date;
};

/// The subject of a reply: `subject` with "Re: " in front unless it already has one.
QString replySubject(const QString &subject);

/// A fresh Message-ID (without angle brackets) in the From address's domain.
QString newMessageId(const QString &fromAddress);

/// A complete RFC 5322 message written by GMime: UTF-8 headers encoded per RFC 2047,
/// a text/plain; charset=utf-8 body in a 7-bit transfer encoding, Message-ID, Date,
/// In-Reply-To and References. Line ends are LF (SmtpClient::dataBlock makes them CRLF).
QByteArray composeEmail(const OutboundEmail &email);

} // namespace threadline::server
