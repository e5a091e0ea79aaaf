// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/order_desk_view.h"

#include "models/order_list_model.h"
#include "models/order_roles.h"
#include "models/timeline_model.h"
#include "services/text/safe_text.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"
#include "ui/money_format.h"
#include "ui/order_search_input.h"
#include "ui/timeline_view.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QUrl>
#include <QVBoxLayout>

namespace threadline::ui {

using namespace threadline::models;

namespace {

const QString kReady = QStringLiteral("ready_for_pickup");
const QString kPickedUp = QStringLiteral("picked_up");

/// One colour per order status, so where an order stands is seen at a glance.
QColor statusColor(const QString &status)
{
    if (status == QLatin1String("paid"))
        return QColor(0x15, 0x65, 0xc0);
    if (status == QLatin1String("ready_for_pickup"))
        return QColor(0xc7, 0x5b, 0x00);
    if (status == QLatin1String("picked_up") || status == QLatin1String("delivered"))
        return QColor(0x2e, 0x7d, 0x32);
    if (status == QLatin1String("shipped"))
        return QColor(0x00, 0x69, 0x7c);
    if (status == QLatin1String("refunded") || status == QLatin1String("cancelled"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x61, 0x61, 0x61); // placed, and codes we do not know
}

QString paymentLabel(const QString &payment)
{
    if (payment == QLatin1String("pending"))
        return QCoreApplication::translate("threadline::ui::OrderDeskView", "payment pending");
    if (payment == QLatin1String("authorized"))
        return QCoreApplication::translate("threadline::ui::OrderDeskView",
                                           "authorised, not yet captured");
    if (payment == QLatin1String("voided"))
        return QCoreApplication::translate("threadline::ui::OrderDeskView", "voided");
    return orderStatusLabel(payment); // paid, refunded, or the code isolated
}

QString fulfilmentLabel(const QString &fulfilment)
{
    if (fulfilment == QLatin1String("unfulfilled") || fulfilment.isEmpty())
        return QCoreApplication::translate("threadline::ui::OrderDeskView", "not yet fulfilled");
    return orderStatusLabel(fulfilment);
}

/// The order number as customers quote it: with its hash, in its character order.
QString displayNumber(const QString &number)
{
    const QString clean = text::neutraliseBidiStrict(number);
    return clean.startsWith(QLatin1Char('#')) || clean.contains(QLatin1Char('-'))
               ? clean
               : QLatin1Char('#') + clean;
}

QString chipStyle(const QString &status)
{
    return QStringLiteral("QLabel { background: %1; color: white; border-radius: 4px;"
                          " padding: 2px 8px; font-weight: bold; }")
        .arg(statusColor(status).name());
}

/// One result: number and how long ago on top; status, name and total below.
class OrderResultDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {0, option.fontMetrics.height() * 2 + 24};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        painter->save();
        const QPalette &pal = option.palette;
        const bool selected = option.state & QStyle::State_Selected;
        painter->fillRect(option.rect, selected ? pal.color(QPalette::Highlight).lighter(170)
                                                : pal.color(QPalette::Base));
        painter->setPen(pal.color(QPalette::Midlight));
        painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());

        const QRect r = option.rect.adjusted(10, 6, -10, -6);
        const QFontMetrics fm(option.font);
        const auto lead = QStyle::visualAlignment(option.direction, Qt::AlignLeading);
        const auto trail = QStyle::visualAlignment(option.direction, Qt::AlignTrailing);
        const QString when = relativeTime(index.data(OrderUpdatedAtRole).toLongLong(),
                                          QDateTime::currentMSecsSinceEpoch());
        const QRect top(r.left(), r.top(), r.width(), fm.height());
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(pal.color(QPalette::Text));
        const int whenWidth = fm.horizontalAdvance(when) + 8;
        painter->drawText(
            QStyle::visualRect(option.direction, top, top.adjusted(0, 0, -whenWidth, 0)),
            lead | Qt::AlignVCenter,
            text::isolate(displayNumber(index.data(OrderNumberRole).toString()), Qt::LeftToRight));
        painter->setFont(option.font);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(top, trail | Qt::AlignVCenter, when);

        const QRect bottom(r.left(), r.top() + fm.height() + 8, r.width(), fm.height());
        const QString status = index.data(OrderStatusRole).toString();
        const QString chip = orderStatusLabel(status);
        const int chipWidth = fm.horizontalAdvance(chip) + 12;
        const QRect chipRect = QStyle::visualRect(
            option.direction, bottom,
            QRect(bottom.left(), bottom.top() - 2, chipWidth, bottom.height() + 4));
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(statusColor(status));
        painter->drawRoundedRect(chipRect, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(chipRect, Qt::AlignCenter, chip);

        const QString total =
            formatMoney(index.data(OrderTotalRole).toString(),
                        index.data(OrderCurrencyRole).toString());
        const int totalWidth = fm.horizontalAdvance(total) + 8;
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(bottom, trail | Qt::AlignVCenter, total);
        const QRect nameRect = QStyle::visualRect(
            option.direction, bottom, bottom.adjusted(chipWidth + 8, 0, -totalWidth, 0));
        // Untrusted: neutralised, elided, then isolated.
        painter->drawText(nameRect, lead | Qt::AlignVCenter,
                          text::isolate(fm.elidedText(
                              text::neutraliseBidi(index.data(OrderCustomerNameRole).toString()),
                              Qt::ElideRight, nameRect.width())));
        painter->restore();
    }
};

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    label->setPalette(pal);
    return label;
}

} // namespace

OrderDeskView::OrderDeskView(OrderListModel *orders, QWidget *parent)
    : QWidget(parent), m_orders(orders), m_timeline(new TimelineModel(this)),
      m_search(new OrderSearchInput(this)), m_kindHint(new QLabel(this)),
      m_resultsStack(new QStackedWidget(this)), m_results(new QListView(this)),
      m_resultsEmpty(new QLabel(this)), m_cardStack(new QStackedWidget(this)),
      m_nothingSelected(new QLabel(this)), m_card(new QFrame(this)), m_number(new QLabel(this)),
      m_customer(new QLabel(this)), m_status(new QLabel(this)), m_placed(new QLabel(this)),
      m_items(new QGridLayout), m_total(new QLabel(this)), m_payment(new QLabel(this)),
      m_pickupCaption(new QLabel(this)), m_pickupCode(new QLabel(this)),
      m_handled(new QLabel(this)), m_notifyCaption(new QLabel(this)),
      m_notify(new QButtonGroup(this)), m_notifySms(new QRadioButton(this)),
      m_notifyEmail(new QRadioButton(this)), m_notifyNone(new QRadioButton(this)),
      m_ready(new QPushButton(this)), m_pickedUp(new QPushButton(this)),
      m_problem(new QLabel(this)), m_note(new QLineEdit(this)), m_addNote(new QPushButton(this)),
      m_threadTitle(new QLabel(this)), m_thread(new TimelineView(this))
{
    setObjectName(QStringLiteral("orderDesk"));

    // Search: the box, and what the clerk's text looks like to us.
    connect(m_search, &OrderSearchInput::lookupRequested, this, &OrderDeskView::lookupRequested);
    connect(m_search, &OrderSearchInput::kindChanged, this, [this](OrderQuery::Kind kind) {
        const QString label = OrderSearchInput::kindLabel(kind);
        m_kindHint->setText(label.isEmpty() ? QString() : tr("Looks like: %1").arg(label));
    });
    connect(m_search, &OrderSearchInput::cleared, this, [this] { m_orders->clear(); });
    m_search->installEventFilter(this);
    m_kindHint->setObjectName(QStringLiteral("orderQueryKind"));
    m_kindHint->setMinimumWidth(160);
    QFont searchFont = m_search->font();
    searchFont.setPointSizeF(searchFont.pointSizeF() * 1.2);
    m_search->setFont(searchFont);

    // Results, or why there are none.
    m_results->setObjectName(QStringLiteral("orderResults"));
    m_results->setModel(orders);
    m_results->setItemDelegate(new OrderResultDelegate(m_results));
    m_results->setUniformItemSizes(true);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setResizeMode(QListView::Adjust);
    connect(m_results->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &OrderDeskView::onCurrentChanged);
    connect(orders, &QAbstractItemModel::modelReset, this, &OrderDeskView::onResultsReset);
    connect(orders, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                const int row = m_orders->rowOf(m_orderId);
                if (row >= from.row() && row <= to.row())
                    if (const auto order = m_orders->order(m_orderId))
                        showOrder(*order);
            });
    m_resultsEmpty->setObjectName(QStringLiteral("orderResultsEmpty"));
    m_resultsEmpty->setWordWrap(true);
    m_resultsEmpty->setAlignment(Qt::AlignCenter);
    m_resultsEmpty->setMargin(16);
    m_resultsStack->addWidget(m_results);
    m_resultsStack->addWidget(m_resultsEmpty);

    // The card.
    m_nothingSelected->setObjectName(QStringLiteral("orderNothingSelected"));
    m_nothingSelected->setWordWrap(true);
    m_nothingSelected->setAlignment(Qt::AlignCenter);
    m_nothingSelected->setMargin(24);
    m_nothingSelected->setText(
        tr("Pick an order to see its items, its pickup code and the customer's thread."));
    m_card->setObjectName(QStringLiteral("orderCard"));
    m_card->setStyleSheet(QStringLiteral("#orderCard { background: palette(base);"
                                         " border: 1px solid palette(mid); border-radius: 8px; }"));
    QFont numberFont = m_number->font();
    numberFont.setPointSizeF(numberFont.pointSizeF() * 1.5);
    numberFont.setBold(true);
    m_number->setFont(numberFont);
    m_number->setObjectName(QStringLiteral("orderNumber"));
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont nameFont = m_customer->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    m_customer->setFont(nameFont);
    m_customer->setObjectName(QStringLiteral("orderCustomer"));
    m_customer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("orderStatus"));
    m_placed->setWordWrap(true);
    m_total->setObjectName(QStringLiteral("orderTotal"));
    QFont totalFont = m_total->font();
    totalFont.setBold(true);
    totalFont.setPointSizeF(totalFont.pointSizeF() * 1.15);
    m_total->setFont(totalFont);
    m_payment->setObjectName(QStringLiteral("orderPayment"));
    m_payment->setWordWrap(true);
    m_pickupCode->setObjectName(QStringLiteral("orderPickupCode"));
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(m_pickupCode->font().pointSizeF() * 2.6);
    codeFont.setBold(true);
    m_pickupCode->setFont(codeFont);
    m_pickupCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_handled->setObjectName(QStringLiteral("orderHandled"));
    m_handled->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("orderProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();

    m_notifySms->setObjectName(QStringLiteral("notifySms"));
    m_notifyEmail->setObjectName(QStringLiteral("notifyEmail"));
    m_notifyNone->setObjectName(QStringLiteral("notifyNone"));
    m_notifyNone->setText(tr("Don't tell them"));
    m_notifyCaption->setText(tr("Tell the customer by:"));
    m_notify->addButton(m_notifySms);
    m_notify->addButton(m_notifyEmail);
    m_notify->addButton(m_notifyNone);
    m_ready->setObjectName(QStringLiteral("markReady"));
    m_ready->setText(tr("Ready for pickup"));
    m_pickedUp->setObjectName(QStringLiteral("markPickedUp"));
    m_pickedUp->setText(tr("Picked up"));
    connect(m_ready, &QPushButton::clicked, this, [this] { requestAction(kReady); });
    connect(m_pickedUp, &QPushButton::clicked, this, [this] { requestAction(kPickedUp); });
    m_note->setObjectName(QStringLiteral("orderNote"));
    m_note->setPlaceholderText(tr("A note for the customer's thread"));
    m_addNote->setObjectName(QStringLiteral("addNote"));
    m_addNote->setText(tr("Add note"));
    m_addNote->setEnabled(false);
    connect(m_note, &QLineEdit::textChanged, this,
            [this](const QString &t) { m_addNote->setEnabled(!t.trimmed().isEmpty()); });
    connect(m_note, &QLineEdit::returnPressed, this, &OrderDeskView::addNote);
    connect(m_addNote, &QPushButton::clicked, this, &OrderDeskView::addNote);

    auto *cardLayout = new QVBoxLayout(m_card);
    cardLayout->setContentsMargins(16, 12, 16, 12);
    auto *head = new QHBoxLayout;
    head->addWidget(m_number);
    head->addStretch(1);
    head->addWidget(m_status);
    cardLayout->addLayout(head);
    cardLayout->addWidget(m_customer);
    cardLayout->addWidget(m_placed);
    auto *line = new QFrame(m_card);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    cardLayout->addWidget(line);
    m_items->setHorizontalSpacing(16);
    m_items->setColumnStretch(0, 1);
    cardLayout->addLayout(m_items);
    auto *totalRow = new QHBoxLayout;
    totalRow->addWidget(caption(tr("Total"), m_card));
    totalRow->addStretch(1);
    totalRow->addWidget(m_total);
    cardLayout->addLayout(totalRow);
    cardLayout->addWidget(m_payment);
    cardLayout->addSpacing(8);
    m_pickupCaption->setText(tr("Pickup code"));
    cardLayout->addWidget(m_pickupCaption);
    cardLayout->addWidget(m_pickupCode);
    cardLayout->addWidget(m_handled);
    cardLayout->addSpacing(8);
    cardLayout->addWidget(m_notifyCaption);
    cardLayout->addWidget(m_notifySms);
    cardLayout->addWidget(m_notifyEmail);
    cardLayout->addWidget(m_notifyNone);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_ready);
    actions->addWidget(m_pickedUp);
    actions->addStretch(1);
    cardLayout->addLayout(actions);
    cardLayout->addWidget(m_problem);
    cardLayout->addSpacing(8);
    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_addNote);
    cardLayout->addLayout(noteRow);
    cardLayout->addStretch(1);
    auto *cardHolder = new QWidget(this);
    auto *holderLayout = new QVBoxLayout(cardHolder);
    holderLayout->setContentsMargins(8, 0, 8, 0);
    holderLayout->addWidget(m_card);
    auto *scroll = new QScrollArea(this);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(cardHolder);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_cardStack->addWidget(m_nothingSelected);
    m_cardStack->addWidget(scroll);

    // The customer's thread, fed by the app like the agent's.
    QFont titleFont = m_threadTitle->font();
    titleFont.setBold(true);
    m_threadTitle->setFont(titleFont);
    m_threadTitle->setContentsMargins(10, 6, 10, 6);
    m_threadTitle->setObjectName(QStringLiteral("orderThreadTitle"));
    m_thread->setObjectName(QStringLiteral("orderThread"));
    m_thread->setTimeline(m_timeline);
    connect(m_thread, &TimelineView::linkActivated, this,
            [](const QString &target) { QDesktopServices::openUrl(QUrl(target)); });
    auto *threadPane = new QWidget(this);
    auto *threadLayout = new QVBoxLayout(threadPane);
    threadLayout->setContentsMargins(0, 0, 0, 0);
    threadLayout->setSpacing(0);
    threadLayout->addWidget(m_threadTitle);
    threadLayout->addWidget(m_thread, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_kindHint);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_resultsStack);
    splitter->addWidget(m_cardStack);
    splitter->addWidget(threadPane);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({300, 520, 520});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    // Keyboard first. Only while the focus is inside the desk: the agent
    // window uses Ctrl+K and Ctrl+R too.
    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_K), [this] { focusSearch(); });
    shortcut(QKeySequence(Qt::Key_F3), [this] { focusSearch(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
        if (m_ready->isEnabled())
            requestAction(kReady);
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_P), [this] {
        if (m_pickedUp->isEnabled())
            requestAction(kPickedUp);
    });
    // Key names are not words to translate: isolated, they read right in any direction.
    m_search->setToolTip(
        tr("Search orders (%1 or %2), %3 to look up at once")
            .arg(text::isolate(u"Ctrl+K"), text::isolate(u"F3"), text::isolate(u"Enter")));
    m_ready->setToolTip(
        tr("Mark the order ready and tell the customer (%1)").arg(text::isolate(u"Ctrl+R")));
    m_pickedUp->setToolTip(
        tr("Record that the customer collected the order (%1)").arg(text::isolate(u"Ctrl+P")));

    onResultsReset();
}

void OrderDeskView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void OrderDeskView::selectOrder(qint64 orderId)
{
    const int row = m_orders->rowOf(orderId);
    if (row >= 0)
        m_results->setCurrentIndex(m_orders->index(row));
}

bool OrderDeskView::allowsAction(const QString &status, const QString &action)
{
    if (action == kReady)
        return status == QLatin1String("placed") || status == QLatin1String("paid");
    if (action == kPickedUp)
        return status == kReady;
    return false;
}

void OrderDeskView::onResultsReset()
{
    updateEmptyState();
    // The same order stays selected across lookups; otherwise the first, so a
    // clerk who typed a number sees its card without another key.
    const qint64 keep = m_orderId;
    if (m_orders->rowCount() == 0) {
        showNoOrder();
        return;
    }
    const int row = std::max(0, m_orders->rowOf(keep));
    m_results->setCurrentIndex(m_orders->index(row));
    onCurrentChanged(); // a reset does not always tell the selection model
}

void OrderDeskView::updateEmptyState()
{
    const bool empty = m_orders->rowCount() == 0;
    if (!empty) {
        m_resultsStack->setCurrentWidget(m_results);
        return;
    }
    m_resultsEmpty->setText(
        m_orders->query().isEmpty()
            ? tr("Look an order up by its number, or by the customer's phone number, email "
                 "or name.")
            : tr("No order matches “%1”.").arg(text::isolate(m_orders->query())));
    m_resultsStack->setCurrentWidget(m_resultsEmpty);
}

void OrderDeskView::onCurrentChanged()
{
    const QModelIndex current = m_results->currentIndex();
    if (!current.isValid()) {
        showNoOrder();
        return;
    }
    const Order order = current.data(OrderValueRole).value<Order>();
    if (order.id != m_orderId) {
        m_pendingAction.clear();
        m_problem->hide();
        m_note->clear();
    }
    m_orderId = order.id;
    showOrder(order);
    if (order.customerId != m_threadCustomer) {
        m_threadCustomer = order.customerId;
        Q_EMIT threadWanted(order.customerId);
        m_timeline->showCustomer(order.customerId);
    }
}

void OrderDeskView::showNoOrder()
{
    m_orderId = 0;
    m_order = Order();
    m_pendingAction.clear();
    m_cardStack->setCurrentWidget(m_nothingSelected);
    m_threadTitle->setText(tr("The customer's thread appears here."));
    if (m_threadCustomer != 0) {
        m_threadCustomer = 0;
        m_timeline->showCustomer(0);
    }
}

void OrderDeskView::showOrder(const Order &order)
{
    const QLocale locale;
    if (order.status != m_order.status || order.id != m_order.id)
        m_pendingAction.clear(); // the action we asked for (or another) happened
    m_order = order;
    m_cardStack->setCurrentIndex(1);
    m_number->setText(
        tr("Order %1").arg(text::isolate(displayNumber(order.number), Qt::LeftToRight)));
    // Alone on its label a name needs no isolate, only its controls neutralised.
    m_customer->setText(text::neutraliseBidi(order.customerName));
    m_status->setText(orderStatusLabel(order.status));
    m_status->setStyleSheet(chipStyle(order.status));
    const QDateTime placed = QDateTime::fromMSecsSinceEpoch(order.createdAt).toLocalTime();
    m_placed->setText(order.createdAt > 0
                          ? tr("Placed on %1 via %2")
                                .arg(dayLabel(placed.date(), locale), text::isolate(order.source))
                          : QString());
    m_placed->setVisible(order.createdAt > 0);

    while (QLayoutItem *item = m_items->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < order.items.size(); ++i) {
        const OrderItem &item = order.items.at(i);
        auto *name = new QLabel(text::isolate(item.name), m_card);
        name->setWordWrap(true);
        auto *quantity = new QLabel(tr("× %1").arg(locale.toString(item.quantity)), m_card);
        auto *price = new QLabel(formatMoney(item.price, order.currency, locale), m_card);
        price->setAlignment(QStyle::visualAlignment(layoutDirection(), Qt::AlignTrailing) |
                            Qt::AlignAbsolute | Qt::AlignVCenter);
        m_items->addWidget(name, i, 0);
        m_items->addWidget(quantity, i, 1);
        m_items->addWidget(price, i, 2);
    }
    if (order.items.isEmpty())
        m_items->addWidget(new QLabel(tr("The shop sent no items for this order."), m_card), 0, 0);
    m_total->setText(formatMoney(order.total, order.currency, locale));
    m_payment->setText(
        tr("Payment: %1 · Fulfilment: %2")
            .arg(paymentLabel(order.paymentStatus), fulfilmentLabel(order.fulfilmentStatus)));

    const bool hasCode = !order.pickupCode.isEmpty();
    m_pickupCaption->setText(hasCode ? tr("Pickup code") : tr("No pickup code"));
    // In its character order whatever the interface's direction.
    m_pickupCode->setText(
        hasCode ? text::isolate(text::neutraliseBidiStrict(order.pickupCode), Qt::LeftToRight)
                : QString());
    m_pickupCode->setVisible(hasCode);

    QString handled;
    if (order.handledAt > 0 && (order.status == kReady || order.status == kPickedUp)) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(order.handledAt).toLocalTime();
        const QString day = dayLabel(at.date(), locale);
        const QString time = formatTime(at.time(), locale);
        const bool ready = order.status == kReady;
        if (order.handledBy.isEmpty())
            handled = (ready ? tr("Marked ready on %1 at %2") : tr("Picked up on %1 at %2"))
                          .arg(day, time);
        else
            handled =
                (ready ? tr("Marked ready by %1 on %2 at %3") : tr("Picked up by %1 on %2 at %3"))
                    .arg(text::isolate(order.handledBy), day, time);
    }
    m_handled->setText(handled);
    m_handled->setVisible(!handled.isEmpty());

    // Only the channels this order can be told on.
    const QString previous = chosenChannel();
    m_notifySms->setText(tr("SMS to %1").arg(text::isolateStrict(order.phone)));
    m_notifyEmail->setText(tr("Email to %1").arg(text::isolateStrict(order.email)));
    m_notifySms->setVisible(!order.phone.isEmpty());
    m_notifyEmail->setVisible(!order.email.isEmpty());
    if (previous == QLatin1String("sms") && !order.phone.isEmpty())
        m_notifySms->setChecked(true);
    else if (previous == QLatin1String("email") && !order.email.isEmpty())
        m_notifyEmail->setChecked(true);
    else if (!order.phone.isEmpty())
        m_notifySms->setChecked(true);
    else if (!order.email.isEmpty())
        m_notifyEmail->setChecked(true);
    else
        m_notifyNone->setChecked(true);

    m_threadTitle->setText(order.customerName.isEmpty()
                               ? tr("The customer's thread")
                               : tr("Thread with %1").arg(text::isolate(order.customerName)));
    updateActions();
}

void OrderDeskView::updateActions()
{
    const bool busy = !m_pendingAction.isEmpty();
    const bool ready = allowsAction(m_order.status, kReady);
    const bool pickedUp = allowsAction(m_order.status, kPickedUp);
    m_ready->setEnabled(m_orderId > 0 && ready && !busy);
    m_pickedUp->setEnabled(m_orderId > 0 && pickedUp && !busy);
    const bool any = ready || pickedUp;
    m_notifyCaption->setVisible(any);
    m_notifySms->setVisible(any && !m_order.phone.isEmpty());
    m_notifyEmail->setVisible(any && !m_order.email.isEmpty());
    m_notifyNone->setVisible(any);
    m_ready->setVisible(any || m_order.status == kPickedUp);
    m_pickedUp->setVisible(any || m_order.status == kPickedUp);
}

QString OrderDeskView::chosenChannel() const
{
    if (m_notifySms->isChecked())
        return QStringLiteral("sms");
    if (m_notifyEmail->isChecked())
        return QStringLiteral("email");
    return QString();
}

void OrderDeskView::requestAction(const QString &action)
{
    if (m_orderId <= 0 || !allowsAction(m_order.status, action) || !m_pendingAction.isEmpty())
        return;
    m_pendingAction = action;
    m_problem->hide();
    updateActions();
    Q_EMIT orderActionRequested(m_orderId, action, chosenChannel());
}

void OrderDeskView::showProblem(const QString &sentence)
{
    m_pendingAction.clear();
    m_problem->setText(sentence);
    m_problem->setVisible(!sentence.isEmpty());
    updateActions();
}

void OrderDeskView::addNote()
{
    const QString body = m_note->text().trimmed();
    if (body.isEmpty() || m_order.customerId <= 0)
        return;
    Q_EMIT noteRequested(m_order.customerId, body);
    m_note->clear();
}

bool OrderDeskView::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the search box walk the results: type, Enter, arrows.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        int delta = 0;
        if (key->key() == Qt::Key_Down)
            delta = 1;
        else if (key->key() == Qt::Key_Up)
            delta = -1;
        else if (key->key() == Qt::Key_PageDown)
            delta = 5;
        else if (key->key() == Qt::Key_PageUp)
            delta = -5;
        if (delta != 0 && m_orders->rowCount() > 0) {
            const int row =
                std::clamp(m_results->currentIndex().row() + delta, 0, m_orders->rowCount() - 1);
            m_results->setCurrentIndex(m_orders->index(row));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void OrderDeskView::changeEvent(QEvent *event)
{
    // Words on the card follow a change of interface language.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LayoutDirectionChange) {
        if (m_orderId > 0)
            showOrder(m_order);
        updateEmptyState();
    }
    QWidget::changeEvent(event);
}

} // namespace threadline::ui
