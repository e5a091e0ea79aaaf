// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/email_attachments.h"
#include "models/message.h"

#include <QList>
#include <QLocale>
#include <QString>

namespace threadline::ui {

/// One attachment of an email as the hub listed it (meta.attachments).
using AttachmentRow = models::EmailAttachment;

/// A line under an email card's text that does something when clicked: an attachment
/// to save, or "Show original formatting". `target` is what TimelineView recognises.
struct EmailExtraLine {
    QString text;
    QString target;
};

namespace email_extras {
inline const QString attachmentScheme = QStringLiteral("threadline-attachment:");
inline const QString originalFormatting = QStringLiteral("threadline-original-formatting:");
} // namespace email_extras

QList<AttachmentRow> attachmentsOf(const models::Message &m);
/// Whether the hub has the email's HTML part (message.html).
bool hasOriginalFormatting(const models::Message &m);

/// A symbol for the kind of file, so a picture, a document and an archive look apart.
QString attachmentSymbol(const QString &contentType);
/// "📄 invoice.pdf — 47 KB": the name isolated and stripped of bidi controls, so a
/// U+202E cannot make "invoice<U+202E>fdp.exe" look like a PDF; the size in the locale's digits.
QString attachmentLine(const AttachmentRow &a, const QLocale &locale);
/// A name safe to offer in a save dialog: no bidi controls, no path separators, no
/// control characters, no leading dots; "attachment" when nothing is left.
QString safeFileName(const QString &untrusted);

/// What this desktop can give without the hub, as the service thread last said (GUI
/// thread only). While online everything can be fetched; offline only what the
/// encrypted cache kept, and the other lines say they need a connection before anyone
/// clicks them.
namespace offline_parts {
/// The part number of an email's original formatting (attachments are 0, 1, …).
inline constexpr int html = -1;
void setOnline(bool online);
bool online();
/// Replaces what is known to be kept of the message's parts.
void setKept(qint64 messageId, const QList<int> &parts);
bool kept(qint64 messageId, int part);
/// Whether the part can be had now: online, or kept.
bool available(qint64 messageId, int part);
} // namespace offline_parts

/// The lines an email card shows under its text, in order (attachments, then original
/// formatting). Empty for anything but an email.
QList<EmailExtraLine> emailExtraLines(const models::Message &m, const QLocale &locale);

} // namespace threadline::ui
