// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <algorithm>

namespace threadline::models {

/// A table of rows that carry their own key, kept in key order, that takes a
/// whole new set of rows at once (a floor snapshot) with as few model signals as
/// possible: one removal per run of vanished rows, one dataChanged per run of
/// changed cells in a row, one insertion per run of new rows. Views keep their
/// selection and scroll position across snapshots.
template <typename Row> class FloorTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    /// The rows in key order.
    const QList<Row> &rows() const { return m_rows; }

    /// Forgets every row (signed out, or the role changed).
    void clear()
    {
        if (m_rows.isEmpty())
            return;
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }

protected:
    /// Strict weak order on the rows' keys; equal keys are the same row.
    virtual bool keyLess(const Row &a, const Row &b) const = 0;
    /// Whether anything a view shows of @p column differs (value, severity, tooltip).
    virtual bool cellDiffers(const Row &before, const Row &after, int column) const = 0;

    /// Makes the table hold exactly @p incoming (a later duplicate key is ignored).
    void applyRows(QList<Row> incoming)
    {
        const auto less = [this](const Row &a, const Row &b) { return keyLess(a, b); };
        const auto same = [this](const Row &a, const Row &b) {
            return !keyLess(a, b) && !keyLess(b, a);
        };
        std::stable_sort(incoming.begin(), incoming.end(), less);
        incoming.erase(std::unique(incoming.begin(), incoming.end(), same), incoming.end());
        const auto kept = [&](const Row &r) {
            return std::binary_search(incoming.cbegin(), incoming.cend(), r, less);
        };

        // Vanished rows, from the end so earlier row numbers stay valid.
        for (int last = static_cast<int>(m_rows.size()) - 1; last >= 0;) {
            if (kept(m_rows.at(last))) {
                --last;
                continue;
            }
            int first = last;
            while (first > 0 && !kept(m_rows.at(first - 1)))
                --first;
            beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
            last = first - 1;
        }

        // Rows that stay: only the cells that changed.
        QList<Row> added;
        const int columns = columnCount();
        for (const Row &r : std::as_const(incoming)) {
            const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), r, less);
            if (it == m_rows.cend() || less(r, *it)) {
                added.append(r);
                continue;
            }
            const int row = static_cast<int>(it - m_rows.cbegin());
            QList<std::pair<int, int>> runs;
            for (int c = 0, start = -1; c <= columns; ++c) {
                const bool differs = c < columns && cellDiffers(m_rows.at(row), r, c);
                if (differs && start < 0)
                    start = c;
                else if (!differs && start >= 0) {
                    runs.append({start, c - 1});
                    start = -1;
                }
            }
            m_rows[row] = r; // also what no cell shows, for rows()
            for (const auto &[from, to] : std::as_const(runs))
                Q_EMIT dataChanged(index(row, from), index(row, to));
        }

        // New rows, in place: one insertion per run landing at the same row,
        // from the end so earlier positions stay valid.
        const auto position = [&](const Row &r) {
            return static_cast<int>(std::lower_bound(m_rows.cbegin(), m_rows.cend(), r, less) -
                                    m_rows.cbegin());
        };
        for (int end = static_cast<int>(added.size()); end > 0;) {
            const int at = position(added.at(end - 1));
            int start = end - 1;
            while (start > 0 && position(added.at(start - 1)) == at)
                --start;
            beginInsertRows({}, at, at + end - start - 1);
            for (int i = end - 1; i >= start; --i)
                m_rows.insert(at, added.at(i));
            endInsertRows();
            end = start;
        }
    }

    QList<Row> m_rows;
};

} // namespace threadline::models
