// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbox_model.h"

#include "models/inbox_roles.h"

#include <algorithm>

namespace threadline::models {
namespace {
bool newerFirst(const Customer &a, const Customer &b)
{
    return a.lastAt != b.lastAt ? a.lastAt > b.lastAt : a.id > b.id;
}
} // namespace

InboxModel::InboxModel(QObject *parent) : QAbstractListModel(parent) {}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Customer &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case CustomerNameRole:
        return c.name;
    case CustomerIdRole:
        return c.id;
    case PreviewRole:
        return c.lastPreview;
    case LastAtRole:
        return c.lastAt;
    case LastChannelRole:
        return c.lastChannel;
    case LastDirectionRole:
        return c.lastDirection;
    case StatusRole:
        return c.status;
    case AssigneeRole:
        return c.assignee;
    case UnreadRole:
        return c.unread;
    case ItemCountRole:
        return c.itemCount;
    case QueueRole:
        return c.queue;
    case LabelsRole:
        return c.labels;
    case WaitingSinceRole:
        return c.waitingSince;
    case SnoozeUntilRole:
        return c.snoozeUntil;
    case AmberWaitRole:
    case RedWaitRole: {
        // A missing queue means "general" on the wire (docs/protocol.md).
        const auto q = m_queues.constFind(c.queue.isEmpty() ? QStringLiteral("general") : c.queue);
        const bool known = q != m_queues.cend() && q->amberS > 0 && q->redS > 0;
        if (role == AmberWaitRole)
            return known ? q->amberS : kFallbackAmberS;
        return known ? q->redS : kFallbackRedS;
    }
    case IdentitiesRole: {
        QStringList out;
        for (const auto &i : c.identities)
            out.append(i.kind + QLatin1Char(':') + i.value);
        return out;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> InboxModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{CustomerIdRole, "customerId"},   {CustomerNameRole, "name"},
                  {PreviewRole, "preview"},         {LastAtRole, "lastAt"},
                  {LastChannelRole, "lastChannel"}, {LastDirectionRole, "lastDirection"},
                  {StatusRole, "status"},           {AssigneeRole, "assignee"},
                  {UnreadRole, "unread"},           {IdentitiesRole, "identities"},
                  {ItemCountRole, "itemCount"},     {QueueRole, "queue"},
                  {LabelsRole, "labels"},           {WaitingSinceRole, "waitingSince"},
                  {SnoozeUntilRole, "snoozeUntil"}, {AmberWaitRole, "amberWait"},
                  {RedWaitRole, "redWait"}});
    return names;
}

void InboxModel::applyCustomers(const QList<Customer> &batch)
{
    if (batch.isEmpty())
        return;
    // Updates first, in place; then one insert for the new customers; then one
    // re-sort (layoutChanged) if the order moved; then one dataChanged over the
    // updated rows where they now are. A batch of any size costs at most four model
    // notifications.
    //
    // The dataChanged comes after the re-sort: customers updated by new messages move
    // to the top together, so their range is about as long as the batch; before it,
    // they are scattered and the range spans nearly the whole inbox, which every
    // filter proxy then re-filters and re-sorts row by row.
    QList<Customer> added;
    QList<qint64> updated;
    updated.reserve(batch.size());
    for (const Customer &incoming : batch) {
        const auto it = m_rowById.constFind(incoming.id);
        if (it == m_rowById.cend()) {
            added.append(incoming);
            continue;
        }
        // The count comes with the customer: the sync service keeps it with the hub's
        // read markers (it may go down when another desktop of ours read the thread).
        m_rows[*it] = incoming;
        updated.append(incoming.id);
    }
    if (!added.isEmpty()) {
        // Sorted before they go in, so a first load is in order the moment a
        // view hears of it (rowsInserted), not only after the re-sort below.
        std::stable_sort(added.begin(), added.end(), newerFirst);
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows.append(added);
        reindex();
        endInsertRows();
    }
    if (!std::is_sorted(m_rows.cbegin(), m_rows.cend(), newerFirst)) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QList<qint64> idsBefore;
        idsBefore.reserve(before.size());
        for (const QModelIndex &i : before)
            idsBefore.append(m_rows.at(i.row()).id);
        std::stable_sort(m_rows.begin(), m_rows.end(), newerFirst);
        reindex();
        QModelIndexList after;
        after.reserve(before.size());
        for (int i = 0; i < before.size(); ++i)
            after.append(index(m_rowById.value(idsBefore.at(i)), before.at(i).column()));
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    int firstChanged = -1, lastChanged = -1;
    for (const qint64 id : std::as_const(updated)) {
        const int row = m_rowById.value(id);
        firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged), index(lastChanged));
}

void InboxModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    endResetModel();
}

void InboxModel::removeCustomers(const QList<qint64> &ids)
{
    for (qint64 id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        reindex();
        endRemoveRows();
    }
}

void InboxModel::markRead(qint64 customerId)
{
    const int row = rowOf(customerId);
    if (row < 0 || m_rows[row].unread == 0)
        return;
    m_rows[row].unread = 0;
    Q_EMIT dataChanged(index(row), index(row), {UnreadRole});
}

void InboxModel::addUnread(qint64 customerId, int count)
{
    const int row = rowOf(customerId);
    if (row < 0 || count <= 0)
        return;
    m_rows[row].unread += count;
    Q_EMIT dataChanged(index(row), index(row), {UnreadRole});
}

void InboxModel::setQueues(const QList<QueueSla> &queues)
{
    QHash<QString, QueueSla> byName;
    for (const QueueSla &q : queues)
        byName.insert(q.name, q);
    if (byName == m_queues)
        return;
    m_queues = byName;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1),
                           {AmberWaitRole, RedWaitRole});
}

std::optional<Customer> InboxModel::customer(qint64 id) const
{
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    return m_rows.at(row);
}

int InboxModel::rowOf(qint64 id) const
{
    return m_rowById.value(id, -1);
}

void InboxModel::reindex()
{
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i).id, i);
}

} // namespace threadline::models
