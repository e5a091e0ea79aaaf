// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/conversation_bar.h"

#include "models/inbox_model.h"
#include "services/text/safe_text.h"
#include "ui/calendar_format.h"
#include "ui/merge_dialog.h"

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
#include <QShortcut>
#include <QLocale>
#include <QToolButton>

namespace threadline::ui {

namespace {
QToolButton *button(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
} // namespace

ConversationBar::ConversationBar(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)),
      m_take(button(tr("Take"), tr("Assign to me (%1)").arg(text::isolate(u"Ctrl+T")), this)),
      m_transfer(button(tr("Transfer…"), tr("Hand over to a queue or a colleague (%1)").arg(text::isolate(u"Ctrl+Shift+T")), this)),
      m_resolve(button(tr("Resolve"), tr("Resolve or reopen (%1)").arg(text::isolate(u"Ctrl+E")), this)),
      m_snooze(button(tr("Snooze"), tr("Hide until a time; it comes back by itself"), this)),
      m_labels(button(tr("Labels…"), tr("Add or remove labels"), this)),
      m_call(button(tr("Log call…"), tr("Log a phone call (%1)").arg(text::isolate(u"Ctrl+L")), this)),
      m_merge(button(tr("Merge with…"),
                     tr("This is the same person as another customer (%1)")
                         .arg(text::isolate(u"Ctrl+Shift+M")),
                     this))
{
    setObjectName(QStringLiteral("conversationBar"));
    m_state->setTextFormat(Qt::RichText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->addWidget(m_state, 1);
    for (QToolButton *b : {m_take, m_transfer, m_resolve, m_snooze, m_labels, m_call, m_merge})
        layout->addWidget(b);

    auto *snoozeMenu = new QMenu(this);
    snoozeMenu->addAction(tr("For an hour"), this, [this] {
        snoozeUntil(QDateTime::currentMSecsSinceEpoch() + 60 * 60 * 1000);
    });
    snoozeMenu->addAction(tr("Until tomorrow morning"), this, [this] {
        snoozeUntil(QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)).toMSecsSinceEpoch());
    });
    snoozeMenu->addAction(tr("For a week"), this, [this] {
        snoozeUntil(QDateTime::currentMSecsSinceEpoch() + 7LL * 24 * 60 * 60 * 1000);
    });
    m_snooze->setMenu(snoozeMenu);
    m_snooze->setPopupMode(QToolButton::InstantPopup);

    connect(m_take, &QToolButton::clicked, this, &ConversationBar::take);
    connect(m_transfer, &QToolButton::clicked, this, &ConversationBar::transfer);
    connect(m_resolve, &QToolButton::clicked, this, &ConversationBar::toggleResolved);
    connect(m_labels, &QToolButton::clicked, this, &ConversationBar::editLabels);
    connect(m_call, &QToolButton::clicked, this, &ConversationBar::logCallRequested);
    m_merge->setObjectName(QStringLiteral("mergeWith"));
    connect(m_merge, &QToolButton::clicked, this, &ConversationBar::mergeWith);
    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto *s = new QShortcut(keys, window() ? window() : this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_T), &ConversationBar::take);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), &ConversationBar::transfer);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_E), &ConversationBar::toggleResolved);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_L), &ConversationBar::logCallRequested);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &ConversationBar::mergeWith);
    setCustomer(std::nullopt);
}

void ConversationBar::mergeWith()
{
    if (!m_customer || !isEnabled())
        return;
    MergeDialog dialog(*m_customer, m_inbox ? m_inbox->customers() : QList<models::Customer>(),
                       m_online, window());
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
    if (!customer) {
        m_state->clear();
        return;
    }
    const bool resolved = customer->status == QLatin1String("resolved");
    const bool mine = !m_user.isEmpty() && customer->assignee == m_user;
    m_take->setText(mine ? tr("Return to queue") : tr("Take"));
    m_take->setEnabled(!m_user.isEmpty());
    m_resolve->setText(resolved ? tr("Reopen") : tr("Resolve"));
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
    m_state->setText(html.join(QStringLiteral(" · ")));
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
