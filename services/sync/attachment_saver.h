// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>

class QSaveFile;

namespace threadline::services {

class SyncService;

/// What an email brought besides its text, fetched from the hub on the service thread: an
/// attachment written to the file the agent chose (slice by slice, attachment.get, into a
/// QSaveFile so a failed or cut-off download never leaves a half file under the real name),
/// and the original formatting (message.html, sanitised by the hub). Attachments are not
/// kept in the cache: they are fetched when wanted, so offline means "try again online".
class AttachmentSaver : public QObject {
    Q_OBJECT
public:
    explicit AttachmentSaver(SyncService *sync);
    ~AttachmentSaver() override;

public Q_SLOTS:
    void save(qint64 messageId, int index, const QString &path);
    void loadHtml(qint64 messageId);

Q_SIGNALS:
    void saved(qint64 messageId, int index, const QString &path);
    /// `code`: offline, not_found, write_failed, or the hub's error code.
    void saveFailed(qint64 messageId, int index, const QString &path, const QString &code);
    void htmlReady(qint64 messageId, const QString &html);
    void htmlFailed(qint64 messageId, const QString &code);

private:
    struct Transfer;
    void onAnswered(const QString &tag, bool ok, const QJsonObject &data);
    void askSlice(const QString &tag);
    void fail(const QString &tag, const QString &code);

    SyncService *m_sync;
    QHash<QString, std::shared_ptr<Transfer>> m_transfers; ///< ask tag → download
    QHash<QString, qint64> m_htmlAsks;                     ///< ask tag → message id
    quint64 m_nextTag = 0;
};

} // namespace threadline::services
