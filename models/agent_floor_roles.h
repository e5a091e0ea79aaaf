// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace threadline::models {

/// Every data role of AgentFloorModel. Proxies number theirs after AgentFloorLastRole.
enum AgentFloorRole {
    AgentSortRole = Qt::UserRole + 1, ///< the raw value a column sorts by
    AgentNameRole,                    ///< QString, any column
    AgentPresenceRole,                ///< "available", "busy", "away", "offline"; any column
    AgentOpenConversationsRole,       ///< int, any column
    AgentFloorLastRole,
};

} // namespace threadline::models
