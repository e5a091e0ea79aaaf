// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/cache_error.h"

#include <optional>

namespace threadline::cache {

class Database;

/// The schema version this build writes (PRAGMA user_version).
int latestSchemaVersion();

/// Brings the cache forward, one version per transaction, up to `target`
/// (normally the latest). Forward only: a file from a newer build is refused
/// with newer_schema rather than touched.
std::optional<CacheError> migrate(Database &db, int target = latestSchemaVersion());

} // namespace threadline::cache
