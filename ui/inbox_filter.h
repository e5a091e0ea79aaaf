// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace threadline::ui {

/// The inbox narrowed to what the agent typed. Names and identities are folded
/// the same way as the query (services/text/search_folding.h), so «علي» finds
/// «علی», «كريم» finds «کریم» and «۰۹۱۲» finds +98912…
class InboxFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit InboxFilter(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *source) override;

public Q_SLOTS:
    void setQuery(const QString &query);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    struct Searchable {
        QStringList texts;       ///< folded name and identities
        QStringList phoneDigits; ///< each phone identity's digits
    };
    /// What a source row can be found by, kept until the row changes.
    const Searchable &searchable(int sourceRow) const;
    void forget() { m_folded.clear(); }

    QString m_query;       ///< folded
    QString m_queryDigits; ///< the query's digits when it looks like a phone number
    mutable QHash<qint64, Searchable> m_folded; ///< by customer id
};

} // namespace threadline::ui
