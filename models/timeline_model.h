// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace threadline::models {

/// One customer's thread across every channel, oldest at the top. It holds a
/// window of pages: older pages are asked for (pageWanted) when the view scrolls
/// up, and are prepended so the rows on screen keep their place.
class TimelineModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit TimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Older history exists and is not being loaded. (Not Qt's canFetchMore:
    /// views call that at the bottom, and our history grows at the top.)
    bool canFetchOlder() const;
    void fetchOlder();

    qint64 customerId() const { return m_customerId; }
    bool isLoading() const { return m_requestInFlight; }

    /// Shows another customer's thread: empties the model and asks for the newest page.
    void showCustomer(qint64 customerId);

    /// A page answered a pageWanted request (items newest first). Pages for a
    /// customer no longer shown are ignored.
    void applyPage(qint64 customerId, const QList<Message> &newestFirst, qint64 cursorAt,
                   qint64 cursorRow, bool reachedStart);

    /// New or changed items from the service thread, any customers; the ones
    /// for this thread are inserted at their time or replace their echo.
    void applyMessages(const QList<Message> &batch);

    /// Shows or hides an email's quoted history (view state kept with the row).
    void setExpanded(int row, bool expanded);
    /// How many of the newest inbound items were unread when the thread opened;
    /// the oldest of them carries UnreadMarkerRole until another thread is shown.
    void setUnreadCount(int unread);
    /// Whether the agent can see the thread (its window visible and focused). While they
    /// can, its newest hub item is reported read (readUpTo), new ones as they arrive.
    void setAttended(bool attended);

    /// Delivery changes by hub id or client id.
    void applyDelivery(qint64 messageId, const QString &clientId, Delivery delivery,
                       const QString &reason);

Q_SIGNALS:
    void pageWanted(qint64 customerId, qint64 beforeAt, qint64 beforeRow, int limit);
    void loadingChanged(bool loading);
    /// The agent has seen the thread up to hub item `messageId` (conversation.read).
    void readUpTo(qint64 customerId, qint64 messageId);

private:
    int rowOf(const Message &m) const;
    int insertionRow(qint64 at) const;
    void reindex(int fromRow);
    void setLoading(bool loading);

    void placeUnreadMarker();
    void reportRead();

    QList<Message> m_rows;
    QSet<QString> m_expanded;   ///< keys of emails showing their quoted history
    int m_unread = 0;
    QString m_unreadMarkerKey;
    QHash<QString, int> m_rowByKey;      ///< Message::key() → row
    QHash<QString, int> m_rowByClientId; ///< client id → row, for reconciling echoes
    qint64 m_customerId = 0;
    qint64 m_cursorAt = 0;
    qint64 m_cursorRow = 0;
    bool m_reachedStart = true;
    bool m_requestInFlight = false;
    bool m_attended = false;
    qint64 m_newestId = 0;     ///< the newest hub item of this thread shown
    qint64 m_reportedUpTo = 0; ///< the newest hub item of this thread reported read
};

} // namespace threadline::models
