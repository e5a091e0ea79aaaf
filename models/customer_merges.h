// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

#include <QList>
#include <QSet>
#include <QString>

namespace threadline::models {

/// A customer merged into the one whose thread this is, as long as the merge stands.
struct MergedCustomer {
    qint64 mergeId = 0;
    qint64 customerId = 0; ///< the absorbed customer
    QString name;
    qint64 at = 0;
};

/// The merges that still stand in a thread: its "merged" system items that no later
/// "unmerged" item with the same merge_id took back (any order of items).
inline QList<MergedCustomer> standingMerges(const QList<Message> &items)
{
    const auto mergeId = [](const Message &m) {
        return m.meta.value(QStringLiteral("merge_id")).toInteger();
    };
    QSet<qint64> undone;
    for (const Message &m : items)
        if (m.channel == QLatin1String("system")
            && m.meta.value(QStringLiteral("event")).toString() == QLatin1String("unmerged"))
            undone.insert(mergeId(m));
    QList<MergedCustomer> standing;
    for (const Message &m : items)
        if (m.channel == QLatin1String("system")
            && m.meta.value(QStringLiteral("event")).toString() == QLatin1String("merged")
            && mergeId(m) > 0 && !undone.contains(mergeId(m)))
            standing.append({mergeId(m), m.meta.value(QStringLiteral("customer_id")).toInteger(),
                             m.meta.value(QStringLiteral("name")).toString(), m.at});
    return standing;
}

} // namespace threadline::models
