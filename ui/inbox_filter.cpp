// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbox_filter.h"

#include "models/inbox_roles.h"
#include "services/text/search_folding.h"

namespace threadline::ui {

using namespace threadline::models;

namespace {
QString digitsOnly(QStringView text)
{
    QString out;
    for (const QChar c : text)
        if (c.isDigit())
            out.append(c);
    return out;
}
} // namespace

InboxFilter::InboxFilter(QObject *parent) : QSortFilterProxyModel(parent) {}

void InboxFilter::setSourceModel(QAbstractItemModel *source)
{
    if (sourceModel())
        sourceModel()->disconnect(this);
    forget();
    if (!source)
        return QSortFilterProxyModel::setSourceModel(source);
    // Connected before the proxy's own handlers, so a changed row is folded
    // afresh by the time the proxy filters it again.
    connect(source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                for (int row = from.row(); row <= to.row(); ++row)
                    m_folded.remove(sourceModel()->index(row, 0).data(CustomerIdRole).toLongLong());
            });
    connect(source, &QAbstractItemModel::modelReset, this, &InboxFilter::forget);
    QSortFilterProxyModel::setSourceModel(source);
}

void InboxFilter::setQuery(const QString &query)
{
    const QString folded = text::foldForSearch(query);
    if (folded == m_query)
        return;
    m_query = folded;
    // "0912 345", "+98-912…": compare digits alone, and a national number
    // (leading 0) against the international form too.
    const QString digits = digitsOnly(folded);
    const bool phoneLike = digits.size() >= 3
                           && digits.size() * 2 >= folded.size() - folded.count(QLatin1Char(' '));
    m_queryDigits = phoneLike ? digits : QString();
    if (m_queryDigits.startsWith(QLatin1Char('0')))
        m_queryDigits.remove(0, 1);
    invalidateRowsFilter();
}

const InboxFilter::Searchable &InboxFilter::searchable(int sourceRow) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    const qint64 id = index.data(CustomerIdRole).toLongLong();
    auto it = m_folded.find(id);
    if (it == m_folded.end()) {
        Searchable s;
        s.texts.append(text::foldForSearch(index.data(CustomerNameRole).toString()));
        for (const QString &identity : index.data(IdentitiesRole).toStringList()) {
            const QString value = identity.section(QLatin1Char(':'), 1);
            s.texts.append(text::foldForSearch(value));
            if (identity.startsWith(QLatin1String("phone:")))
                s.phoneDigits.append(digitsOnly(text::asciiDigits(value)));
        }
        it = m_folded.insert(id, s);
    }
    return *it;
}

void InboxFilter::setAgent(const QString &agent)
{
    m_agent = agent;
    invalidateRowsFilter();
}

void InboxFilter::setSection(Section section)
{
    m_section = section;
    invalidateRowsFilter();
    if (section == Section::Queue)
        sort(0);
    else
        sort(-1); // back to the source order: most recent first
}

bool InboxFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const qint64 a = left.data(models::WaitingSinceRole).toLongLong();
    const qint64 b = right.data(models::WaitingSinceRole).toLongLong();
    if ((a > 0) != (b > 0))
        return a > 0; // someone waiting comes before someone who is not
    if (a != b)
        return a < b; // the longest wait first
    return left.row() < right.row();
}

void InboxFilter::setChannel(const QString &channel)
{
    m_channel = channel;
    invalidateRowsFilter();
}

void InboxFilter::setStatus(const QString &status)
{
    m_status = status;
    invalidateRowsFilter();
}

void InboxFilter::setLabel(const QString &label)
{
    m_label = label;
    invalidateRowsFilter();
}

bool InboxFilter::inSection(int sourceRow, Section section) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0);
    if (!m_channel.isEmpty() && i.data(models::LastChannelRole).toString() != m_channel)
        return false;
    if (!m_status.isEmpty() && i.data(models::StatusRole).toString() != m_status)
        return false;
    if (!m_label.isEmpty() && !i.data(models::LabelsRole).toStringList().contains(m_label))
        return false;
    switch (section) {
    case Section::Mine:
        return !m_agent.isEmpty() && i.data(models::AssigneeRole).toString() == m_agent
               && i.data(models::StatusRole).toString() != QLatin1String("resolved");
    case Section::Queue:
        return i.data(models::AssigneeRole).toString().isEmpty()
               && i.data(models::StatusRole).toString() != QLatin1String("resolved");
    case Section::All:
        break;
    }
    return true;
}

int InboxFilter::count(Section section) const
{
    if (!sourceModel())
        return 0;
    int n = 0;
    for (int row = 0, rows = sourceModel()->rowCount(); row < rows; ++row)
        n += inSection(row, section);
    return n;
}

int InboxFilter::unreadCount(Section section) const
{
    if (!sourceModel())
        return 0;
    int n = 0;
    for (int row = 0, rows = sourceModel()->rowCount(); row < rows; ++row)
        n += sourceModel()->index(row, 0).data(UnreadRole).toInt() > 0 && inSection(row, section);
    return n;
}

QStringList InboxFilter::labelsInUse() const
{
    QStringList labels;
    if (!sourceModel())
        return labels;
    for (int row = 0, rows = sourceModel()->rowCount(); row < rows; ++row)
        for (const QString &label : sourceModel()->index(row, 0).data(LabelsRole).toStringList())
            if (!labels.contains(label))
                labels.append(label);
    labels.sort(Qt::CaseInsensitive);
    return labels;
}

bool InboxFilter::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!inSection(sourceRow, m_section))
        return false;
    if (m_query.isEmpty())
        return true;
    const Searchable &s = searchable(sourceRow);
    for (const QString &text : s.texts)
        if (text.contains(m_query))
            return true;
    if (!m_queryDigits.isEmpty())
        for (const QString &digits : s.phoneDigits)
            if (digits.contains(m_queryDigits))
                return true;
    return false;
}

} // namespace threadline::ui
