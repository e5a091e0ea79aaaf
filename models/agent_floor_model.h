// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/floor_table_model.h"
#include "models/queue_stats.h"

namespace threadline::models {

/// The agents on the floor: name, presence and open conversations, one row per
/// agent in name order, applied from each snapshot in place like
/// QueueMonitorModel. DisplayRole shows the name, the presence code as the hub
/// sent it (the view translates it) and the count in the default QLocale's
/// digits; AgentSortRole sorts presence by availability (available, busy, away,
/// offline, anything else) rather than alphabetically. Roles:
/// models/agent_floor_roles.h.
class AgentFloorModel : public FloorTableModel<AgentState> {
    Q_OBJECT
public:
    enum Column { NameColumn, PresenceColumn, OpenConversationsColumn, ColumnCount };

    explicit AgentFloorModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Untranslated English titles, for debugging; the view shows its own.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Makes the table show @p snapshot's agents.
    void apply(const FloorSnapshot &snapshot);
    /// The row of an agent by user name, or -1.
    int rowOf(const QString &name) const;
    /// How many agents have @p presence ("available", "busy", ...).
    int count(const QString &presence) const;

protected:
    bool keyLess(const AgentState &a, const AgentState &b) const override;
    bool cellDiffers(const AgentState &before, const AgentState &after, int column) const override;
};

} // namespace threadline::models
