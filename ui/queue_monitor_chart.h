// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace threadline::models {
class FloorHistory;
}

namespace threadline::ui {

/// The last hour of the floor as two lines: customers waiting (solid, on the
/// leading axis) and the overall SLA in percent (dashed, on the trailing axis).
/// Right to left, time runs from right to left and the axes swap sides.
class FloorChart : public QChartView {
    Q_OBJECT
public:
    explicit FloorChart(const models::FloorHistory *history, QWidget *parent = nullptr);

    /// Redraws from the history (after a point was added or it was cleared).
    void refresh();
    QLineSeries *waitingSeries() const { return m_waiting; }
    QLineSeries *slaSeries() const { return m_sla; }
    QDateTimeAxis *timeAxis() const { return m_time; }
    QValueAxis *waitingAxis() const { return m_waitingAxis; }
    QValueAxis *slaAxis() const { return m_slaAxis; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    /// Puts the axes on the sides the layout direction asks for.
    void placeAxes();

    const models::FloorHistory *m_history;
    QLineSeries *m_waiting;
    QLineSeries *m_sla;
    QDateTimeAxis *m_time;
    QValueAxis *m_waitingAxis;
    QValueAxis *m_slaAxis;
};

} // namespace threadline::ui
