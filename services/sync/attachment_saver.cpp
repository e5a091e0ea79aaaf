// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/attachment_saver.h"

#include "services/cache/cache_store.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"
#include "services/sync/attachment_prefetch.h"
#include "services/sync/sync_service.h"

#include <QJsonObject>
#include <QSaveFile>

namespace threadline::services {
namespace {
// Tags of this saver's questions, apart from everyone else's on SyncService::answered.
const QString kAttachmentTag = QStringLiteral("attachment-saver:file:");
const QString kHtmlTag = QStringLiteral("attachment-saver:html:");
const QString kHtmlPrefetchTag = QStringLiteral("attachment-saver:html-prefetch:");

/// The whole of @p bytes under @p path, or nothing there at all.
bool writeWhole(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}
} // namespace

struct AttachmentSaver::Transfer {
    qint64 messageId = 0;
    int index = 0;
    QString path;                   ///< empty: a prefetch, for the cache only
    qint64 offset = 0;
    std::unique_ptr<QSaveFile> file; ///< the agent's file, when saving
    QByteArray bytes;                ///< everything so far, kept in the cache at the end
};

AttachmentSaver::AttachmentSaver(SyncService *sync)
    : QObject(sync), m_sync(sync), m_prefetcher(new AttachmentPrefetcher(sync, this))
{
    connect(sync, &SyncService::answered, this, &AttachmentSaver::onAnswered);
}

AttachmentSaver::~AttachmentSaver() = default;

cache::CacheStore *AttachmentSaver::cache() const
{
    return m_sync->cache();
}

void AttachmentSaver::save(qint64 messageId, int index, const QString &path)
{
    if (const auto kept = cache()->emailPart(messageId, index)) {
        if (!writeWhole(path, *kept)) {
            TL_LOG("sync", warning) << "attachment: cannot write the chosen file";
            Q_EMIT saveFailed(messageId, index, path, QStringLiteral("write_failed"));
            return;
        }
        TL_LOG("sync", info) << "attachment saved from the cache: " << kept->size() << " bytes";
        Q_EMIT saved(messageId, index, path);
        return;
    }
    auto t = std::make_shared<Transfer>();
    t->messageId = messageId;
    t->index = index;
    t->path = path;
    t->file = std::make_unique<QSaveFile>(path);
    if (!t->file->open(QIODevice::WriteOnly)) {
        TL_LOG("sync", warning) << "attachment: cannot write the chosen file";
        Q_EMIT saveFailed(messageId, index, path, QStringLiteral("write_failed"));
        return;
    }
    const QString tag = kAttachmentTag + QString::number(++m_nextTag);
    m_transfers.insert(tag, t);
    askSlice(tag);
}

void AttachmentSaver::prefetch(qint64 messageId, int part)
{
    if (part == cache::CacheStore::kHtmlPart) {
        const QString tag = kHtmlPrefetchTag + QString::number(++m_nextTag);
        m_htmlPrefetches.insert(tag, messageId);
        m_sync->ask(tag, protocol::type::messageHtml, {{QStringLiteral("message_id"), messageId}});
        return;
    }
    auto t = std::make_shared<Transfer>();
    t->messageId = messageId;
    t->index = part;
    const QString tag = kAttachmentTag + QString::number(++m_nextTag);
    m_transfers.insert(tag, t);
    askSlice(tag);
}

void AttachmentSaver::askSlice(const QString &tag)
{
    const auto t = m_transfers.value(tag);
    m_sync->ask(tag, protocol::type::attachmentGet,
                {{QStringLiteral("message_id"), t->messageId},
                 {QStringLiteral("index"), t->index},
                 {QStringLiteral("offset"), t->offset}});
}

void AttachmentSaver::loadHtml(qint64 messageId)
{
    if (const auto kept = cache()->emailPart(messageId, cache::CacheStore::kHtmlPart)) {
        Q_EMIT htmlReady(messageId, QString::fromUtf8(*kept));
        return;
    }
    const QString tag = kHtmlTag + QString::number(++m_nextTag);
    m_htmlAsks.insert(tag, messageId);
    m_sync->ask(tag, protocol::type::messageHtml, {{QStringLiteral("message_id"), messageId}});
}

void AttachmentSaver::keep(qint64 messageId, int part, const QByteArray &bytes)
{
    // A cache that cannot take it (disk full) costs only the offline copy.
    if (cache()->keepEmailPart(messageId, part, bytes))
        return;
    Q_EMIT partsKept(messageId, cache()->keptEmailParts(messageId));
}

void AttachmentSaver::fail(const QString &tag, const QString &code)
{
    const auto t = m_transfers.take(tag);
    if (!t->file) {
        Q_EMIT prefetched(t->messageId, t->index, false);
        return;
    }
    t->file->cancelWriting();
    t->file->commit(); // discards: nothing appears under the chosen name
    Q_EMIT saveFailed(t->messageId, t->index, t->path, code);
}

void AttachmentSaver::finish(const std::shared_ptr<Transfer> &t)
{
    keep(t->messageId, t->index, t->bytes);
    if (!t->file) {
        TL_LOG("sync", info) << "attachment kept for offline use: " << t->offset << " bytes";
        Q_EMIT prefetched(t->messageId, t->index, true);
        return;
    }
    if (!t->file->commit()) {
        Q_EMIT saveFailed(t->messageId, t->index, t->path, QStringLiteral("write_failed"));
        return;
    }
    TL_LOG("sync", info) << "attachment saved: " << t->offset << " bytes";
    Q_EMIT saved(t->messageId, t->index, t->path);
}

void AttachmentSaver::onAnswered(const QString &tag, bool ok, const QJsonObject &data)
{
    const QString html = data.value(QStringLiteral("html")).toString();
    if (m_htmlAsks.contains(tag)) {
        const qint64 messageId = m_htmlAsks.take(tag);
        if (!ok) {
            Q_EMIT htmlFailed(messageId, data.value(QStringLiteral("code")).toString());
            return;
        }
        keep(messageId, cache::CacheStore::kHtmlPart, html.toUtf8());
        Q_EMIT htmlReady(messageId, html);
        return;
    }
    if (m_htmlPrefetches.contains(tag)) {
        const qint64 messageId = m_htmlPrefetches.take(tag);
        if (ok)
            keep(messageId, cache::CacheStore::kHtmlPart, html.toUtf8());
        Q_EMIT prefetched(messageId, cache::CacheStore::kHtmlPart, ok);
        return;
    }
    if (!m_transfers.contains(tag))
        return;
    if (!ok)
        return fail(tag, data.value(QStringLiteral("code")).toString());
    const auto t = m_transfers.value(tag);
    const QByteArray bytes =
        QByteArray::fromBase64(data.value(QStringLiteral("data")).toString().toLatin1());
    // A slice from somewhere else than asked for would corrupt the file silently.
    if (data.value(QStringLiteral("offset")).toInteger() != t->offset)
        return fail(tag, QStringLiteral("bad_answer"));
    if (t->file && t->file->write(bytes) != bytes.size())
        return fail(tag, QStringLiteral("write_failed"));
    t->bytes += bytes;
    t->offset += bytes.size();
    if (!data.value(QStringLiteral("done")).toBool()) {
        if (bytes.isEmpty())
            return fail(tag, QStringLiteral("bad_answer"));
        return askSlice(tag);
    }
    m_transfers.remove(tag);
    finish(t);
}

} // namespace threadline::services
