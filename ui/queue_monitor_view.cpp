// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/queue_monitor_view.h"

#include "models/agent_floor_model.h"
#include "models/agent_floor_roles.h"
#include "models/floor_history.h"
#include "models/inbox_roles.h"
#include "models/queue_monitor_model.h"
#include "models/queue_monitor_roles.h"
#include "services/text/safe_text.h"
#include "services/text/search_folding.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"
#include "ui/queue_monitor_chart.h"
#include "ui/queue_monitor_parts.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace threadline::ui {

using namespace threadline::models;

QString QueueMonitorView::customerMimeType()
{
    return QStringLiteral("application/x-threadline-customer-id");
}

namespace {
QLabel *sectionTitle(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QTableView *floorTable(QTableView *table, const char *name)
{
    table->setObjectName(QLatin1String(name));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setSortingEnabled(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}
} // namespace

QueueMonitorView::QueueMonitorView(QWidget *parent)
    : QWidget(parent), m_queues(new QueueMonitorModel(this)), m_agents(new AgentFloorModel(this)),
      m_history(new FloorHistory(this)), m_queueProxy(new QueueTableProxy(this)),
      m_agentProxy(new AgentTableProxy(this)), m_conversations(new ConversationFilter(this))
{
    setObjectName(QStringLiteral("queueMonitor"));
    m_queueProxy->setSourceModel(m_queues);
    m_agentProxy->setSourceModel(m_agents);

    // Leading side: the queues and the last hour.
    auto *queuesPane = new QWidget(this);
    auto *queuesLayout = new QVBoxLayout(queuesPane);
    queuesLayout->setContentsMargins(0, 0, 0, 0);
    m_queuesTitle = sectionTitle(queuesPane, "queuesTitle");
    m_queueTable = floorTable(new QTableView(queuesPane), "queueTable");
    m_queueTable->setModel(m_queueProxy);
    m_queueTable->setAccessibleName(tr("Queues"));
    m_queueTable->sortByColumn(QueueMonitorModel::QueueColumn, Qt::AscendingOrder);
    m_queueTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_chartTitle = sectionTitle(queuesPane, "chartTitle");
    m_chart = new FloorChart(m_history, queuesPane);
    queuesLayout->addWidget(m_queuesTitle);
    queuesLayout->addWidget(m_queueTable, 3);
    queuesLayout->addWidget(m_chartTitle);
    queuesLayout->addWidget(m_chart, 2);

    // Trailing side: the agents, and the conversations drilled into.
    auto *agentsPane = new QWidget(this);
    auto *agentsLayout = new QVBoxLayout(agentsPane);
    agentsLayout->setContentsMargins(0, 0, 0, 0);
    auto *agentsHeader = new QHBoxLayout;
    m_agentsTitle = sectionTitle(agentsPane, "agentsTitle");
    m_agentSummary = new QLabel(agentsPane);
    m_agentSummary->setObjectName(QStringLiteral("agentSummary"));
    agentsHeader->addWidget(m_agentsTitle);
    agentsHeader->addStretch();
    agentsHeader->addWidget(m_agentSummary);
    auto *filterRow = new QHBoxLayout;
    m_agentFilter = new QLineEdit(agentsPane);
    m_agentFilter->setObjectName(QStringLiteral("agentFilter"));
    m_agentFilter->setClearButtonEnabled(true);
    m_agentFilter->setAccessibleName(tr("Filter agents"));
    m_presenceFilter = new QComboBox(agentsPane);
    m_presenceFilter->setObjectName(QStringLiteral("presenceFilter"));
    filterRow->addWidget(m_agentFilter, 1);
    filterRow->addWidget(m_presenceFilter);
    auto *agentTable = new AgentTable(agentsPane);
    agentTable->onDrop = [this](qint64 customerId, const QString &agent) {
        Q_EMIT assignRequested(customerId, agent, QString());
    };
    m_agentTable = floorTable(agentTable, "agentTable");
    m_agentTable->setModel(m_agentProxy);
    m_agentTable->setAccessibleName(tr("Agents"));
    m_agentTable->sortByColumn(AgentFloorModel::NameColumn, Qt::AscendingOrder);
    m_agentTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agentTable->horizontalHeader()->setSectionResizeMode(AgentFloorModel::NameColumn,
                                                           QHeaderView::Stretch);
    m_agentTable->horizontalHeader()->setStretchLastSection(false);

    m_drillTitle = sectionTitle(agentsPane, "drillTitle");
    m_drillTitle->setWordWrap(true);
    m_conversationList = new QListView(agentsPane);
    m_conversationList->setObjectName(QStringLiteral("conversations"));
    m_conversationList->setAccessibleName(tr("Conversations"));
    m_conversationList->setModel(m_conversations);
    m_conversationList->setItemDelegate(new ConversationDelegate(&m_now, m_conversationList));
    m_conversationList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_conversationList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversationList->setDragEnabled(true);
    m_conversationList->setDragDropMode(QAbstractItemView::DragOnly);
    m_conversationList->setDefaultDropAction(Qt::CopyAction);
    m_conversationList->setUniformItemSizes(true);
    m_conversationList->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_reassign = new QAction(this);
    m_reassign->setObjectName(QStringLiteral("reassignAction"));
    m_transfer = new QAction(this);
    m_transfer->setObjectName(QStringLiteral("transferAction"));
    m_open = new QAction(this);
    m_open->setObjectName(QStringLiteral("openAction"));
    auto *actionsRow = new QHBoxLayout;
    for (QAction *action : {m_open, m_reassign, m_transfer}) {
        m_conversationList->addAction(action);
        auto *button = new QToolButton(agentsPane);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        actionsRow->addWidget(button);
    }
    actionsRow->addStretch();
    connect(m_reassign, &QAction::triggered, this, &QueueMonitorView::reassignSelected);
    connect(m_transfer, &QAction::triggered, this, &QueueMonitorView::transferSelected);
    connect(m_open, &QAction::triggered, this, &QueueMonitorView::openSelected);
    connect(m_conversationList, &QAbstractItemView::activated, this,
            &QueueMonitorView::openSelected);

    agentsLayout->addLayout(agentsHeader);
    agentsLayout->addLayout(filterRow);
    agentsLayout->addWidget(m_agentTable, 2);
    agentsLayout->addWidget(m_drillTitle);
    agentsLayout->addWidget(m_conversationList, 2);
    agentsLayout->addLayout(actionsRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("monitorSplitter"));
    splitter->addWidget(queuesPane);
    splitter->addWidget(agentsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_agentFilter, &QLineEdit::textChanged, m_agentProxy, &AgentTableProxy::setNameQuery);
    connect(m_presenceFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_agentProxy->setPresence(m_presenceFilter->currentData().toString()); });
    connect(m_queueTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueueMonitorView::onQueueSelected);
    connect(m_agentTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueueMonitorView::onAgentSelected);
    connect(m_conversationList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueueMonitorView::updateActions);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_conversations, signal, this, &QueueMonitorView::updateActions);
    connect(m_conversations, &QAbstractItemModel::modelReset, this,
            &QueueMonitorView::updateActions);
    connect(m_history, &FloorHistory::pointAdded, m_chart, &FloorChart::refresh);
    connect(m_history, &FloorHistory::cleared, m_chart, &FloorChart::refresh);

    retranslate();
    updateActions();
}

QueueMonitorView::~QueueMonitorView() = default;

void QueueMonitorView::setConversations(QAbstractItemModel *inbox)
{
    m_conversations->setSourceModel(inbox);
    m_conversations->sort(0);
    updateActions();
}

qint64 QueueMonitorView::selectedCustomer() const
{
    const QModelIndexList rows = m_conversationList->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(CustomerIdRole).toLongLong();
}

void QueueMonitorView::applySnapshot(const FloorSnapshot &snapshot)
{
    m_now = snapshot.at;
    m_queues->apply(snapshot);
    m_agents->apply(snapshot);
    m_history->add(snapshot);
    updateAgentSummary();
    // Waiting times count to the snapshot's time: repaint them.
    m_conversationList->viewport()->update();
}

void QueueMonitorView::showQueue(const QString &queue, const QString &channel)
{
    const int row = m_queues->rowOf(queue, channel);
    if (row >= 0) {
        const QModelIndex index = m_queueProxy->mapFromSource(m_queues->index(row, 0));
        m_queueTable->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        m_queueTable->scrollTo(index);
        return; // onQueueSelected does the rest
    }
    m_agentTable->clearSelection();
    m_conversations->showQueue(queue, channel);
    updateDrillTitle();
}

void QueueMonitorView::showAgent(const QString &agent)
{
    const int row = m_agents->rowOf(agent);
    if (row >= 0) {
        const QModelIndex index = m_agentProxy->mapFromSource(m_agents->index(row, 0));
        if (index.isValid()) { // it may be filtered out
            m_agentTable->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
            m_agentTable->scrollTo(index);
            return;
        }
    }
    m_queueTable->clearSelection();
    m_conversations->showAgent(agent);
    updateDrillTitle();
}

void QueueMonitorView::onQueueSelected()
{
    const QModelIndexList rows = m_queueTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return; // cleared because an agent was picked: keep that drill-down
    m_agentTable->clearSelection();
    m_conversations->showQueue(rows.first().data(QueueNameRole).toString(),
                               rows.first().data(QueueChannelRole).toString());
    updateDrillTitle();
}

void QueueMonitorView::onAgentSelected()
{
    const QModelIndexList rows = m_agentTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    m_queueTable->clearSelection();
    m_conversations->showAgent(rows.first().data(AgentNameRole).toString());
    updateDrillTitle();
}

void QueueMonitorView::updateDrillTitle()
{
    const QString queue = m_conversations->queue(), channel = m_conversations->channel();
    if (m_conversations->mode() == ConversationFilter::Mode::Agent)
        m_drillTitle->setText(
            tr("Conversations assigned to %1").arg(text::isolate(m_conversations->agent())));
    else if (m_conversations->mode() == ConversationFilter::Mode::Queue && channel.isEmpty())
        m_drillTitle->setText(tr("Conversations in %1").arg(text::isolate(queue)));
    else if (m_conversations->mode() == ConversationFilter::Mode::Queue)
        m_drillTitle->setText(
            tr("Conversations in %1, %2").arg(text::isolate(queue), channelLabel(channel)));
    else
        m_drillTitle->setText(tr("Pick a queue or an agent to see their conversations."));
}

void QueueMonitorView::updateAgentSummary()
{
    m_agentSummary->setText(tr("%1 available, %2 busy, %3 away")
                                .arg(formatNumber(m_agents->count(QStringLiteral("available"))),
                                     formatNumber(m_agents->count(QStringLiteral("busy"))),
                                     formatNumber(m_agents->count(QStringLiteral("away")))));
}

void QueueMonitorView::updateActions()
{
    const bool picked = selectedCustomer() != 0;
    m_reassign->setEnabled(picked);
    m_transfer->setEnabled(picked);
    m_open->setEnabled(picked);
}

void QueueMonitorView::reassignSelected()
{
    const qint64 customerId = selectedCustomer();
    if (!customerId)
        return;
    QList<PickDialog::Choice> agents;
    for (const AgentState &a : m_agents->rows())
        agents.append({tr("%1 (%2, %3 open)")
                           .arg(text::isolate(a.name), presenceLabel(a.presence),
                                formatNumber(a.openConversations)),
                       a.name});
    auto *dialog = new PickDialog(this, QStringLiteral("reassignDialog"),
                                  tr("Reassign conversation"), tr("Agent:"), agents);
    connect(dialog, &QDialog::accepted, this, [this, dialog, customerId] {
        Q_EMIT assignRequested(customerId, dialog->choice(), dialog->note());
    });
    dialog->open();
}

void QueueMonitorView::transferSelected()
{
    const qint64 customerId = selectedCustomer();
    if (!customerId)
        return;
    QList<PickDialog::Choice> queues;
    QSet<QString> seen;
    for (const QueueStats &q : m_queues->rows())
        if (!seen.contains(q.queue)) {
            seen.insert(q.queue);
            queues.append({text::isolate(q.queue), q.queue});
        }
    auto *dialog = new PickDialog(this, QStringLiteral("transferDialog"), tr("Move to queue"),
                                  tr("Queue:"), queues);
    connect(dialog, &QDialog::accepted, this, [this, dialog, customerId] {
        Q_EMIT transferRequested(customerId, dialog->choice(), dialog->note());
    });
    dialog->open();
}

void QueueMonitorView::openSelected()
{
    if (const qint64 customerId = selectedCustomer())
        Q_EMIT openCustomerRequested(customerId);
}

void QueueMonitorView::retranslate()
{
    m_queuesTitle->setText(tr("Queues"));
    m_chartTitle->setText(tr("The last hour"));
    m_agentsTitle->setText(tr("Agents"));
    m_agentFilter->setPlaceholderText(tr("Filter agents by name"));
    const QString presence = m_presenceFilter->currentData().toString();
    m_presenceFilter->clear();
    m_presenceFilter->addItem(tr("Any presence"), QString());
    for (const char *code : {"available", "busy", "away", "offline"})
        m_presenceFilter->addItem(presenceLabel(QLatin1String(code)), QLatin1String(code));
    m_presenceFilter->setCurrentIndex(std::max(0, m_presenceFilter->findData(presence)));
    m_reassign->setText(tr("Reassign…"));
    m_reassign->setToolTip(tr("Give the conversation to another agent, with a note"));
    m_transfer->setText(tr("Move to queue…"));
    m_transfer->setToolTip(tr("Move the conversation to another queue, with a note"));
    m_open->setText(tr("Open thread"));
    m_open->setToolTip(tr("Open the conversation's thread (Enter)"));
    m_conversationList->setToolTip(tr("Drag a conversation onto an agent to give it to them"));
    updateDrillTitle();
    updateAgentSummary();
}

void QueueMonitorView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace threadline::ui
