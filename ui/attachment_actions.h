// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"
#include "ui/html_email_view.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>

class QWidget;

namespace threadline::ui {

class TimelineView;

/// What an agent does with an email card's extra lines, on the GUI thread: asks where to
/// save an attachment (under its sanitised name) and shows the original formatting. The
/// bytes and the HTML come from the service thread (app wires saveRequested/htmlRequested
/// to it); nothing here touches the network or the disk.
class AttachmentActions : public QObject {
    Q_OBJECT
public:
    explicit AttachmentActions(QWidget *window);
    void watch(TimelineView *view);
    /// How the file is chosen (tests answer without a dialog): suggested path → chosen
    /// path, empty to cancel.
    void setChooser(std::function<QString(const QString &suggested)> chooser);
    /// The original-formatting window shown last (for tests and screenshots).
    HtmlEmailView *lastHtmlView() const { return m_lastView; }

public Q_SLOTS:
    void saveAttachment(const threadline::models::Message &message, int index);
    void showOriginalFormatting(const threadline::models::Message &message);
    void onSaved(qint64 messageId, int index, const QString &path);
    void onSaveFailed(qint64 messageId, int index, const QString &path, const QString &code);
    void onHtml(qint64 messageId, const QString &html);
    void onHtmlFailed(qint64 messageId, const QString &code);
    /// The hub is reachable or not: offline, the lines of what was not kept say so.
    void onConnectionChanged(bool online);
    /// These parts of the email (attachment indexes, offline_parts::html) are in the
    /// cache, so they can be saved or shown offline.
    void onPartsKept(qint64 messageId, const QList<int> &parts);

Q_SIGNALS:
    void saveRequested(qint64 messageId, int index, const QString &path);
    void htmlRequested(qint64 messageId);
    /// A sentence for the status bar.
    void notice(const QString &text);

private:
    void relayoutViews();

    QWidget *m_window;
    QList<QPointer<TimelineView>> m_views;
    std::function<QString(const QString &)> m_chooser;
    QHash<qint64, QString> m_subjects; ///< message id → subject, while its HTML is asked for
    QPointer<HtmlEmailView> m_lastView;
};

} // namespace threadline::ui
