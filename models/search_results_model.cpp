// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/search_results_model.h"

namespace threadline::models {

SearchResultsModel::SearchResultsModel(QObject *parent) : QAbstractListModel(parent) {}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case HitRole:
        return row.header ? QVariant() : QVariant::fromValue(m_hits.at(row.hit));
    case IsHeaderRole:
        return row.header;
    case KindRole:
        return int(row.kind);
    case CountRole:
        return row.count;
    case Qt::DisplayRole:
        // For accessibility and tests: the plain text the row stands for.
        return row.header ? QVariant() : QVariant(m_hits.at(row.hit).snippet);
    default:
        return {};
    }
}

Qt::ItemFlags SearchResultsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || m_rows.at(index.row()).header)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void SearchResultsModel::setHits(const QList<SearchHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    m_rows.clear();
    for (const auto kind : {SearchHit::Kind::Customer, SearchHit::Kind::Message, SearchHit::Kind::Order}) {
        const qsizetype headerRow = m_rows.size();
        for (int i = 0; i < m_hits.size(); ++i)
            if (m_hits.at(i).kind == kind) {
                if (m_rows.size() == headerRow)
                    m_rows.append({true, kind, -1, 0});
                m_rows.append({false, kind, i, 0});
                ++m_rows[headerRow].count;
            }
    }
    endResetModel();
}

void SearchResultsModel::clear()
{
    setHits({});
}

const SearchHit *SearchResultsModel::hitAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).header)
        return nullptr;
    return &m_hits.at(m_rows.at(row).hit);
}

int SearchResultsModel::stepHit(int row, int delta) const
{
    for (int r = row + (delta < 0 ? -1 : 1); r >= 0 && r < m_rows.size(); r += delta < 0 ? -1 : 1)
        if (!m_rows.at(r).header)
            return r;
    return row;
}

int SearchResultsModel::rowOf(const SearchHit &hit) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        const SearchHit *h = hitAt(r);
        if (h && h->kind == hit.kind && h->customerId == hit.customerId &&
            h->messageId == hit.messageId && h->snippet == hit.snippet)
            return r;
    }
    return -1;
}

} // namespace threadline::models
