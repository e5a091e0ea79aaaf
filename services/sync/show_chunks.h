// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/cache_store.h"

#include <QList>

namespace threadline::services {

/// A written transaction cut into what the GUI takes in one turn: at most `maxEvents`
/// messages and statuses together per chunk, in the order they were written (messages,
/// then statuses). Each customer goes with the first chunk holding one of their
/// messages, those with none in the first, so the inbox knows a customer before their
/// message shows (the alerts look up its assignee). Merges go last. Only what is shown
/// is kept: seq and search flags stay with the write.
QList<cache::CacheWrite> chunksForShowing(const cache::CacheWrite &written, int maxEvents);

} // namespace threadline::services
