// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"
#include "server/ingress_store.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace threadline::server {

/// Reads what an email brought besides its text: its attachments, in the order the mail
/// listed them (the index desktops name them by), a slice of one's bytes at a time, and
/// the raw message its original formatting is taken from.
class AttachmentStore {
public:
    explicit AttachmentStore(HubStore &store) : m_store(store) {}

    QList<AttachmentRecord> ofMessage(qint64 messageId);
    /// Up to `length` bytes of the attachment from `offset` (SQL substr, so a large file is
    /// never read whole to answer one slice). Nothing when the read fails.
    std::optional<QByteArray> slice(qint64 attachmentId, qint64 offset, qint64 length);
    /// The raw RFC 5322 bytes an email item was made of; nothing when it has none.
    std::optional<QByteArray> rawEmail(qint64 messageId);

private:
    HubStore &m_store;
};

} // namespace threadline::server
