// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces QueueMonitorView is built from; not meant for use elsewhere.
#pragma once

#include <QDialog>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>

#include <functional>

class QComboBox;
class QPlainTextEdit;

namespace threadline::ui {

/// "available", "busy", "away", "offline" as the supervisor reads them.
QString presenceLabel(const QString &presence);

/// The queue table as the supervisor reads it: translated titles and channel
/// names, amber and red cells that also carry a ▲ marker (and bold when red)
/// and a tooltip, so colour is never the only sign.
class QueueTableProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit QueueTableProxy(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

/// The agents table: translated titles and presence, filtered by name (folded
/// like the inbox search) and presence.
class AgentTableProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AgentTableProxy(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void setNameQuery(const QString &query);
    /// Only agents with this presence code (empty: any).
    void setPresence(const QString &presence);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_query; ///< folded
    QString m_presence;
};

/// The open conversations of one queue (and channel) or of one agent, the
/// longest waiting first; rows drag as QueueMonitorView::customerMimeType().
class ConversationFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Mode { None, Queue, Agent };
    explicit ConversationFilter(QObject *parent = nullptr);

    void showQueue(const QString &queue, const QString &channel);
    void showAgent(const QString &agent);
    Mode mode() const { return m_mode; }
    QString queue() const { return m_queue; }
    QString channel() const { return m_channel; }
    QString agent() const { return m_agent; }

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Mode m_mode = Mode::None;
    QString m_queue, m_channel, m_agent;
};

/// A drilled-into conversation: the customer's name, how long they have been
/// waiting (up to the last snapshot's time) and who has it.
class ConversationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// @p now points at the time waiting is counted to (ms since the epoch; 0: the clock).
    ConversationDelegate(const qint64 *now, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const qint64 *m_now;
};

/// The agents table, which takes conversations dropped on an agent's row.
class AgentTable : public QTableView {
    Q_OBJECT
public:
    explicit AgentTable(QWidget *parent = nullptr);
    /// Called with the customer id and the agent's user name on a drop.
    std::function<void(qint64, const QString &)> onDrop;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    static qint64 customerIn(const QMimeData *mime);
};

/// Picks one of a few choices (an agent, a queue) and takes an optional note.
class PickDialog : public QDialog {
    Q_OBJECT
public:
    struct Choice {
        QString label; ///< what the supervisor reads
        QString value; ///< what is sent
    };
    PickDialog(QWidget *parent, const QString &objectName, const QString &title,
               const QString &prompt, const QList<Choice> &choices);
    QString choice() const;
    QString note() const;
    QComboBox *choices() const { return m_choices; }
    QPlainTextEdit *noteEdit() const { return m_note; }

private:
    QComboBox *m_choices;
    QPlainTextEdit *m_note;
};

} // namespace threadline::ui
