// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/layout_boundary.h"

#include <QEvent>

namespace threadline::ui {

LayoutBoundary::LayoutBoundary(QWidget *content, QWidget *parent)
    : QWidget(parent), m_content(content)
{
    m_content->setParent(this);
    setSizePolicy(m_content->sizePolicy());
    setFocusProxy(m_content);
    m_minimum = m_content->minimumSizeHint();
}

QSize LayoutBoundary::sizeHint() const
{
    return m_content->sizeHint();
}

QSize LayoutBoundary::minimumSizeHint() const
{
    return m_content->minimumSizeHint();
}

bool LayoutBoundary::event(QEvent *event)
{
    // The content has no layout of ours to invalidate, so its updateGeometry() arrives
    // here as a posted LayoutRequest.
    if (event->type() == QEvent::LayoutRequest) {
        // Only the least room the content needs constrains a window already shown; the
        // preferred size of word-wrapped text changes with nearly every new line of it.
        const QSize minimum = m_content->minimumSizeHint();
        if (minimum != m_minimum) {
            m_minimum = minimum;
            updateGeometry();
        }
        return true;
    }
    return QWidget::event(event);
}

void LayoutBoundary::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_content->setGeometry(rect());
}

} // namespace threadline::ui
