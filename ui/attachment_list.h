// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

#include <QList>
#include <QLocale>
#include <QString>

namespace threadline::ui {

/// One attachment of an email as the hub listed it (meta.attachments).
struct AttachmentRow {
    int index = 0;
    QString name; ///< untrusted: draw through displayName(), save under fileName()
    QString type;
    qint64 size = 0;
};

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

/// The lines an email card shows under its text, in order (attachments, then original
/// formatting). Empty for anything but an email.
QList<EmailExtraLine> emailExtraLines(const models::Message &m, const QLocale &locale);

} // namespace threadline::ui
