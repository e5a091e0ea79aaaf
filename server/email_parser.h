// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <variant>

namespace threadline::server {

/// An attachment of a parsed email, its transfer encoding undone.
struct EmailAttachment {
    QString name;        ///< the file name given, or "attachment-N"
    QString contentType; ///< lower case, e.g. "application/pdf"
    QByteArray data;
};

/// What the hub keeps of one RFC 5322 message. All text is UTF-8 whatever the charsets.
struct ParsedEmail {
    QString messageId;      ///< without angle brackets; empty when the mail has none
    QString inReplyTo;      ///< the first id of In-Reply-To, without angle brackets
    QStringList references; ///< References, oldest first, without angle brackets
    QString fromName;       ///< display name (RFC 2047 decoded), may be empty
    QString fromAddress;    ///< as written (the caller normalises)
    QString subject;
    QString text;          ///< the body as text: text/plain preferred, else HTML as text
    bool fromHtml = false; ///< text was converted from HTML
    QString html;          ///< the text/html part as sent (untrusted; see html_sanitiser.h)
    bool autoReply =
        false; ///< Auto-Submitted (not "no"), X-Autoreply, X-Autorespond, Precedence auto_reply
    QList<EmailAttachment> attachments;
};

struct EmailParseError {
    QString message;
};

/// Parses a raw message with GMime 3.0. Never throws; input GMime cannot make a message
/// of, or one without a From address, is an error. Self-contained (no hub types) so it
/// can be fuzzed on its own.
std::variant<ParsedEmail, EmailParseError> parseEmail(const QByteArray &raw);

} // namespace threadline::server
