// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/search_hit.h"

#include <QJsonArray>
#include <QList>

namespace threadline::services {

/// What the hub's `search` answered, as hits (fromHub set), with the matches in
/// each snippet marked by the desktop's own folding. The customers named in the
/// results are returned in @p customers, for the cache. Malformed results are skipped.
QList<models::SearchHit> hubSearchHits(const QJsonArray &results, const QString &query,
                                       QList<models::Customer> *customers = nullptr);

/// The local hits, then what only the hub found: a message already cached (same
/// hub id) or a customer already listed is not repeated.
QList<models::SearchHit> mergeSearchHits(const QList<models::SearchHit> &local,
                                         const QList<models::SearchHit> &hub);

} // namespace threadline::services
