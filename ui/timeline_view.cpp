// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline_view.h"

#include "models/timeline_model.h"
#include "ui/timeline_delegate.h"

#include <QScrollBar>
#include <QTimer>

namespace threadline::ui {

namespace {
constexpr int kFetchThresholdPx = 400;
}

TimelineView::TimelineView(QWidget *parent)
    : QListView(parent), m_delegate(new TimelineDelegate(this))
{
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    verticalScrollBar()->setSingleStep(24);
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

} // namespace threadline::ui
