// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline_view.h"

#include "models/timeline_model.h"
#include "models/timeline_roles.h"
#include "services/text/safe_text.h"
#include "ui/attachment_list.h"
#include "ui/timeline_delegate.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTimer>

namespace threadline::ui {

namespace {
constexpr int kFetchThresholdPx = 400;
constexpr int kMaxRevealPages = 200; // 10,000 items of 50 a page: then it is not there
constexpr int kFlashMs = 1600;
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QListView(parent), m_delegate(new TimelineDelegate(this))
{
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Thread"));
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The scroll bar's room is kept from the start: a thread growing past one screen
    // would otherwise narrow every row at once, rewrapping (and re-measuring) the text
    // the agent is reading.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    verticalScrollBar()->setAccessibleName(tr("Scroll the thread"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    verticalScrollBar()->setSingleStep(24);
    setMouseTracking(true);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &TimelineView::onRangeChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_followBottom = value >= verticalScrollBar()->maximum() - 8;
        maybeFetchOlder();
    });
}

void TimelineView::setTimeline(models::TimelineModel *model)
{
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &TimelineView::onRowsAboutToBeInserted);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_followBottom = true; });
    // Expanding quoted history, a delivery footer or the unread marker change a
    // row's height; QListView only re-measures rows on a layout pass.
    connect(model, &QAbstractItemModel::dataChanged, this, [this] { scheduleDelayedItemsLayout(); });
    // A search result is looked for again each time a page arrives.
    connect(model, &models::TimelineModel::loadingChanged, this, [this](bool loading) {
        if (!loading && !m_revealKey.isEmpty())
            QTimer::singleShot(0, this, &TimelineView::tryReveal);
    });
}

void TimelineView::revealMessage(qint64 messageId)
{
    if (messageId <= 0)
        return;
    m_revealKey = QString::number(messageId);
    m_revealPages = 0;
    tryReveal();
}

void TimelineView::tryReveal()
{
    if (m_revealKey.isEmpty() || !m_model)
        return;
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(models::MessageKeyRole).toString() != m_revealKey)
            continue;
        m_revealKey.clear();
        m_followBottom = false;
        m_keepFromBottom = -1;
        setCurrentIndex(index);
        m_flash = index;
        executeDelayedItemsLayout();
        scrollTo(index, QAbstractItemView::PositionAtCenter);
        viewport()->update();
        QTimer::singleShot(kFlashMs, this, [this, flashed = QPersistentModelIndex(index)] {
            if (m_flash == flashed) {
                m_flash = QPersistentModelIndex();
                viewport()->update();
            }
        });
        return;
    }
    if (m_model->isLoading())
        return; // asked again when the page is in
    if (m_model->canFetchOlder() && ++m_revealPages <= kMaxRevealPages) {
        m_model->fetchOlder();
        return;
    }
    m_revealKey.clear();
}

void TimelineView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (!m_flash.isValid())
        return;
    // The item search opened the thread at, marked until the eye has found it.
    QPainter painter(viewport());
    QColor mark = palette().color(QPalette::Highlight);
    mark.setAlpha(60);
    painter.fillRect(visualRect(m_flash), mark);
}

void TimelineView::onRowsAboutToBeInserted(const QModelIndex &, int first, int)
{
    // Older rows go in at the top: remember where the agent was, from the bottom.
    if (first == 0 && m_model->rowCount() > 0 && !m_followBottom)
        m_keepFromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
}

void TimelineView::onRangeChanged(int, int max)
{
    if (m_followBottom) {
        verticalScrollBar()->setValue(max);
    } else if (m_keepFromBottom >= 0) {
        verticalScrollBar()->setValue(max - m_keepFromBottom);
        m_keepFromBottom = -1;
    }
    // A short thread may not fill the screen: keep loading until it does.
    QTimer::singleShot(0, this, &TimelineView::maybeFetchOlder);
}

void TimelineView::maybeFetchOlder()
{
    if (m_model && m_model->canFetchOlder()
        && verticalScrollBar()->value() < kFetchThresholdPx)
        m_model->fetchOlder();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    if (m_followBottom)
        scrollToBottom();
}

QString TimelineView::linkAt(const QPoint &viewportPos) const
{
    const QModelIndex index = indexAt(viewportPos);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->linkAt(option, index, viewportPos - option.rect.topLeft());
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    viewport()->setCursor(linkAt(event->position().toPoint()).isEmpty() ? Qt::ArrowCursor
                                                                        : Qt::PointingHandCursor);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    if (const QString link = linkAt(pos); !link.isEmpty()) {
        activateLink(indexAt(pos), link);
        return;
    }
    const QModelIndex index = indexAt(pos);
    const auto m = index.data(models::MessageRole).value<models::Message>();
    if (index.isValid() && !m.quoted.isEmpty())
        m_model->setExpanded(index.row(), !index.data(models::ExpandedRole).toBool());
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyCurrent();
        return;
    }
    const QModelIndex current = currentIndex();
    // An email without quoted history but with attachments or original formatting: Enter
    // offers what the card's lines do (also on the Menu key, like any item's menu).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && current.isValid()) {
        const auto m = current.data(models::MessageRole).value<models::Message>();
        if (m.quoted.isEmpty() && !emailExtraLines(m, locale()).isEmpty()) {
            const QRect r = visualRect(current);
            QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, r.center(),
                                        viewport()->mapToGlobal(r.center()));
            contextMenuEvent(&menuEvent);
            return;
        }
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Space) && current.isValid()
        && !current.data(models::MessageRole).value<models::Message>().quoted.isEmpty()) {
        m_model->setExpanded(current.row(), !current.data(models::ExpandedRole).toBool());
        return;
    }
    QListView::keyPressEvent(event);
}

void TimelineView::relayout()
{
    m_delegate->forgetLayouts();
    scheduleDelayedItemsLayout();
    viewport()->update();
}

void TimelineView::copyCurrent()
{
    const QModelIndex current = currentIndex();
    if (current.isValid())
        QApplication::clipboard()->setText(
            TimelineDelegate::plainText(current.data(models::MessageRole).value<models::Message>()));
}

void TimelineView::activateLink(const QModelIndex &index, const QString &link)
{
    const auto m = index.data(models::MessageRole).value<models::Message>();
    if (link.startsWith(email_extras::attachmentScheme)) {
        Q_EMIT attachmentActivated(m, link.mid(email_extras::attachmentScheme.size()).toInt());
        return;
    }
    if (link == email_extras::originalFormatting) {
        Q_EMIT originalFormattingRequested(m);
        return;
    }
    Q_EMIT linkActivated(link);
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (Menu key, Shift+F10) the menu is the current item's.
    const QModelIndex index =
        event->reason() == QContextMenuEvent::Keyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("Copy text"), QKeySequence::Copy, this, &TimelineView::copyCurrent);
    if (const QString link = linkAt(event->pos()); !link.isEmpty()) {
        menu.addAction(tr("Copy link or number"), this, [link] {
            QString plain = link;
            plain.remove(QRegularExpression(QStringLiteral("^(mailto|tel):")));
            QApplication::clipboard()->setText(plain);
        });
        menu.addAction(tr("Open"), this, [this, index, link] { activateLink(index, link); });
    }
    const auto m = index.data(models::MessageRole).value<models::Message>();
    for (const AttachmentRow &a : attachmentsOf(m))
        if (m.id > 0)
            menu.addAction(tr("Save %1…").arg(text::displayFileName(a.name)), this,
                           [this, m, i = a.index] { Q_EMIT attachmentActivated(m, i); });
    if (hasOriginalFormatting(m))
        menu.addAction(tr("Show original formatting"), this,
                       [this, m] { Q_EMIT originalFormattingRequested(m); });
    if (!m.quoted.isEmpty())
        menu.addAction(index.data(models::ExpandedRole).toBool() ? tr("Hide quoted history")
                                                                 : tr("Show quoted history"),
                       this, [this, row = index.row(), expanded = index.data(models::ExpandedRole).toBool()] {
                           m_model->setExpanded(row, !expanded);
                       });
    menu.exec(event->globalPos());
}

} // namespace threadline::ui
