// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

#include <QListView>

namespace threadline::models {
class TimelineModel;
}

namespace threadline::ui {

class TimelineDelegate;

/// The thread view: follows new items while the agent is at the bottom, loads
/// older history when they scroll near the top, and keeps what is on screen in
/// place when older rows are prepended. Links and phone numbers open with a
/// click, a click on an email shows or hides its quoted history, Ctrl+C copies
/// the current item.
class TimelineView : public QListView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    void setTimeline(models::TimelineModel *model);
    /// Lays every row out again (dates or language changed).
    void relayout();
    /// Copies the current item as plain text to the clipboard.
    void copyCurrent();
    /// Shows the item with this hub id (from search): loads older pages until it
    /// is there, then selects it, centres it and marks it for a moment. Gives up
    /// quietly when the customer's history has no such item.
    void revealMessage(qint64 messageId);
    /// The item revealed last, while it is still marked (for tests).
    QModelIndex revealedIndex() const { return m_flash; }

Q_SIGNALS:
    /// A link, mail address or phone number was clicked (https:, mailto:, tel:).
    void linkActivated(const QString &target);
    /// An attachment line of an email card was clicked or chosen from its menu.
    void attachmentActivated(const threadline::models::Message &message, int index);
    /// "Show original formatting" of an email card.
    void originalFormattingRequested(const threadline::models::Message &message);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRangeChanged(int min, int max);
    void maybeFetchOlder();
    QString linkAt(const QPoint &viewportPos) const;
    /// A link of the item at `index`: an email card's own lines become their signals.
    void activateLink(const QModelIndex &index, const QString &link);
    void tryReveal();

    models::TimelineModel *m_model = nullptr;
    TimelineDelegate *m_delegate;
    int m_keepFromBottom = -1; ///< distance from the bottom to restore after a prepend
    bool m_followBottom = true;
    QString m_revealKey;          ///< the item search asked for, until it is shown
    int m_revealPages = 0;        ///< older pages loaded looking for it
    QPersistentModelIndex m_flash; ///< the revealed item, marked briefly
};

} // namespace threadline::ui
