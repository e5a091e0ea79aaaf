// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>

namespace threadline::services {

class AttachmentSaver;
class SyncService;

/// How much of what emails bring is fetched ahead of time for offline use.
struct PrefetchLimits {
    qint64 perAttachment = 2 * 1024 * 1024; ///< larger ones only when saved
    qint64 total = 256LL * 1024 * 1024;      ///< everything kept in the profile; 0: no prefetch
};

/// Keeps small attachments and the original formatting of emails in the encrypted cache
/// before anyone asks, so "Save…" and "Show original formatting" work at once and
/// offline. Looks at every email the desk is shown (a thread opened, an email arriving),
/// tells the GUI what is kept already (AttachmentSaver::partsKept) and fetches the rest,
/// one part at a time while online, within PrefetchLimits. Service thread only.
class AttachmentPrefetcher : public QObject {
    Q_OBJECT
public:
    AttachmentPrefetcher(SyncService *sync, AttachmentSaver *saver);
    void setLimits(const PrefetchLimits &limits);
    /// Whether parts are waiting or being fetched; idle() follows when they are done.
    bool busy() const { return m_busy || !m_queue.isEmpty(); }

public Q_SLOTS:
    void consider(const QList<threadline::models::Message> &messages);

Q_SIGNALS:
    /// What was waiting has been fetched or left over the budget; nothing is waiting.
    void idle();

private:
    struct Want {
        qint64 messageId = 0;
        int part = 0;
        qint64 size = 0; ///< as the hub listed it; 0 for the HTML (under 768 KiB)
    };
    void next();
    void onPrefetched(qint64 messageId, int part, bool ok);

    SyncService *m_sync;
    AttachmentSaver *m_saver;
    PrefetchLimits m_limits;
    QList<Want> m_queue;
    QSet<QPair<qint64, int>> m_wanted; ///< queued or in flight: never asked twice
    QSet<QPair<qint64, int>> m_refused; ///< the hub said no: not asked again
    bool m_busy = false;
    bool m_worked = false; ///< something was fetched or skipped since the last idle()
    bool m_online = false;
};

} // namespace threadline::services
