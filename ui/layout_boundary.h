// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QWidget>

namespace threadline::ui {

/// Holds one widget and fills itself with it, passing a change of its size hints up to
/// the parent's layout only when the least room it needs changed.
///
/// Why: a QTabWidget repaints itself whole on every layout request that reaches it, and
/// on a busy desk some label inside a page changes its text (and so asks for a layout)
/// with every batch of new messages, though the page's own size needs stay the same.
class LayoutBoundary : public QWidget {
    Q_OBJECT
public:
    /// Takes `content` as its child.
    explicit LayoutBoundary(QWidget *content, QWidget *parent = nullptr);

    QWidget *content() const { return m_content; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *m_content;
    QSize m_minimum; ///< what the parent's layout was last told
};

} // namespace threadline::ui
