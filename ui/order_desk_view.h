// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/order.h"

#include <QWidget>

class QButtonGroup;
class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace threadline::models {
class OrderListModel;
class TimelineModel;
} // namespace threadline::models

namespace threadline::ui {

class OrderSearchInput;
class TimelineView;

/// The store clerk's order desk: one search box on top; the orders found on the
/// leading side; the selected order's card in the middle (items, total, payment
/// and fulfilment, pickup code, who handled it) with its actions; and the
/// customer's thread beside it.
///
/// Wiring (the app does it): answer lookupRequested by filling the OrderListModel
/// given to the constructor (setResults), push later versions of orders into it
/// (applyOrder), connect timeline()'s pageWanted to the thread pages and feed it
/// like the agent's thread, and let AttachmentActions watch threadView(). Keys,
/// active while focus is inside the desk
/// (Qt::WidgetWithChildrenShortcut): Ctrl+K or F3 search, Enter look up, Up and
/// Down through the orders from the search box, Ctrl+R ready for pickup, Ctrl+P
/// picked up. Ctrl+K and Ctrl+R are also the agent window's search and reply:
/// a window that holds both must keep only one set enabled at a time.
class OrderDeskView : public QWidget {
    Q_OBJECT
public:
    /// Shows @p orders (not owned): the results of the clerk's lookups.
    explicit OrderDeskView(models::OrderListModel *orders, QWidget *parent = nullptr);

    /// The selected order's customer's thread; owned by the view.
    models::TimelineModel *timeline() const { return m_timeline; }
    /// Where that thread is drawn: its email cards' attachment lines and "Show original
    /// formatting" are answered by the same AttachmentActions as the agent's thread.
    TimelineView *threadView() const { return m_thread; }
    /// The order whose card is shown, or 0.
    qint64 currentOrderId() const { return m_orderId; }
    /// Selects an order of the results (its card, its customer's thread).
    void selectOrder(qint64 orderId);
    /// Puts the keyboard in the search box, its text selected.
    void focusSearch();

    /// Whether a clerk may ask for @p action ("ready_for_pickup", "picked_up")
    /// on an order that is @p status. Ready from placed or paid; picked up only
    /// once ready, so the customer has been told to come.
    static bool allowsAction(const QString &status, const QString &action);

public Q_SLOTS:
    /// The hub refused or failed an action or a lookup: the sentence, in the
    /// clerk's language, is shown on the card and the actions are offered again.
    void showProblem(const QString &sentence);

Q_SIGNALS:
    /// Look orders up (normalised: ASCII digits, lower-cased email...).
    void lookupRequested(const QString &normalisedQuery);
    /// An order of this customer was selected: their thread is wanted. The
    /// timeline's pageWanted follows at once.
    void threadWanted(qint64 customerId);
    /// @p action is "ready_for_pickup" or "picked_up"; @p notifyChannel is
    /// "sms", "email" or "" (do not tell the customer).
    void orderActionRequested(qint64 orderId, const QString &action, const QString &notifyChannel);
    /// A note for the customer's thread.
    void noteRequested(qint64 customerId, const QString &body);

private:
    void onCurrentChanged();
    void onResultsReset();
    void showOrder(const models::Order &order);
    void showNoOrder();
    void updateActions();
    void updateEmptyState();
    void requestAction(const QString &action);
    void addNote();
    QString chosenChannel() const;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

    models::OrderListModel *m_orders;
    models::TimelineModel *m_timeline;
    OrderSearchInput *m_search;
    QLabel *m_kindHint;
    QStackedWidget *m_resultsStack;
    QListView *m_results;
    QLabel *m_resultsEmpty;
    QStackedWidget *m_cardStack;
    QLabel *m_nothingSelected;
    QFrame *m_card;
    QLabel *m_number;
    QLabel *m_customer;
    QLabel *m_status;
    QLabel *m_placed;
    QGridLayout *m_items;
    QLabel *m_total;
    QLabel *m_payment;
    QLabel *m_pickupCaption;
    QLabel *m_pickupCode;
    QLabel *m_handled;
    QLabel *m_notifyCaption;
    QButtonGroup *m_notify;
    QRadioButton *m_notifySms;
    QRadioButton *m_notifyEmail;
    QRadioButton *m_notifyNone;
    QPushButton *m_ready;
    QPushButton *m_pickedUp;
    QLabel *m_problem;
    QLineEdit *m_note;
    QPushButton *m_addNote;
    QLabel *m_threadTitle;
    TimelineView *m_thread;
    models::Order m_order;
    qint64 m_orderId = 0;
    qint64 m_threadCustomer = 0;
    QString m_pendingAction; ///< asked for, not yet seen in the order: no second click
};

} // namespace threadline::ui
