// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace threadline::ui {

/// The inbox narrowed to a section (mine, the queue, everyone's), a channel, a
/// status, a label and what the agent typed. Names and identities are folded
/// the same way as the query (services/text/search_folding.h), so «علي» finds
/// «علی», «كريم» finds «کریم» and «۰۹۱۲» finds +98912…
class InboxFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit InboxFilter(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *source) override;

    enum class Section { Mine, Queue, All };

    /// The signed-in agent's user name, for the "Mine" section.
    void setAgent(const QString &agent);
    /// How many customers a section holds under the current channel, status and
    /// label filters (the typed query aside).
    int count(Section section) const;
    /// How many of those have something the agent has not read yet.
    int unreadCount(Section section) const;
    /// Every label some customer in the inbox carries, sorted.
    QStringList labelsInUse() const;

public Q_SLOTS:
    void setQuery(const QString &query);
    void setSection(threadline::ui::InboxFilter::Section section);
    /// Only customers whose last item came on `channel` (empty: any).
    void setChannel(const QString &channel);
    /// Only "open", "snoozed" or "resolved" conversations (empty: any status).
    void setStatus(const QString &status);
    /// Only customers carrying @p label (empty: any).
    void setLabel(const QString &label);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    /// The queue is worked longest-waiting first; other sections keep the most
    /// recent activity first (the source order).
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct Searchable {
        QStringList texts;       ///< folded name and identities
        QStringList phoneDigits; ///< each phone identity's digits
    };
    /// What a source row can be found by, kept until the row changes.
    const Searchable &searchable(int sourceRow) const;
    void forget() { m_folded.clear(); }

    bool inSection(int sourceRow, Section section) const;

    Section m_section = Section::All;
    QString m_agent;
    QString m_channel;
    QString m_status;
    QString m_label;
    QString m_query;       ///< folded
    QString m_queryDigits; ///< the query's digits when it looks like a phone number
    mutable QHash<qint64, Searchable> m_folded; ///< by customer id
};

} // namespace threadline::ui
