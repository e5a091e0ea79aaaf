// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace threadline::models {

/// Every data role of TimelineModel.
enum TimelineRole {
    MessageRole = Qt::UserRole + 1, ///< the whole models::Message, for the delegate
    MessageKeyRole,                 ///< stable key: hub id, or "c:<client id>" for echoes
    ChannelRole,
    DirectionRole,
    AuthorRole,
    BodyRole,
    SubjectRole,
    AtRole,
    DeliveryRole,                   ///< models::Delivery as int
    ExpandedRole,                   ///< bool: the email's quoted history is shown
    UnreadMarkerRole,               ///< bool: the first item the agent has not seen yet
    TimelineLastRole,
};

} // namespace threadline::models
