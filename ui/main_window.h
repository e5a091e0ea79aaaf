// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/draft.h"
#include "models/order.h"
#include "models/queue_stats.h"
#include "ui/settings_profile.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QComboBox;
class QTabBar;
class QTimer;
class QTabWidget;
class QAction;

namespace threadline::models {
class InboxModel;
class OrderListModel;
class TimelineModel;

} // namespace threadline::models

namespace threadline::ui {

class CannedPage;
class Composer;
class SettingsDialog;
class ConversationBar;
class OrderDeskView;
class QueueMonitorView;
class CustomerPanel;
class InboxFilter;
class TimelineView;
class SearchPalette;
class CommandPalette;
class DeskActions;

/// The agent's desk: inbox on the leading side, the open customer's thread and
/// the composer in the middle, what we know about them on the trailing side.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(models::InboxModel *inbox, models::TimelineModel *timeline,
               QWidget *parent = nullptr);

    /// Opens a customer's thread as if the agent had picked them.
    void openCustomer(qint64 customerId);
    void openFirstCustomer();
    qint64 currentCustomer() const { return m_customerId; }
    TimelineView *timelineView() const { return m_timelineView; }
    /// Global search (Ctrl+K, Ctrl+F in a thread); the app connects it to the sync service.
    SearchPalette *searchPalette() const { return m_palette; }
    /// Every action of the desk, registered once (palette, sheet, menus and buttons read it).
    DeskActions *deskActions() const { return m_actions; }
    /// Ctrl+Shift+P, or ">" in the search palette.
    CommandPalette *commandPalette() const { return m_commandPalette; }
    /// Opens a customer's thread from a search result, at the message when one is given,
    /// showing them even if the inbox's filters hid them.
    void openFromSearch(qint64 customerId, qint64 messageId);
    /// The store's order desk keeps its own thread (the app feeds its pages).
    models::TimelineModel *orderTimeline() const;
    QueueMonitorView *queueMonitor() const { return m_monitor; }
    /// Shows a page the role has: "conversations", "monitor" or "orders".
    bool showPage(const QString &page);
    OrderDeskView *orderDesk() const { return m_orderDesk; }
    /// Saves a draft still waiting for its debounce (before closing or signing out).
    void flushDraft();
    Composer *composer() const { return m_composer; }
    /// The profile's settings.ini, read and written by the Settings dialog.
    /// Also brings back the inbox's channel, status and label filters kept there.
    void setSettingsPath(const QString &iniPath);
    /// Opens Settings (Ctrl+,) at "general" or "canned"; it stays open until closed.
    SettingsDialog *openSettings(const QString &page = QString());

public Q_SLOTS:
    /// The drafts kept in the cache, once at start.
    void setDrafts(const QList<threadline::models::Draft> &drafts);
    /// A reply that could not be stored comes back to its composer (or waits as the
    /// customer's draft when another thread is open), and the agent is told why.
    void returnUnsent(const threadline::models::Draft &unsent, const QString &code);
    void setConnection(bool online, const QString &detail);
    void setOutboxCount(int pending);
    void setUser(const QString &user, const QString &role);
    void showProblem(const QString &sentence);
    void setRetentionDays(int days) { m_retentionDays = days; }
    void applyFloor(const threadline::models::FloorSnapshot &floor);
    void showOrders(const QString &query, const QList<threadline::models::Order> &orders);
    void applyOrder(const threadline::models::Order &order);
    /// The hub's wrap-up codes for "Log call" ([{code, title, titles}]).
    void setDispositions(const QJsonArray &dispositions) { m_dispositions = dispositions; }
    void setCannedResponses(const QJsonArray &canned);
    /// The hub refused a canned.save or canned.delete: the Settings page says why.
    void showCannedRefusal(const QString &code, const QString &message);
    /// Settings were saved: relayout what shows dates, digits and colours.
    void applySettings(const threadline::ui::DesktopSettings &settings);
    /// Who else has a customer's thread open (viewing frames and answers).
    void setViewers(qint64 customerId, const QStringList &viewers);
    /// The open customer's orders, for the side panel.
    void setCustomerOrders(qint64 customerId, const QList<threadline::models::Order> &orders);
    void setTyping(qint64 customerId, const QString &user, bool typing);

Q_SIGNALS:
    /// A hub command about the open conversation (assign, transfer, set_status,
    /// snooze, label, log_call).
    void commandRequested(const QString &type, const QJsonObject &data);
    /// The agent opened a thread (0: none) — colleagues see it (collision).
    void viewingChanged(qint64 customerId);
    /// The side panel wants this customer's orders.
    void customerOrdersWanted(qint64 customerId);
    /// The agent started or stopped writing to a customer.
    void typingChanged(qint64 customerId, bool typing);
    /// available, busy or away.
    void presenceChosen(const QString &presence);
    /// The order desk wants orders matching `query`.
    void orderLookupRequested(const QString &query);
    /// Sign out; with `removeLocalData` this computer's copy and its key go too.
    void signOutRequested(bool removeLocalData);
    /// Settings were saved and applied (the app takes the sound setting).
    void settingsApplied(const threadline::ui::DesktopSettings &settings);
    /// The canned responses should be asked for again (Settings opened).
    void cannedListWanted();
    /// Keep only this many days of history on this computer (0: all).
    void retentionChanged(int days);
    /// What the agent is writing to a customer, to keep across restarts.
    void draftSaved(const threadline::models::Draft &draft);
    void sendRequested(qint64 customerId, const QString &channel, const QString &identity,
                       const QString &subject, const QString &body);

private:
    void registerActions(QAction *settings, const QList<QAction *> &signOut);
    void onInboxCurrentChanged();
    void refreshCustomer();
    void moveSelection(int delta);
    void saveDraftNow();
    void updateSectionCounts();
    void updateLabelChoices();
    void rememberInboxFilters();

    models::InboxModel *m_inbox;
    models::TimelineModel *m_timeline;
    InboxFilter *m_inboxFilter;
    QLineEdit *m_search;
    SearchPalette *m_palette = nullptr;
    DeskActions *m_actions = nullptr;
    CommandPalette *m_commandPalette = nullptr;
    std::function<void()> m_updatePageActions; ///< which page commands the role has
    QTabBar *m_sections;
    QComboBox *m_channelFilter;
    QComboBox *m_statusFilter;
    QComboBox *m_labelFilter;
    bool m_restoringFilters = false;
    QTimer *m_countTimer;
    QListView *m_inboxView;
    TimelineView *m_timelineView;
    Composer *m_composer;
    CustomerPanel *m_panel;
    ConversationBar *m_bar;
    QTabWidget *m_pages;
    QWidget *m_conversationsPage;
    QueueMonitorView *m_monitor;
    models::OrderListModel *m_orders;
    OrderDeskView *m_orderDesk;
    QJsonArray m_dispositions;
    QJsonArray m_canned;
    QString m_settingsPath;
    QString m_role;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<CannedPage> m_cannedPage;
    QLabel *m_threadTitle;
    QLabel *m_connection;
    QLabel *m_outbox;
    QLabel *m_user;
    qint64 m_customerId = 0;
    std::optional<models::Customer> m_shownCustomer; ///< as refreshCustomer() last showed it
    QHash<qint64, models::Draft> m_drafts;
    bool m_online = false;
    QTimer *m_draftTimer;
    qint64 m_composerPrimedFor = 0;
    int m_retentionDays = 0;
    QString m_userName;
    QStringList m_viewers;          ///< colleagues on the open thread
    QStringList m_typingColleagues; ///< ... of them writing now
    QTimer *m_typingTimer;          ///< stops "typing" after a pause
    qint64 m_typingSince = 0;       ///< when the agent began this reply (collision warning)
    QComboBox *m_presence;          ///< the customer whose thread set the reply channel
};

} // namespace threadline::ui
