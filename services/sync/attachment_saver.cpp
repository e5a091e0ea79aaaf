// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/attachment_saver.h"

#include "services/logging/log.h"
#include "services/protocol/frame_types.h"
#include "services/sync/sync_service.h"

#include <QJsonObject>
#include <QSaveFile>

namespace threadline::services {
namespace {
// Tags of this saver's questions, apart from everyone else's on SyncService::answered.
const QString kAttachmentTag = QStringLiteral("attachment-saver:file:");
const QString kHtmlTag = QStringLiteral("attachment-saver:html:");
} // namespace

struct AttachmentSaver::Transfer {
    qint64 messageId = 0;
    int index = 0;
    QString path;
    qint64 offset = 0;
    std::unique_ptr<QSaveFile> file;
};

AttachmentSaver::AttachmentSaver(SyncService *sync) : QObject(sync), m_sync(sync)
{
    connect(sync, &SyncService::answered, this, &AttachmentSaver::onAnswered);
}

AttachmentSaver::~AttachmentSaver() = default;

void AttachmentSaver::save(qint64 messageId, int index, const QString &path)
{
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
    const QString tag = kHtmlTag + QString::number(++m_nextTag);
    m_htmlAsks.insert(tag, messageId);
    m_sync->ask(tag, protocol::type::messageHtml, {{QStringLiteral("message_id"), messageId}});
}

void AttachmentSaver::fail(const QString &tag, const QString &code)
{
    const auto t = m_transfers.take(tag);
    t->file->cancelWriting();
    t->file->commit(); // discards: nothing appears under the chosen name
    Q_EMIT saveFailed(t->messageId, t->index, t->path, code);
}

void AttachmentSaver::onAnswered(const QString &tag, bool ok, const QJsonObject &data)
{
    if (m_htmlAsks.contains(tag)) {
        const qint64 messageId = m_htmlAsks.take(tag);
        if (ok)
            Q_EMIT htmlReady(messageId, data.value(QStringLiteral("html")).toString());
        else
            Q_EMIT htmlFailed(messageId, data.value(QStringLiteral("code")).toString());
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
    if (t->file->write(bytes) != bytes.size())
        return fail(tag, QStringLiteral("write_failed"));
    t->offset += bytes.size();
    if (!data.value(QStringLiteral("done")).toBool()) {
        if (bytes.isEmpty())
            return fail(tag, QStringLiteral("bad_answer"));
        return askSlice(tag);
    }
    m_transfers.remove(tag);
    if (!t->file->commit()) {
        Q_EMIT saveFailed(t->messageId, t->index, t->path, QStringLiteral("write_failed"));
        return;
    }
    TL_LOG("sync", info) << "attachment saved: " << t->offset << " bytes";
    Q_EMIT saved(t->messageId, t->index, t->path);
}

} // namespace threadline::services
