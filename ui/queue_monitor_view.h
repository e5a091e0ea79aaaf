// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/queue_stats.h"

#include <QWidget>

class QAbstractItemModel;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTableView;
class QSortFilterProxyModel;

namespace threadline::models {
class AgentFloorModel;
class FloorHistory;
class QueueMonitorModel;
} // namespace threadline::models

namespace threadline::ui {

class AgentTableProxy;
class ConversationFilter;
class FloorChart;

/// The supervisor's live queue monitor: queues per channel with amber and red
/// cells, the agents on the floor (sortable, filterable), a chart of the last
/// hour, and a drill-down into a queue's or an agent's open conversations with
/// reassign, move-to-queue and open actions. It owns its models; the app feeds
/// it snapshots (applySnapshot) and the inbox (setConversations), and carries
/// out what it asks for (the *Requested signals): it changes nothing itself.
class QueueMonitorView : public QWidget {
    Q_OBJECT
public:
    /// The MIME type a dragged conversation carries: its customer id, decimal ASCII.
    static QString customerMimeType();

    explicit QueueMonitorView(QWidget *parent = nullptr);
    ~QueueMonitorView() override;

    /// The conversations to drill into: an InboxModel or a proxy keeping its
    /// roles (models/inbox_roles.h). Not owned; may be null.
    void setConversations(QAbstractItemModel *inbox);

    models::QueueMonitorModel *queueModel() const { return m_queues; }
    models::AgentFloorModel *agentModel() const { return m_agents; }
    const models::FloorHistory *history() const { return m_history; }
    /// The conversation picked in the drill-down list, or 0.
    qint64 selectedCustomer() const;

public Q_SLOTS:
    /// A `queue.stats` snapshot from the hub: tables, chart and waiting times
    /// update in place; selections and the drill-down stay.
    void applySnapshot(const threadline::models::FloorSnapshot &snapshot);
    /// Drills into a queue's conversations (a channel's only, if not empty), as if
    /// its row had been selected.
    void showQueue(const QString &queue, const QString &channel = {});
    /// Drills into the conversations assigned to @p agent, as if their row had
    /// been selected.
    void showAgent(const QString &agent);

Q_SIGNALS:
    /// Give the conversation to @p agent (Reassign…, or dropped on their row);
    /// @p note is for the agent and may be empty.
    void assignRequested(qint64 customerId, const QString &agent, const QString &note);
    /// Move the conversation to another queue (Move to queue…).
    void transferRequested(qint64 customerId, const QString &queue, const QString &note);
    /// Open the thread (double-click, Enter or Open thread).
    void openCustomerRequested(qint64 customerId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onQueueSelected();
    void onAgentSelected();
    void updateDrillTitle();
    void updateAgentSummary();
    void updateActions();
    void reassignSelected();
    void transferSelected();
    void openSelected();

    models::QueueMonitorModel *m_queues;
    models::AgentFloorModel *m_agents;
    models::FloorHistory *m_history;
    QSortFilterProxyModel *m_queueProxy;
    AgentTableProxy *m_agentProxy;
    ConversationFilter *m_conversations;
    qint64 m_now = 0; ///< the last snapshot's time: what waiting times count to

    QLabel *m_queuesTitle;
    QTableView *m_queueTable;
    QLabel *m_chartTitle;
    FloorChart *m_chart;
    QLabel *m_agentsTitle;
    QLabel *m_agentSummary;
    QLineEdit *m_agentFilter;
    QComboBox *m_presenceFilter;
    QTableView *m_agentTable;
    QLabel *m_drillTitle;
    QListView *m_conversationList;
    QAction *m_reassign;
    QAction *m_transfer;
    QAction *m_open;
};

} // namespace threadline::ui
