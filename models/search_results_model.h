// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/search_hit.h"

#include <QAbstractListModel>
#include <QList>

namespace threadline::models {

/// The search palette's list: results grouped Customers, Messages, Orders, each
/// group under a header row (not selectable). Replaced as a whole when an answer
/// arrives (the cache's first, then the one merged with the hub's), keeping the
/// agent's place when the hit they are on is still there.
class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        HitRole = Qt::UserRole + 1, ///< the whole SearchHit (not set on headers)
        IsHeaderRole,               ///< bool
        KindRole,                   ///< SearchHit::Kind as int, for headers and hits
        CountRole,                  ///< headers: how many hits the group has
    };

    explicit SearchResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setHits(const QList<SearchHit> &hits);
    void clear();
    int hitCount() const { return int(m_hits.size()); }

    /// The hit on @p row, or nullptr on a header.
    const SearchHit *hitAt(int row) const;
    /// The first hit row after (delta > 0) or before (delta < 0) @p row, skipping
    /// headers; @p row when there is none. row -1 with delta 1 gives the first hit.
    int stepHit(int row, int delta) const;
    /// The row showing the same thing as @p hit (same kind, customer and message), or -1.
    int rowOf(const SearchHit &hit) const;

private:
    struct Row {
        bool header = false;
        SearchHit::Kind kind = SearchHit::Kind::Customer;
        int hit = -1;   ///< index into m_hits
        int count = 0;  ///< headers only
    };
    QList<SearchHit> m_hits;
    QList<Row> m_rows;
};

} // namespace threadline::models
