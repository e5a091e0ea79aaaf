// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/customer_panel.h"

#include "services/text/safe_text.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"
#include "ui/money_format.h"

#include <QDateTime>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QLocale>
#include <QStyle>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace threadline::ui {

CustomerPanel::CustomerPanel(QWidget *parent)
    : QWidget(parent), m_name(new QLabel(this)), m_summary(new QLabel(this)),
      m_identities(new QListWidget(this)), m_context(new QLabel(this)),
      m_orders(new QListWidget(this)), m_mergesHeading(new QLabel(tr("Merged customers"), this)),
      m_merges(new QWidget(this))
{
    setObjectName(QStringLiteral("customerPanel"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setWordWrap(true);
    // On the leading side of the interface, whatever the direction of the name.
    m_name->setAlignment(QStyle::visualAlignment(layoutDirection(), Qt::AlignLeading)
                         | Qt::AlignAbsolute | Qt::AlignTop);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_identities->setFrameShape(QFrame::NoFrame);
    m_identities->setAccessibleName(tr("Identities"));
    // A long address is shortened in its middle (its start and its domain stay), never
    // scrolled sideways; the tooltip gives it whole.
    m_identities->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_identities->setTextElideMode(Qt::ElideMiddle);
    m_orders->setAccessibleName(tr("Orders"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_summary);
    auto *heading = new QLabel(tr("Identities"), this);
    heading->setStyleSheet(QStringLiteral("font-weight: bold; margin-top: 8px;"));
    layout->addWidget(heading);
    layout->addWidget(m_identities, 1);
    auto *knownHeading = new QLabel(tr("What we know"), this);
    knownHeading->setStyleSheet(QStringLiteral("font-weight: bold; margin-top: 8px;"));
    layout->addWidget(knownHeading);
    m_context->setWordWrap(true);
    m_context->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_context);
    auto *ordersHeading = new QLabel(tr("Orders"), this);
    ordersHeading->setStyleSheet(QStringLiteral("font-weight: bold; margin-top: 8px;"));
    layout->addWidget(ordersHeading);
    m_orders->setObjectName(QStringLiteral("customerOrders"));
    m_orders->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_orders, 1);
    m_mergesHeading->setStyleSheet(QStringLiteral("font-weight: bold; margin-top: 8px;"));
    layout->addWidget(m_mergesHeading);
    m_merges->setObjectName(QStringLiteral("customerMerges"));
    auto *merges = new QVBoxLayout(m_merges);
    merges->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_merges);
    setCustomer(std::nullopt);
}

void CustomerPanel::setContext(const Context &c)
{
    QStringList lines;
    if (!c.openIssue.isEmpty())
        lines << tr("Last wrote: %1").arg(text::isolate(c.openIssue.left(160)));
    if (!c.lastAgent.isEmpty())
        lines << tr("Last answered by %1").arg(text::isolate(c.lastAgent));
    if (!c.preferredChannel.isEmpty())
        lines << tr("Usually writes by %1").arg(channelLabel(c.preferredChannel));
    m_context->setText(lines.join(QLatin1Char('\n')));
}

void CustomerPanel::setOrders(const QList<models::Order> &orders)
{
    m_orders->clear();
    for (const auto &o : orders) {
        QString line = tr("%1 · %2").arg(text::isolateStrict(o.number), orderStatusLabel(o.status));
        if (!o.total.isEmpty())
            line += QStringLiteral(" · ") + text::isolate(formatMoney(o.total, o.currency));
        if (!o.pickupCode.isEmpty() && o.status == QLatin1String("ready_for_pickup"))
            line += QStringLiteral(" · ") + tr("pickup code %1").arg(text::isolateStrict(o.pickupCode));
        auto *item = new QListWidgetItem(line, m_orders);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    }
    if (orders.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No orders"), m_orders);
        item->setFlags(Qt::ItemIsEnabled);
    }
}

void CustomerPanel::setMerges(const QList<models::MergedCustomer> &merges)
{
    // Rebuilt whole: a thread has a handful of merges at most.
    for (QWidget *row : m_merges->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        delete row;
    for (const auto &merge : merges) {
        auto *row = new QWidget(m_merges);
        auto *line = new QHBoxLayout(row);
        line->setContentsMargins(0, 0, 0, 0);
        auto *name = new QLabel(text::isolate(merge.name), row);
        name->setWordWrap(true);
        auto *undo = new QPushButton(tr("Undo merge"), row);
        undo->setObjectName(QStringLiteral("undoMerge"));
        undo->setAccessibleName(tr("Undo the merge with %1").arg(text::isolate(merge.name)));
        connect(undo, &QPushButton::clicked, this,
                [this, id = merge.mergeId] { Q_EMIT unmergeRequested(id); });
        line->addWidget(name, 1);
        line->addWidget(undo);
        m_merges->layout()->addWidget(row);
    }
    m_mergesHeading->setVisible(!merges.isEmpty());
    m_merges->setVisible(!merges.isEmpty());
}

void CustomerPanel::setCustomer(const std::optional<models::Customer> &customer)
{
    // Most calls are the open customer's new message: the identities are as they were, and
    // rebuilding the list would relayout and repaint it with every batch.
    const bool sameIdentities = customer && customer->id == m_customerId
                                && customer->identities == m_identitiesShown;
    if (!sameIdentities) {
        m_identities->clear();
        m_identitiesShown.clear();
    }
    if (!customer || customer->id != m_customerId)
        setMerges({}); // the thread of the customer now shown will say
    if (!customer) {
        m_name->setText(tr("No customer selected"));
        m_summary->clear();
        m_context->clear();
        m_orders->clear();
        m_customerId = 0;
        return;
    }
    if (customer->id != m_customerId) {
        // Another customer: what we showed belongs to the previous one.
        m_customerId = customer->id;
        m_context->clear();
        m_orders->clear();
    }
    m_name->setText(text::neutraliseBidi(customer->name)); // alone on its label
    const QLocale locale;
    QStringList lines;
    lines << (customer->status == QLatin1String("resolved") ? tr("Resolved") : tr("Open"));
    lines << (customer->assignee.isEmpty() ? tr("Waiting in the queue")
                                           : tr("Assigned to %1").arg(text::isolate(customer->assignee)));
    if (customer->lastAt > 0)
        lines << tr("Last contact: %1 by %2")
                     .arg(relativeTime(customer->lastAt, QDateTime::currentMSecsSinceEpoch()),
                          channelLabel(customer->lastChannel));
    lines << withNumber(
        tr("%1 item(s) in the thread", nullptr, static_cast<int>(customer->itemCount)),
        customer->itemCount, locale);
    m_summary->setText(lines.join(QLatin1Char('\n')));
    if (sameIdentities)
        return;
    m_identitiesShown = customer->identities;
    for (const auto &identity : customer->identities) {
        // Isolated strictly: an address or number is read in its character order,
        // inside a possibly right-to-left sentence.
        auto *item = new QListWidgetItem(tr("%1: %2").arg(identityKindLabel(identity.kind),
                                                          text::isolateStrict(identity.value)));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setToolTip(identity.value);
        m_identities->addItem(item);
    }
}

} // namespace threadline::ui
