// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

class QSaveFile;

namespace threadline::cache {
class CacheStore;
}

namespace threadline::services {

class AttachmentPrefetcher;
class SyncService;

/// What an email brought besides its text, on the service thread: an attachment written
/// to the file the agent chose, and the original formatting (message.html, sanitised by
/// the hub). Both are kept in the encrypted cache once fetched (and small ones ahead of
/// time by the prefetcher), so they come from there at once and offline; otherwise from
/// the hub, slice by slice (attachment.get) into a QSaveFile so a failed or cut-off
/// download never leaves a half file under the real name. The chosen file is the only
/// place the bytes are ever written in plaintext.
class AttachmentSaver : public QObject {
    Q_OBJECT
public:
    explicit AttachmentSaver(SyncService *sync);
    ~AttachmentSaver() override;

    AttachmentPrefetcher *prefetcher() const { return m_prefetcher; }

public Q_SLOTS:
    void save(qint64 messageId, int index, const QString &path);
    void loadHtml(qint64 messageId);
    /// Fetches an attachment (or, with CacheStore::kHtmlPart, the original formatting)
    /// into the cache only; prefetched() says how it went.
    void prefetch(qint64 messageId, int part);

Q_SIGNALS:
    void saved(qint64 messageId, int index, const QString &path);
    /// `code`: offline, not_found, write_failed, or the hub's error code.
    void saveFailed(qint64 messageId, int index, const QString &path, const QString &code);
    void htmlReady(qint64 messageId, const QString &html);
    void htmlFailed(qint64 messageId, const QString &code);
    void prefetched(qint64 messageId, int part, bool ok);
    /// Which parts of the email the cache holds now (attachment indexes; -1 the HTML).
    void partsKept(qint64 messageId, const QList<int> &parts);

private:
    struct Transfer;
    void onAnswered(const QString &tag, bool ok, const QJsonObject &data);
    void askSlice(const QString &tag);
    void fail(const QString &tag, const QString &code);
    void finish(const std::shared_ptr<Transfer> &t);
    void keep(qint64 messageId, int part, const QByteArray &bytes);
    cache::CacheStore *cache() const;

    SyncService *m_sync;
    AttachmentPrefetcher *m_prefetcher;
    QHash<QString, std::shared_ptr<Transfer>> m_transfers; ///< ask tag → download
    QHash<QString, qint64> m_htmlAsks;                     ///< ask tag → message id
    QHash<QString, qint64> m_htmlPrefetches;               ///< ask tag → message id
    quint64 m_nextTag = 0;
};

} // namespace threadline::services
