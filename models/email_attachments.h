// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

#include <QList>
#include <QString>

namespace threadline::models {

/// One attachment of an email as the hub listed it (meta.attachments). Read the same
/// way by the card that lists it and by the service that keeps it for offline use.
struct EmailAttachment {
    int index = 0; ///< what attachment.get and the cache call it
    QString name;  ///< untrusted: drawn isolated, saved under a sanitised name
    QString type;
    qint64 size = 0;
};

/// The attachments of @p m; none for anything but an email.
QList<EmailAttachment> emailAttachments(const Message &m);
/// Whether the hub has the email's HTML part (message.html); never for a local echo.
bool hasHtmlPart(const Message &m);

} // namespace threadline::models
