// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/conversation_bar.h"

#include "models/inbox_model.h"
#include "services/text/safe_text.h"
#include "ui/calendar_format.h"
#include "ui/desk_actions.h"
#include "ui/merge_dialog.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QLocale>
#include <QTextDocumentFragment>
#include <QToolButton>

namespace threadline::ui {

namespace {
/// One action of the bar: a window-wide key while the bar is on screen.
QAction *command(const char *id, const QString &title, const QString &tip, const QKeySequence &keys,
                 QWidget *bar)
{
    QAction *action = addDeskAction(bar, id, title, keys.isEmpty() ? QList<QKeySequence>() : QList{keys});
    action->setToolTip(tip);
    return action;
}

QToolButton *button(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setAutoRaise(true);
    return b;
}
} // namespace

ConversationBar::ConversationBar(QWidget *parent) : QWidget(parent), m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("conversationBar"));
    const auto keys = [](QKeyCombination combination) { return QKeySequence(combination); };
    m_takeAction = command("take", tr("Take"), tr("Assign to me (%1)").arg(text::isolate(u"Ctrl+T")),
                           keys(Qt::CTRL | Qt::Key_T), this);
    QAction *transfer = command("transfer", tr("Transfer…"),
                                tr("Hand over to a queue or a colleague (%1)")
                                    .arg(text::isolate(u"Ctrl+Shift+T")),
                                keys(Qt::CTRL | Qt::SHIFT | Qt::Key_T), this);
    m_resolveAction = command("resolve", tr("Resolve"),
                              tr("Resolve or reopen (%1)").arg(text::isolate(u"Ctrl+E")),
                              keys(Qt::CTRL | Qt::Key_E), this);
    QAction *snooze = command("snooze", tr("Snooze"),
                              tr("Hide until a time; it comes back by itself (%1)")
                                  .arg(text::isolate(u"Ctrl+Shift+S")),
                              keys(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this);
    QAction *labels = command("labels", tr("Labels…"),
                              tr("Add or remove labels (%1)").arg(text::isolate(u"Ctrl+Shift+L")),
                              keys(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this);
    QAction *call = command("logCall", tr("Log call…"),
                            tr("Log a phone call (%1)").arg(text::isolate(u"Ctrl+L")),
                            keys(Qt::CTRL | Qt::Key_L), this);
    QAction *merge = command("mergeWith", tr("Merge with…"),
                             tr("This is the same person as another customer (%1)")
                                 .arg(text::isolate(u"Ctrl+Shift+M")),
                             keys(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this);
    // The snooze times are commands of their own (the palette offers each).
    m_snoozeMenu = new QMenu(tr("Snooze"), this);
    const auto snoozeFor = [this](const char *id, const QString &title, auto until) {
        QAction *a = command(id, title, title, QKeySequence(), this);
        connect(a, &QAction::triggered, this, [this, until] { snoozeUntil(until()); });
        m_snoozeMenu->addAction(a);
        return a;
    };
    const QList<QAction *> snoozeTimes = {
        snoozeFor("snoozeHour", tr("Snooze for an hour"),
                  [] { return QDateTime::currentMSecsSinceEpoch() + 60 * 60 * 1000; }),
        snoozeFor("snoozeTomorrow", tr("Snooze until tomorrow morning"), [] {
            return QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)).toMSecsSinceEpoch();
        }),
        snoozeFor("snoozeWeek", tr("Snooze for a week"),
                  [] { return QDateTime::currentMSecsSinceEpoch() + 7LL * 24 * 60 * 60 * 1000; })};
    m_commands = {m_takeAction, transfer, m_resolveAction, snooze};
    m_commands += snoozeTimes;
    m_commands += {labels, call, merge};

    m_take = button(m_takeAction, this);
    m_transfer = button(transfer, this);
    m_resolve = button(m_resolveAction, this);
    m_snooze = button(snooze, this);
    m_snooze->setMenu(m_snoozeMenu);
    m_snooze->setPopupMode(QToolButton::InstantPopup);
    m_labels = button(labels, this);
    m_call = button(call, this);
    m_merge = button(merge, this);
    m_merge->setObjectName(QStringLiteral("mergeWith"));
    m_more = new QToolButton(this);
    m_more->setObjectName(QStringLiteral("conversationMore"));
    m_more->setText(tr("More"));
    m_more->setAccessibleName(tr("More actions"));
    m_more->setToolTip(tr("Actions that do not fit beside the conversation"));
    m_more->setAutoRaise(true);
    m_more->setPopupMode(QToolButton::InstantPopup);
    m_more->setMenu(new QMenu(m_more));
    m_more->hide();

    m_state->setTextFormat(Qt::RichText);
    // The state gives way to the buttons; its whole text stays in the tooltip.
    m_state->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(this);
    // The bar may be narrower than all its buttons: fitButtons() moves the rest into
    // "More" rather than letting the bar push the thread off the window.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(4);
    layout->addWidget(m_state, 1);
    for (QToolButton *b : {m_take, m_transfer, m_resolve, m_snooze, m_labels, m_call, m_merge, m_more})
        layout->addWidget(b);

    connect(m_takeAction, &QAction::triggered, this, &ConversationBar::take);
    connect(transfer, &QAction::triggered, this, &ConversationBar::transfer);
    connect(m_resolveAction, &QAction::triggered, this, &ConversationBar::toggleResolved);
    connect(snooze, &QAction::triggered, this, [this] {
        // From the keyboard or the palette: the times, under the button when it shows.
        QWidget *anchor = m_snooze->isVisible() ? static_cast<QWidget *>(m_snooze) : m_more;
        if (!anchor->isVisible())
            anchor = this;
        m_snoozeMenu->popup(anchor->mapToGlobal(QPoint(0, anchor->height())));
    });
    connect(labels, &QAction::triggered, this, &ConversationBar::editLabels);
    connect(call, &QAction::triggered, this, &ConversationBar::logCallRequested);
    connect(merge, &QAction::triggered, this, &ConversationBar::mergeWith);
    setCustomer(std::nullopt);
}

QSize ConversationBar::minimumSizeHint() const
{
    // Room for the frequent actions and "More"; the state and the rest give way.
    int width = layout()->contentsMargins().left() + layout()->contentsMargins().right();
    for (const QToolButton *b : {m_take, m_transfer, m_resolve, m_more})
        width += b->sizeHint().width() + layout()->spacing();
    return {width, QWidget::minimumSizeHint().height()};
}

void ConversationBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitButtons();
}

void ConversationBar::fitButtons()
{
    // Dense but calm: the frequent actions stay; the rarer ones, from the last,
    // move into "More" when the bar is too narrow for them and a readable state.
    constexpr int kStateRoom = 280; // who has it, the queue, the state and a label or two
    const QList<QToolButton *> always = {m_take, m_transfer, m_resolve};
    const QList<QToolButton *> optional = {m_snooze, m_labels, m_call, m_merge};
    const int spacing = layout()->spacing();
    const auto widthOf = [spacing](QToolButton *b) { return b->sizeHint().width() + spacing; };
    int room = width() - layout()->contentsMargins().left() - layout()->contentsMargins().right()
               - kStateRoom;
    for (QToolButton *b : always)
        room -= widthOf(b);
    int optionalWidth = 0;
    for (QToolButton *b : optional)
        optionalWidth += widthOf(b);
    const bool overflow = optionalWidth > room;
    if (overflow)
        room -= widthOf(m_more);
    QMenu *more = m_more->menu();
    more->clear();
    bool spilling = false;
    for (QToolButton *b : optional) {
        spilling = spilling || (overflow && widthOf(b) > room);
        b->setVisible(!spilling);
        if (!spilling) {
            room -= widthOf(b);
        } else if (b == m_snooze) {
            more->addMenu(m_snoozeMenu); // the menu owns its action: clear() keeps it
        } else {
            more->addAction(b->defaultAction());
        }
    }
    m_more->setVisible(spilling);
}

void ConversationBar::mergeWith()
{
    if (!m_customer || !isEnabled())
        return;
    MergeDialog dialog(*m_customer, m_inbox ? m_inbox->customers() : QList<models::Customer>(),
                       m_online, window());
    dialog.setCustomerLookup([inbox = m_inbox](qint64 id) {
        return inbox ? inbox->customer(id) : std::nullopt;
    });
    Q_EMIT mergeDialogOpened(&dialog); // online, the app lets it search the hub too
    if (dialog.exec() == QDialog::Accepted && !dialog.command().isEmpty())
        Q_EMIT commandRequested(QStringLiteral("customer.merge"), dialog.command());
}

void ConversationBar::setUser(const QString &user)
{
    m_user = user;
    setCustomer(m_customer);
}

void ConversationBar::setColleagues(const QStringList &viewing, const QStringList &typing)
{
    m_viewing = viewing;
    m_typing = typing;
    setCustomer(m_customer);
}

void ConversationBar::setDirectory(const QStringList &queues, const QStringList &agents)
{
    m_queues = queues;
    m_agents = agents;
}

void ConversationBar::setCustomer(const std::optional<models::Customer> &customer)
{
    m_customer = customer;
    setEnabled(customer.has_value());
    // Each action is set once per call: enabling one only to disable it again (Take
    // before sign-in) would make its button re-measure and the window lay out again.
    for (QAction *action : std::as_const(m_commands)) {
        if (!customer)
            setAvailable(action, false, tr("No conversation is open"));
        else if (action == m_takeAction)
            setAvailable(action, !m_user.isEmpty(), tr("Not signed in yet"));
        else
            setAvailable(action, true, QString());
    }
    if (!customer) {
        m_state->clear();
        m_state->setToolTip(QString());
        return;
    }
    const bool resolved = customer->status == QLatin1String("resolved");
    const bool mine = !m_user.isEmpty() && customer->assignee == m_user;
    m_takeAction->setText(mine ? tr("Return to queue") : tr("Take"));
    m_resolveAction->setText(resolved ? tr("Reopen") : tr("Resolve"));
    QStringList parts;
    parts << (customer->assignee.isEmpty() ? tr("In the queue")
                                           : tr("With %1").arg(text::isolate(customer->assignee)));
    if (!customer->queue.isEmpty())
        parts << tr("Queue: %1").arg(text::isolate(customer->queue));
    if (resolved)
        parts << tr("Resolved");
    else if (customer->snoozeUntil > QDateTime::currentMSecsSinceEpoch())
    {
        // In the agent's calendar and digits, like every other date on the desk.
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(customer->snoozeUntil).toLocalTime();
        parts << tr("Snoozed until %1")
                     .arg(shortDate(until.date()) + QLatin1Char(' ') + formatTime(until.time()));
    }
    for (const QString &label : customer->labels)
        parts << QStringLiteral("#") + text::isolate(label);
    // Collision: someone else is on this thread, or writing to this customer now.
    QStringList html;
    for (const QString &part : std::as_const(parts))
        html << part.toHtmlEscaped();
    QStringList typingNames, viewingNames;
    for (const QString &name : m_typing)
        typingNames << text::isolate(name);
    for (const QString &name : m_viewing)
        if (!m_typing.contains(name))
            viewingNames << text::isolate(name);
    if (!typingNames.isEmpty())
        html << QStringLiteral("<b style='color:#c62828'>%1</b>")
                    .arg(tr("%1 is typing…").arg(typingNames.join(QStringLiteral(", "))).toHtmlEscaped());
    if (!viewingNames.isEmpty())
        html << tr("Also here: %1").arg(viewingNames.join(QStringLiteral(", "))).toHtmlEscaped();
    const QString state = html.join(QStringLiteral(" · "));
    // Most calls are a new message in the open thread, which leaves the state as it was
    // (and its HTML need not be read again for the accessible name).
    if (state == m_state->text())
        return;
    m_state->setText(state);
    // What a narrow bar cuts off is still there to hover over (and for screen readers).
    m_state->setToolTip(state);
    m_state->setAccessibleName(QTextDocumentFragment::fromHtml(state).toPlainText());
}

QJsonObject ConversationBar::base() const
{
    return {{QStringLiteral("customer_id"), m_customer ? m_customer->id : 0}};
}

void ConversationBar::take()
{
    if (!m_customer || m_user.isEmpty())
        return;
    QJsonObject data = base();
    const bool mine = !m_user.isEmpty() && m_customer->assignee == m_user;
    data.insert(QStringLiteral("assignee"), mine ? QString() : m_user);
    Q_EMIT commandRequested(QStringLiteral("assign"), data);
}

void ConversationBar::transfer()
{
    if (!m_customer)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Transfer"));
    auto *queue = new QComboBox(&dialog);
    queue->addItem(tr("(keep the queue)"), QString());
    for (const QString &q : m_queues)
        queue->addItem(q, q);
    auto *agent = new QComboBox(&dialog);
    agent->setEditable(true);
    agent->addItem(tr("(anyone in the queue)"), QString());
    for (const QString &a : m_agents)
        agent->addItem(a, a);
    auto *note = new QLineEdit(&dialog);
    note->setPlaceholderText(tr("What the next person should know"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Queue"), queue);
    form->addRow(tr("Colleague"), agent);
    form->addRow(tr("Note"), note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QJsonObject data = base();
    const QString toQueue = queue->currentData().toString();
    const QString toAgent = agent->currentIndex() > 0 || agent->currentText() != agent->itemText(0)
                                ? agent->currentText().trimmed()
                                : QString();
    if (!toQueue.isEmpty())
        data.insert(QStringLiteral("queue"), toQueue);
    data.insert(QStringLiteral("assignee"), toAgent);
    if (!note->text().trimmed().isEmpty())
        data.insert(QStringLiteral("note"), note->text().trimmed());
    Q_EMIT commandRequested(QStringLiteral("transfer"), data);
}

void ConversationBar::toggleResolved()
{
    if (!m_customer)
        return;
    QJsonObject data = base();
    data.insert(QStringLiteral("status"), m_customer->status == QLatin1String("resolved")
                                              ? QStringLiteral("open")
                                              : QStringLiteral("resolved"));
    Q_EMIT commandRequested(QStringLiteral("set_status"), data);
}

void ConversationBar::snoozeUntil(qint64 ms)
{
    if (!m_customer)
        return;
    QJsonObject data = base();
    data.insert(QStringLiteral("until"), ms);
    Q_EMIT commandRequested(QStringLiteral("snooze"), data);
}

void ConversationBar::editLabels()
{
    if (!m_customer)
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Labels"), tr("Labels, separated by commas:"), QLineEdit::Normal,
        m_customer->labels.join(QStringLiteral(", ")), &ok);
    if (!ok)
        return;
    QStringList wanted;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,،]"))))
        if (const QString label = part.trimmed(); !label.isEmpty() && !wanted.contains(label))
            wanted << label;
    QJsonArray add, remove;
    for (const QString &l : wanted)
        if (!m_customer->labels.contains(l))
            add.append(l);
    for (const QString &l : m_customer->labels)
        if (!wanted.contains(l))
            remove.append(l);
    if (add.isEmpty() && remove.isEmpty())
        return;
    QJsonObject data = base();
    data.insert(QStringLiteral("add"), add);
    data.insert(QStringLiteral("remove"), remove);
    Q_EMIT commandRequested(QStringLiteral("label"), data);
}

} // namespace threadline::ui
