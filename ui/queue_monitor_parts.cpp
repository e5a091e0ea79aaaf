// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/queue_monitor_parts.h"

#include "models/agent_floor_model.h"
#include "models/agent_floor_roles.h"
#include "models/inbox_roles.h"
#include "models/queue_monitor_model.h"
#include "models/queue_monitor_roles.h"
#include "services/text/safe_text.h"
#include "services/text/search_folding.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"
#include "ui/queue_monitor_view.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFormLayout>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>

namespace threadline::ui {

using namespace threadline::models;

QString presenceLabel(const QString &presence)
{
    if (presence == QLatin1String("available"))
        return QCoreApplication::translate("Presence", "Available");
    if (presence == QLatin1String("busy"))
        return QCoreApplication::translate("Presence", "Busy");
    if (presence == QLatin1String("away"))
        return QCoreApplication::translate("Presence", "Away");
    if (presence == QLatin1String("offline"))
        return QCoreApplication::translate("Presence", "Offline");
    return text::isolate(presence);
}

namespace {
QColor presenceColor(const QString &presence)
{
    if (presence == QLatin1String("available"))
        return QColor(0x2e, 0x7d, 0x32);
    if (presence == QLatin1String("busy"))
        return QColor(0xef, 0x6c, 0x00);
    if (presence == QLatin1String("away"))
        return QColor(0xf9, 0xa8, 0x25);
    return QColor(0x9e, 0x9e, 0x9e);
}

/// A coloured dot beside the presence word (the word is what tells them apart).
QIcon presenceIcon(const QString &presence)
{
    QPixmap dot(12, 12);
    dot.fill(Qt::transparent);
    QPainter p(&dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(presenceColor(presence));
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(dot);
}
} // namespace

// --- queues ---------------------------------------------------------------

QueueTableProxy::QueueTableProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(QueueSortRole);
    setDynamicSortFilter(true);
}

QVariant QueueTableProxy::data(const QModelIndex &index, int role) const
{
    using Column = QueueMonitorModel::Column;
    const int severity = QSortFilterProxyModel::data(index, QueueSeverityRole).toInt();
    switch (role) {
    case Qt::DisplayRole: {
        QString text;
        if (index.column() == Column::QueueColumn)
            text = text::isolate(QSortFilterProxyModel::data(index, QueueNameRole).toString());
        else if (index.column() == Column::ChannelColumn) {
            const QString channel = QSortFilterProxyModel::data(index, QueueChannelRole).toString();
            text = channel.isEmpty() ? tr("All channels") : channelLabel(channel);
        } else
            text = inChosenDigits(QSortFilterProxyModel::data(index, role).toString());
        // Not colour alone: a marker that screen readers and colour-blind eyes get.
        return severity > 0 ? QStringLiteral("▲ ") + text : text;
    }
    case Qt::BackgroundRole:
        if (severity == 1)
            return QColor(0xff, 0xe0, 0x82); // amber
        if (severity == 2)
            return QColor(0xef, 0x9a, 0x9a); // red
        return {};
    case Qt::ForegroundRole:
        return severity > 0 ? QVariant(QColor(0x21, 0x21, 0x21)) : QVariant();
    case Qt::FontRole:
        if (severity == 2) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: {
        const int row = mapToSource(index).row();
        const auto *model = static_cast<const QueueMonitorModel *>(sourceModel());
        if (row < 0 || !model)
            return {};
        const QueueStats &s = model->rows().at(row);
        const QLocale locale;
        if (index.column() == Column::LongestWaitColumn && s.amberWaitS > 0 && s.redWaitS > 0)
            return tr("Amber from %1, red from %2")
                .arg(QueueMonitorModel::formatDuration(qint64(s.amberWaitS) * 1000, locale),
                     QueueMonitorModel::formatDuration(qint64(s.redWaitS) * 1000, locale));
        if (index.column() == Column::SlaColumn)
            return tr("Share answered within %1 over the last hour; amber below %2, red below %3")
                .arg(QueueMonitorModel::formatDuration(qint64(s.slaTargetS) * 1000, locale),
                     locale.toString(qRound(QueueMonitorModel::kSlaAmberBelow * 100)) +
                         locale.percent(),
                     locale.toString(qRound(QueueMonitorModel::kSlaRedBelow * 100)) +
                         locale.percent());
        return {};
    }
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

QVariant QueueTableProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QSortFilterProxyModel::headerData(section, orientation, role);
    switch (section) {
    case QueueMonitorModel::QueueColumn:
        return tr("Queue");
    case QueueMonitorModel::ChannelColumn:
        return tr("Channel");
    case QueueMonitorModel::WaitingColumn:
        return tr("Waiting");
    case QueueMonitorModel::LongestWaitColumn:
        return tr("Longest wait");
    case QueueMonitorModel::AverageWaitColumn:
        return tr("Average wait");
    case QueueMonitorModel::AverageHandleColumn:
        return tr("Handle time");
    case QueueMonitorModel::SlaColumn:
        return tr("SLA");
    }
    return {};
}

// --- agents ---------------------------------------------------------------

AgentTableProxy::AgentTableProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AgentSortRole);
    setDynamicSortFilter(true);
}

QVariant AgentTableProxy::data(const QModelIndex &index, int role) const
{
    const bool name = index.column() == AgentFloorModel::NameColumn;
    const bool presence = index.column() == AgentFloorModel::PresenceColumn;
    if (role == Qt::DisplayRole && name)
        return text::isolate(QSortFilterProxyModel::data(index, AgentNameRole).toString());
    if (role == Qt::DisplayRole && presence)
        return presenceLabel(QSortFilterProxyModel::data(index, AgentPresenceRole).toString());
    if (role == Qt::DecorationRole && presence)
        return presenceIcon(QSortFilterProxyModel::data(index, AgentPresenceRole).toString());
    if (role == Qt::DisplayRole) // counts, in the digits the agent chose
        return inChosenDigits(QSortFilterProxyModel::data(index, role).toString());
    return QSortFilterProxyModel::data(index, role);
}

QVariant AgentTableProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QSortFilterProxyModel::headerData(section, orientation, role);
    switch (section) {
    case AgentFloorModel::NameColumn:
        return tr("Agent");
    case AgentFloorModel::PresenceColumn:
        return tr("Presence");
    case AgentFloorModel::OpenConversationsColumn:
        return tr("Open");
    }
    return {};
}

void AgentTableProxy::setNameQuery(const QString &query)
{
    m_query = text::foldForSearch(query);
    invalidateFilter();
}

void AgentTableProxy::setPresence(const QString &presence)
{
    m_presence = presence;
    invalidateFilter();
}

bool AgentTableProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_presence.isEmpty() && i.data(AgentPresenceRole).toString() != m_presence)
        return false;
    return m_query.isEmpty() ||
           text::foldForSearch(i.data(AgentNameRole).toString()).contains(m_query);
}

// --- conversations --------------------------------------------------------

ConversationFilter::ConversationFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void ConversationFilter::showQueue(const QString &queue, const QString &channel)
{
    m_mode = Mode::Queue;
    m_queue = queue;
    m_channel = channel;
    m_agent.clear();
    invalidateFilter();
}

void ConversationFilter::showAgent(const QString &agent)
{
    m_mode = Mode::Agent;
    m_agent = agent;
    m_queue.clear();
    m_channel.clear();
    invalidateFilter();
}

bool ConversationFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (i.data(StatusRole).toString() == QLatin1String("resolved"))
        return false;
    switch (m_mode) {
    case Mode::Queue:
        return i.data(QueueRole).toString() == m_queue &&
               (m_channel.isEmpty() || i.data(LastChannelRole).toString() == m_channel);
    case Mode::Agent:
        return i.data(AssigneeRole).toString() == m_agent;
    case Mode::None:
        break;
    }
    return false;
}

bool ConversationFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The longest waiting first; those not waiting after them, newest activity first.
    const qint64 a = left.data(WaitingSinceRole).toLongLong();
    const qint64 b = right.data(WaitingSinceRole).toLongLong();
    if ((a == 0) != (b == 0))
        return a != 0;
    if (a != b)
        return a < b;
    return left.data(LastAtRole).toLongLong() > right.data(LastAtRole).toLongLong();
}

Qt::ItemFlags ConversationFilter::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags f = QSortFilterProxyModel::flags(index);
    return index.isValid() ? f | Qt::ItemIsDragEnabled : f;
}

QStringList ConversationFilter::mimeTypes() const
{
    return {QueueMonitorView::customerMimeType()};
}

QMimeData *ConversationFilter::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QueueMonitorView::customerMimeType(),
                  QByteArray::number(indexes.first().data(CustomerIdRole).toLongLong()));
    return mime;
}

// --- one conversation -----------------------------------------------------

ConversationDelegate::ConversationDelegate(const qint64 *now, QObject *parent)
    : QStyledItemDelegate(parent), m_now(now)
{
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {0, option.fontMetrics.height() + 14};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = selected ? text : pal.color(QPalette::PlaceholderText);
    const QFontMetrics fm(option.font);
    const QRect r = option.rect.adjusted(8, 0, -8, 0);

    const qint64 since = index.data(WaitingSinceRole).toLongLong();
    const qint64 now = *m_now ? *m_now : QDateTime::currentMSecsSinceEpoch();
    const QString waiting = since > 0 ? ConversationDelegate::tr("waiting %1")
                                            .arg(QueueMonitorModel::formatDuration(now - since))
                                      : ConversationDelegate::tr("answered");
    const QString assignee = index.data(AssigneeRole).toString();
    const QString who =
        assignee.isEmpty() ? ConversationDelegate::tr("unassigned") : text::isolate(assignee);

    // Name on the leading side; who has it, then how long they wait, trailing.
    const int waitWidth = fm.horizontalAdvance(waiting) + 12;
    const int whoWidth = std::min(r.width() / 3, fm.horizontalAdvance(who) + 12);
    const QRect waitRect = QStyle::visualRect(
        option.direction, r, QRect(r.right() - waitWidth + 1, r.top(), waitWidth, r.height()));
    const QRect whoRect = QStyle::visualRect(
        option.direction, r,
        QRect(r.right() - waitWidth - whoWidth + 1, r.top(), whoWidth, r.height()));
    const QRect nameRect =
        QStyle::visualRect(option.direction, r,
                           QRect(r.left(), r.top(), r.width() - waitWidth - whoWidth, r.height()));
    const auto lead = QStyle::visualAlignment(option.direction, Qt::AlignLeading);
    const auto trail = QStyle::visualAlignment(option.direction, Qt::AlignTrailing);

    QFont nameFont = option.font;
    nameFont.setBold(since > 0);
    painter->setFont(nameFont);
    painter->setPen(text);
    painter->drawText(nameRect, lead | Qt::AlignVCenter,
                      text::isolate(QFontMetrics(nameFont).elidedText(
                          text::neutraliseBidi(index.data(CustomerNameRole).toString()),
                          Qt::ElideRight, nameRect.width())));
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(whoRect, lead | Qt::AlignVCenter,
                      fm.elidedText(who, Qt::ElideRight, whoRect.width()));
    painter->setPen(text);
    painter->drawText(waitRect, trail | Qt::AlignVCenter, waiting);
    painter->restore();
}

// --- drop target ----------------------------------------------------------

AgentTable::AgentTable(QWidget *parent) : QTableView(parent)
{
    setAcceptDrops(true); // the viewport too
    setDragDropMode(QAbstractItemView::DropOnly);
}

qint64 AgentTable::customerIn(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(QueueMonitorView::customerMimeType()))
        return 0;
    bool ok = false;
    const qint64 id = mime->data(QueueMonitorView::customerMimeType()).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

void AgentTable::dragEnterEvent(QDragEnterEvent *event)
{
    if (customerIn(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void AgentTable::dragMoveEvent(QDragMoveEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (customerIn(event->mimeData()) && index.isValid()) {
        event->acceptProposedAction();
        // Show whose row it would land on without selecting it (that would
        // change the drill-down under the dragged conversation).
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    } else {
        event->ignore();
    }
}

void AgentTable::dropEvent(QDropEvent *event)
{
    const qint64 customerId = customerIn(event->mimeData());
    const QModelIndex index = indexAt(event->position().toPoint());
    if (!customerId || !index.isValid()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    if (onDrop)
        onDrop(customerId, index.data(AgentNameRole).toString());
}

// --- dialog ---------------------------------------------------------------

PickDialog::PickDialog(QWidget *parent, const QString &objectName, const QString &title,
                       const QString &prompt, const QList<Choice> &choices)
    : QDialog(parent), m_choices(new QComboBox(this)), m_note(new QPlainTextEdit(this))
{
    setObjectName(objectName);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(title);
    for (const Choice &c : choices)
        m_choices->addItem(c.label, c.value);
    m_note->setPlaceholderText(tr("Optional: what the next person should know"));
    m_note->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!choices.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(prompt, m_choices);
    form->addRow(tr("Note:"), m_note);
    form->addRow(buttons);
}

QString PickDialog::choice() const
{
    return m_choices->currentData().toString();
}

QString PickDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

} // namespace threadline::ui
