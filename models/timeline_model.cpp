// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline_model.h"

#include "models/timeline_roles.h"
#include "models/unread_rule.h"

#include <algorithm>

namespace threadline::models {
namespace {
constexpr int kPageSize = 50;
}

TimelineModel::TimelineModel(QObject *parent) : QAbstractListModel(parent) {}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &m = m_rows.at(index.row());
    switch (role) {
    case MessageRole:
        return QVariant::fromValue(m);
    case MessageKeyRole:
        return m.key();
    case ChannelRole:
        return m.channel;
    case DirectionRole:
        return m.direction;
    case AuthorRole:
        return m.author;
    case Qt::DisplayRole:
    case BodyRole:
        return m.body;
    case SubjectRole:
        return m.subject;
    case AtRole:
        return m.at;
    case DeliveryRole:
        return static_cast<int>(m.delivery);
    case ExpandedRole:
        return m_expanded.contains(m.key());
    case UnreadMarkerRole:
        return !m_unreadMarkerKey.isEmpty() && m.key() == m_unreadMarkerKey;
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{MessageRole, "message"},     {MessageKeyRole, "key"},
                  {ChannelRole, "channel"},     {DirectionRole, "direction"},
                  {AuthorRole, "author"},       {BodyRole, "body"},
                  {SubjectRole, "subject"},     {AtRole, "at"},
                  {DeliveryRole, "delivery"},   {ExpandedRole, "expanded"},
                  {UnreadMarkerRole, "unreadMarker"}});
    return names;
}

bool TimelineModel::canFetchOlder() const
{
    return m_customerId > 0 && !m_reachedStart && !m_requestInFlight;
}

void TimelineModel::fetchOlder()
{
    if (!canFetchOlder())
        return;
    setLoading(true);
    Q_EMIT pageWanted(m_customerId, m_cursorAt, m_cursorRow, kPageSize);
}

void TimelineModel::showCustomer(qint64 customerId)
{
    beginResetModel();
    m_rows.clear();
    m_rowByKey.clear();
    m_rowByClientId.clear();
    m_customerId = customerId;
    m_expanded.clear();
    m_unread = 0;
    m_unreadMarkerKey.clear();
    m_reportedUpTo = 0;
    m_newestId = 0;
    m_cursorAt = 0;
    m_cursorRow = 0;
    m_reachedStart = customerId <= 0;
    endResetModel();
    if (customerId > 0) {
        setLoading(true);
        Q_EMIT pageWanted(customerId, 0, 0, kPageSize);
    }
}

void TimelineModel::applyPage(qint64 customerId, const QList<Message> &newestFirst,
                              qint64 cursorAt, qint64 cursorRow, bool reachedStart)
{
    if (customerId != m_customerId)
        return;
    m_cursorAt = cursorAt;
    m_cursorRow = cursorRow;
    m_reachedStart = reachedStart;
    // Live items may already hold some of these rows; skip them.
    QList<Message> older;
    older.reserve(newestFirst.size());
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        if (rowOf(*it) < 0)
            older.append(*it);
        m_newestId = std::max(m_newestId, it->id);
    }
    if (!older.isEmpty()) {
        beginInsertRows({}, 0, static_cast<int>(older.size()) - 1);
        m_rows = older + m_rows;
        reindex(0);
        endInsertRows();
        if (m_unread > 0 && m_unreadMarkerKey.isEmpty())
            placeUnreadMarker();
    }
    // Last: whoever waits for "loaded" sees the rows already in place.
    setLoading(false);
    reportRead();
}

void TimelineModel::setAttended(bool attended)
{
    m_attended = attended;
    reportRead();
}

void TimelineModel::reportRead()
{
    // Only once the newest page is in (the first answer after showCustomer), and only
    // items the hub has numbered: a local echo is ours, never unread.
    if (!m_attended || m_customerId <= 0 || m_requestInFlight)
        return;
    if (m_newestId <= m_reportedUpTo)
        return;
    m_reportedUpTo = m_newestId;
    Q_EMIT readUpTo(m_customerId, m_newestId);
}

void TimelineModel::setExpanded(int row, bool expanded)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QString key = m_rows.at(row).key();
    if (expanded == m_expanded.contains(key))
        return;
    if (expanded)
        m_expanded.insert(key);
    else
        m_expanded.remove(key);
    Q_EMIT dataChanged(index(row), index(row), {ExpandedRole});
}

void TimelineModel::setUnreadCount(int unread)
{
    m_unread = std::max(0, unread);
    m_unreadMarkerKey.clear();
    if (m_unread > 0 && !m_rows.isEmpty())
        placeUnreadMarker();
}

void TimelineModel::placeUnreadMarker()
{
    // The oldest of the last `m_unread` items that count as unread.
    int seen = 0;
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (!countsAsUnread(m_rows.at(row)))
            continue;
        if (++seen == m_unread) {
            m_unreadMarkerKey = m_rows.at(row).key();
            Q_EMIT dataChanged(index(row), index(row), {UnreadMarkerRole});
            return;
        }
    }
}

void TimelineModel::applyMessages(const QList<Message> &batch)
{
    for (const Message &m : batch) {
        if (m.customerId != m_customerId)
            continue;
        const int existing = rowOf(m);
        if (existing >= 0) {
            const QString oldKey = m_rows.at(existing).key();
            m_rows[existing] = m;
            m_newestId = std::max(m_newestId, m.id); // a confirmed echo
            m_rowByKey.remove(oldKey);
            m_rowByKey.insert(m.key(), existing);
            if (!m.clientId.isEmpty())
                m_rowByClientId.insert(m.clientId, existing);
            Q_EMIT dataChanged(index(existing), index(existing));
            continue;
        }
        // Usually the newest item: appended. Late arrivals go to their time.
        const int row = insertionRow(m.at);
        beginInsertRows({}, row, row);
        m_rows.insert(row, m);
        reindex(row);
        endInsertRows();
        m_newestId = std::max(m_newestId, m.id);
    }
    reportRead();
}

void TimelineModel::applyDelivery(qint64 messageId, const QString &clientId, Delivery delivery,
                                  const QString &reason)
{
    int row = messageId > 0 ? m_rowByKey.value(QString::number(messageId), -1) : -1;
    if (row < 0 && !clientId.isEmpty())
        row = m_rowByClientId.value(clientId, -1);
    if (row < 0)
        return;
    m_rows[row].delivery = delivery;
    m_rows[row].failureReason = reason;
    Q_EMIT dataChanged(index(row), index(row), {MessageRole, DeliveryRole});
}

int TimelineModel::rowOf(const Message &m) const
{
    if (m.id > 0) {
        const int row = m_rowByKey.value(QString::number(m.id), -1);
        if (row >= 0)
            return row;
    }
    if (!m.clientId.isEmpty())
        return m_rowByClientId.value(m.clientId, -1);
    return -1;
}

int TimelineModel::insertionRow(qint64 at) const
{
    const auto it = std::upper_bound(m_rows.cbegin(), m_rows.cend(), at,
                                     [](qint64 value, const Message &m) { return value < m.at; });
    return static_cast<int>(it - m_rows.cbegin());
}

void TimelineModel::reindex(int fromRow)
{
    if (fromRow == 0) {
        m_rowByKey.clear();
        m_rowByClientId.clear();
    }
    for (int i = fromRow; i < m_rows.size(); ++i) {
        m_rowByKey.insert(m_rows.at(i).key(), i);
        if (!m_rows.at(i).clientId.isEmpty())
            m_rowByClientId.insert(m_rows.at(i).clientId, i);
    }
}

void TimelineModel::setLoading(bool loading)
{
    if (m_requestInFlight == loading)
        return;
    m_requestInFlight = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace threadline::models
