// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/attachment_actions.h"

#include "services/text/safe_text.h"
#include "ui/attachment_list.h"
#include "ui/html_email_view.h"
#include "ui/timeline_view.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>

namespace threadline::ui {
namespace {
QString failureText(const QString &code)
{
    if (code == QLatin1String("offline"))
        return AttachmentActions::tr("Not connected to the hub; try again when online.");
    if (code == QLatin1String("write_failed"))
        return AttachmentActions::tr("The file could not be written.");
    if (code == QLatin1String("not_found"))
        return AttachmentActions::tr("The hub no longer has it.");
    return AttachmentActions::tr("The hub could not send it.");
}
} // namespace

AttachmentActions::AttachmentActions(QWidget *window)
    : QObject(window), m_window(window), m_chooser([this](const QString &suggested) {
          return QFileDialog::getSaveFileName(m_window, tr("Save attachment"), suggested);
      })
{
}

void AttachmentActions::watch(TimelineView *view)
{
    m_views.append(view);
    connect(view, &TimelineView::attachmentActivated, this, &AttachmentActions::saveAttachment);
    connect(view, &TimelineView::originalFormattingRequested, this,
            &AttachmentActions::showOriginalFormatting);
}

void AttachmentActions::setChooser(std::function<QString(const QString &)> chooser)
{
    m_chooser = std::move(chooser);
}

void AttachmentActions::saveAttachment(const models::Message &message, int index)
{
    for (const AttachmentRow &a : attachmentsOf(message)) {
        if (a.index != index)
            continue;
        if (!offline_parts::available(message.id, index)) {
            // The line already says so; no dialog for a file that cannot be written.
            Q_EMIT notice(failureText(QStringLiteral("offline")));
            return;
        }
        const QString folder =
            QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        const QString path = m_chooser(QDir(folder).filePath(safeFileName(a.name)));
        if (!path.isEmpty()) {
            Q_EMIT notice(tr("Saving %1…").arg(text::displayFileName(QFileInfo(path).fileName())));
            Q_EMIT saveRequested(message.id, index, path);
        }
        return;
    }
}

void AttachmentActions::showOriginalFormatting(const models::Message &message)
{
    if (!offline_parts::available(message.id, offline_parts::html)) {
        Q_EMIT notice(failureText(QStringLiteral("offline")));
        return;
    }
    m_subjects.insert(message.id, message.subject);
    Q_EMIT notice(tr("Loading the original formatting…"));
    Q_EMIT htmlRequested(message.id);
}

void AttachmentActions::onConnectionChanged(bool online)
{
    if (online == offline_parts::online())
        return;
    offline_parts::setOnline(online);
    relayoutViews();
}

void AttachmentActions::onPartsKept(qint64 messageId, const QList<int> &parts)
{
    bool changed = false;
    for (const int part : parts)
        changed = changed || !offline_parts::kept(messageId, part);
    offline_parts::setKept(messageId, parts);
    // Online every line reads the same whether kept or not: nothing to redraw.
    if (changed && !offline_parts::online())
        relayoutViews();
}

void AttachmentActions::relayoutViews()
{
    for (const QPointer<TimelineView> &view : std::as_const(m_views))
        if (view)
            view->relayout();
}

void AttachmentActions::onSaved(qint64, int, const QString &path)
{
    Q_EMIT notice(tr("Saved %1").arg(text::displayFileName(QFileInfo(path).fileName())));
}

void AttachmentActions::onSaveFailed(qint64, int, const QString &path, const QString &code)
{
    Q_EMIT notice(tr("Could not save %1: %2")
                      .arg(text::displayFileName(QFileInfo(path).fileName()), failureText(code)));
}

void AttachmentActions::onHtml(qint64 messageId, const QString &html)
{
    if (!m_subjects.contains(messageId))
        return; // asked by someone else
    auto *view = new HtmlEmailView(m_subjects.take(messageId), html, m_window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    m_lastView = view;
    view->show();
    Q_EMIT notice(QString());
}

void AttachmentActions::onHtmlFailed(qint64 messageId, const QString &code)
{
    if (m_subjects.remove(messageId) == 0)
        return;
    Q_EMIT notice(tr("Could not show the original formatting: %1").arg(failureText(code)));
}

} // namespace threadline::ui
