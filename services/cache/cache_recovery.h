// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/cache_error.h"

#include <QDateTime>
#include <QString>

#include <variant>

namespace threadline::cache {

/// Puts a damaged cache out of the way so a fresh one can be created: renames the
/// file (and its -wal and -shm) to "<name>.damaged-<UTC timestamp>". Never deletes
/// anything, so the outbox in it can still be rescued by hand. The database must be
/// closed. Returns the new path of the main file.
std::variant<QString, CacheError> moveAside(const QString &path,
                                            const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace threadline::cache
