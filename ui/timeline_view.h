// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>

namespace threadline::models {
class TimelineModel;
}

namespace threadline::ui {

class TimelineDelegate;

/// The thread view: follows new items while the agent is at the bottom, loads
/// older history when they scroll near the top, and keeps what is on screen in
/// place when older rows are prepended.
class TimelineView : public QListView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    void setTimeline(models::TimelineModel *model);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRangeChanged(int min, int max);
    void maybeFetchOlder();

    models::TimelineModel *m_model = nullptr;
    TimelineDelegate *m_delegate;
    int m_keepFromBottom = -1; ///< distance from the bottom to restore after a prepend
    bool m_followBottom = true;
};

} // namespace threadline::ui
