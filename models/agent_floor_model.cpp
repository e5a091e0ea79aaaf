// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/agent_floor_model.h"

#include "models/agent_floor_roles.h"

#include <QLocale>

#include <algorithm>

namespace threadline::models {
namespace {
int presenceRank(const QString &presence)
{
    static const QLatin1String order[] = {QLatin1String("available"), QLatin1String("busy"),
                                          QLatin1String("away"), QLatin1String("offline")};
    for (int i = 0; i < 4; ++i)
        if (presence == order[i])
            return i;
    return 4;
}
} // namespace

AgentFloorModel::AgentFloorModel(QObject *parent) : FloorTableModel(parent) {}

int AgentFloorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentFloorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgentState &a = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case AgentNameRole:
        return a.name;
    case AgentPresenceRole:
        return a.presence;
    case AgentOpenConversationsRole:
        return a.openConversations;
    case AgentSortRole:
        switch (column) {
        case NameColumn:
            return a.name;
        case PresenceColumn:
            return presenceRank(a.presence);
        case OpenConversationsColumn:
            return a.openConversations;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == OpenConversationsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignTrailing | Qt::AlignVCenter));
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return a.name;
        case PresenceColumn:
            return a.presence;
        case OpenConversationsColumn:
            return QLocale().toString(a.openConversations);
        }
        return {};
    default:
        return {};
    }
}

QVariant AgentFloorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {"Agent", "Presence", "Open conversations"};
    return QString::fromLatin1(titles[section]);
}

QHash<int, QByteArray> AgentFloorModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert({{AgentSortRole, "sortValue"},
                  {AgentNameRole, "name"},
                  {AgentPresenceRole, "presence"},
                  {AgentOpenConversationsRole, "openConversations"}});
    return names;
}

void AgentFloorModel::apply(const FloorSnapshot &snapshot)
{
    applyRows(snapshot.agents);
}

int AgentFloorModel::rowOf(const QString &name) const
{
    AgentState key;
    key.name = name;
    const auto less = [this](const AgentState &a, const AgentState &b) { return keyLess(a, b); };
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key, less);
    if (it == m_rows.cend() || keyLess(key, *it))
        return -1;
    return static_cast<int>(it - m_rows.cbegin());
}

int AgentFloorModel::count(const QString &presence) const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [&](const AgentState &a) {
        return a.presence == presence;
    }));
}

bool AgentFloorModel::keyLess(const AgentState &a, const AgentState &b) const
{
    return a.name < b.name;
}

bool AgentFloorModel::cellDiffers(const AgentState &before, const AgentState &after,
                                  int column) const
{
    switch (column) {
    case PresenceColumn:
        return before.presence != after.presence;
    case OpenConversationsColumn:
        return before.openConversations != after.openConversations;
    default:
        return false; // the name is the key
    }
}

} // namespace threadline::models
