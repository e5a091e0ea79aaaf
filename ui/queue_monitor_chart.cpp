// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/queue_monitor_chart.h"

#include "models/floor_history.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace threadline::ui {

FloorChart::FloorChart(const models::FloorHistory *history, QWidget *parent)
    : QChartView(parent), m_history(history), m_waiting(new QLineSeries), m_sla(new QLineSeries),
      m_time(new QDateTimeAxis), m_waitingAxis(new QValueAxis), m_slaAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("floorChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    // Lines told apart by more than colour: solid for waiting, dashed for SLA.
    m_waiting->setPen(QPen(QColor(0x1e, 0x63, 0xb5), 2));
    QPen slaPen(QColor(0x2e, 0x7d, 0x32), 2, Qt::DashLine);
    m_sla->setPen(slaPen);
    chart->addSeries(m_waiting);
    chart->addSeries(m_sla);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(7); // every ten minutes over the hour
    m_waitingAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_waitingAxis->setRange(0, 5);
    m_slaAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_slaAxis->setRange(0, 100);
    m_slaAxis->setTickCount(6);
    m_slaAxis->setGridLineVisible(false);
    setChart(chart); // takes ownership of the chart, which owns series and axes
    placeAxes();
    retranslate();
    refresh();
}

void FloorChart::placeAxes()
{
    QChart *c = chart();
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_waitingAxis),
          static_cast<QAbstractAxis *>(m_slaAxis)})
        if (c->axes().contains(axis))
            c->removeAxis(axis);
    c->addAxis(m_time, Qt::AlignBottom);
    c->addAxis(m_waitingAxis, rtl ? Qt::AlignRight : Qt::AlignLeft);
    c->addAxis(m_slaAxis, rtl ? Qt::AlignLeft : Qt::AlignRight);
    m_time->setReverse(rtl); // time runs the way text reads: now at the trailing end
    for (QLineSeries *s : {m_waiting, m_sla}) {
        s->attachAxis(m_time);
    }
    m_waiting->attachAxis(m_waitingAxis);
    m_sla->attachAxis(m_slaAxis);
    c->legend()->setAlignment(Qt::AlignTop);
    c->legend()->setReverseMarkers(rtl);
}

void FloorChart::retranslate()
{
    QChart *c = chart();
    c->setLocale(QLocale());
    c->setLocalizeNumbers(true);
    const QFont font = this->font();
    c->legend()->setFont(font);
    for (QAbstractAxis *axis : c->axes()) {
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
    }
    m_waiting->setName(tr("Customers waiting"));
    m_sla->setName(tr("SLA (%)"));
    m_waitingAxis->setTitleText(tr("Waiting"));
    m_slaAxis->setTitleText(tr("SLA (%)"));
}

void FloorChart::refresh()
{
    const QList<models::FloorPoint> &points = m_history->points();
    QList<QPointF> waiting, sla;
    waiting.reserve(points.size());
    sla.reserve(points.size());
    int most = 0;
    for (const models::FloorPoint &p : points) {
        waiting.append(QPointF(qreal(p.at), p.waiting));
        if (p.sla >= 0)
            sla.append(QPointF(qreal(p.at), p.sla * 100));
        most = std::max(most, p.waiting);
    }
    m_waiting->replace(waiting);
    m_sla->replace(sla);
    const qint64 end = points.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : points.last().at;
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(end - models::FloorHistory::kSpanMs),
                     QDateTime::fromMSecsSinceEpoch(end));
    // Headroom above the busiest moment; a multiple of five, so the five steps
    // between six ticks are whole customers.
    m_waitingAxis->setRange(0, std::max(5, (most * 6 / 5 + 5) / 5 * 5));
    m_waitingAxis->setTickCount(6);
}

void FloorChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LayoutDirectionChange)
        placeAxes();
    else if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        retranslate();
    QChartView::changeEvent(event);
}

} // namespace threadline::ui
