// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

namespace threadline::models {

/// What counts as unread (docs/protocol.md, "conversation.read"): what the customer wrote
/// to us on chat, SMS or email. Replies, notes, logged calls, order and system items never
/// do. The hub counts by the same rule (server/read_marker_store.cpp).
inline bool countsAsUnread(const Message &m)
{
    return m.direction == QLatin1String("in") &&
           (m.channel == QLatin1String("chat") || m.channel == QLatin1String("sms") ||
            m.channel == QLatin1String("email"));
}

} // namespace threadline::models
