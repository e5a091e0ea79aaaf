// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/main_window.h"

#include "models/inbox_model.h"
#include "models/inbox_roles.h"
#include "models/timeline_model.h"
#include "models/timeline_roles.h"
#include "models/order_list_model.h"
#include "models/queue_stats.h"
#include "ui/composer.h"
#include "ui/order_desk_view.h"
#include "ui/queue_monitor_view.h"
#include "ui/conversation_bar.h"
#include "ui/log_call_dialog.h"
#include "ui/customer_panel.h"
#include "services/text/safe_text.h"
#include "ui/calendar_format.h"
#include "ui/canned_page.h"
#include "ui/settings_dialog.h"
#include "ui/channel_names.h"
#include "ui/inbox_delegate.h"
#include "ui/layout_boundary.h"
#include "ui/inbox_filter.h"
#include "ui/search_palette.h"
#include "ui/shortcut_sheet.h"
#include "ui/command_palette.h"
#include "ui/desk_actions.h"
#include "ui/timeline_view.h"

#include <QDesktopServices>
#include <QTabBar>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QAction>
#include <QActionGroup>
#include <QMenuBar>
#include <QInputDialog>
#include <QMessageBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QStyle>
#include <QVBoxLayout>

namespace threadline::ui {

using namespace threadline::models;

MainWindow::MainWindow(InboxModel *inbox, TimelineModel *timeline, QWidget *parent)
    : QMainWindow(parent), m_inbox(inbox), m_timeline(timeline),
      m_inboxFilter(new InboxFilter(this)), m_search(new QLineEdit(this)),
      m_sections(new QTabBar(this)), m_channelFilter(new QComboBox(this)),
      m_statusFilter(new QComboBox(this)), m_labelFilter(new QComboBox(this)),
      m_countTimer(new QTimer(this)),
      m_inboxView(new QListView(this)), m_timelineView(new TimelineView(this)),
      m_composer(new Composer(this)), m_panel(new CustomerPanel(this)),
      m_bar(new ConversationBar(this)),
      m_threadTitle(new QLabel(this)), m_connection(new QLabel(this)), m_outbox(new QLabel(this)),
      m_user(new QLabel(this)), m_draftTimer(new QTimer(this))
{
    setWindowTitle(tr("Threadline"));
    m_inboxFilter->setSourceModel(inbox);
    m_search->setPlaceholderText(tr("Filter customers"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("inboxSearch"));
    m_search->setAccessibleName(tr("Filter customers"));
    connect(m_search, &QLineEdit::textChanged, m_inboxFilter, &InboxFilter::setQuery);

    // Sections: what is mine, what waits in the queue, everything.
    m_sections->setObjectName(QStringLiteral("inboxSections"));
    m_sections->setExpanding(false);
    // All three sections stay in sight in a narrow inbox: a tab too long for its share of
    // the width is elided (its full text is its tooltip), never scrolled out of view.
    m_sections->setUsesScrollButtons(false);
    m_sections->setElideMode(Qt::ElideRight);
    m_sections->addTab(tr("Mine"));
    m_sections->addTab(tr("Queue"));
    m_sections->addTab(tr("All"));
    m_sections->setCurrentIndex(2);
    // Key names are not words to translate: isolated, they read right in any direction.
    m_sections->setToolTip(tr("%1 mine, %2 queue, %3 all")
                               .arg(text::isolate(u"Alt+1"), text::isolate(u"Alt+2"),
                                    text::isolate(u"Alt+3")));
    connect(m_sections, &QTabBar::currentChanged, this, [this](int i) {
        m_inboxFilter->setSection(static_cast<InboxFilter::Section>(i));
    });
    m_channelFilter->setObjectName(QStringLiteral("inboxChannel"));
    m_channelFilter->addItem(tr("All channels"), QString());
    for (const char *channel : {"chat", "sms", "email", "phone", "order", "note"})
        m_channelFilter->addItem(channelLabel(QLatin1String(channel)), QLatin1String(channel));
    m_channelFilter->setAccessibleName(tr("Channel"));
    connect(m_channelFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_inboxFilter->setChannel(m_channelFilter->currentData().toString());
        updateSectionCounts();
        rememberInboxFilters();
    });
    // Status and label narrow every section; both are remembered per profile.
    m_statusFilter->setObjectName(QStringLiteral("inboxStatus"));
    m_statusFilter->setAccessibleName(tr("Status"));
    m_statusFilter->addItem(tr("Any status"), QString());
    m_statusFilter->addItem(tr("Open"), QStringLiteral("open"));
    m_statusFilter->addItem(tr("Snoozed"), QStringLiteral("snoozed"));
    m_statusFilter->addItem(tr("Resolved"), QStringLiteral("resolved"));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_inboxFilter->setStatus(m_statusFilter->currentData().toString());
        updateSectionCounts();
        rememberInboxFilters();
    });
    m_labelFilter->setObjectName(QStringLiteral("inboxLabel"));
    m_labelFilter->setAccessibleName(tr("Label"));
    m_labelFilter->addItem(tr("Any label"), QString());
    connect(m_labelFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_inboxFilter->setLabel(m_labelFilter->currentData().toString());
        updateSectionCounts();
        rememberInboxFilters();
    });
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(200);
    connect(m_countTimer, &QTimer::timeout, this, &MainWindow::updateSectionCounts);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(inbox, signal, m_countTimer, qOverload<>(&QTimer::start));
    connect(inbox, &QAbstractItemModel::dataChanged, m_countTimer, qOverload<>(&QTimer::start));
    connect(inbox, &QAbstractItemModel::layoutChanged, m_countTimer, qOverload<>(&QTimer::start));
    m_countTimer->start(); // counts and labels for an inbox that was filled before this window

    m_inboxView->setObjectName(QStringLiteral("inbox"));
    m_inboxView->setAccessibleName(tr("Customers"));
    m_inboxView->setModel(m_inboxFilter);
    m_inboxView->setItemDelegate(new InboxDelegate(m_inboxView));
    m_inboxView->setUniformItemSizes(true);
    m_inboxView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_inboxView->setResizeMode(QListView::Adjust);
    m_inboxView->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_inboxView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onInboxCurrentChanged);
    m_timelineView->setObjectName(QStringLiteral("timeline"));
    m_timelineView->setTimeline(timeline);
    connect(m_timelineView, &TimelineView::linkActivated, this,
            [](const QString &target) { QDesktopServices::openUrl(QUrl(target)); });

    QFont titleFont = m_threadTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_threadTitle->setFont(titleFont);
    m_threadTitle->setContentsMargins(10, 6, 10, 6);
    // On the leading side of the interface, whatever the direction of the name.
    m_threadTitle->setAlignment(QStyle::visualAlignment(layoutDirection(), Qt::AlignLeading)
                                | Qt::AlignAbsolute | Qt::AlignVCenter);

    auto *inboxPane = new QWidget(this);
    auto *inboxLayout = new QVBoxLayout(inboxPane);
    inboxLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_channelFilter, 1);
    filters->addWidget(m_statusFilter, 1);
    filters->addWidget(m_labelFilter, 1);
    inboxLayout->addWidget(m_sections);
    inboxLayout->addWidget(m_search);
    inboxLayout->addLayout(filters);
    inboxLayout->addWidget(m_inboxView);
    // Tab walks the inbox top to bottom: sections, search, the three filters, the list.
    setTabOrder(m_sections, m_search);
    setTabOrder(m_search, m_channelFilter);
    setTabOrder(m_channelFilter, m_statusFilter);
    setTabOrder(m_statusFilter, m_labelFilter);
    setTabOrder(m_labelFilter, m_inboxView);
    auto *threadPane = new QWidget(this);
    auto *threadLayout = new QVBoxLayout(threadPane);
    threadLayout->setContentsMargins(0, 0, 0, 0);
    threadLayout->setSpacing(0);
    threadLayout->addWidget(m_threadTitle);
    threadLayout->addWidget(m_bar);
    threadLayout->addWidget(m_timelineView, 1);
    threadLayout->addWidget(m_composer);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(inboxPane);
    splitter->addWidget(threadPane);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 820, 280});
    // One page per kind of work; the role decides which are shown (setUser). The
    // conversations page changes with every new message; behind a boundary, that does
    // not make the page tabs repaint the whole window each time.
    m_conversationsPage = new LayoutBoundary(splitter, this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_monitor = new QueueMonitorView(m_pages);
    m_monitor->setConversations(inbox);
    m_orders = new models::OrderListModel(this);
    m_orderDesk = new OrderDeskView(m_orders, m_pages);
    m_pages->addTab(m_conversationsPage, tr("Conversations"));
    m_pages->addTab(m_monitor, tr("Queue monitor"));
    m_pages->addTab(m_orderDesk, tr("Order desk"));
    m_pages->setTabVisible(1, false);
    m_pages->setTabVisible(2, false);
    m_pages->tabBar()->setVisible(false);
    setCentralWidget(m_pages);

    connect(m_monitor, &QueueMonitorView::assignRequested, this,
            [this](qint64 customerId, const QString &agent, const QString &note) {
                if (note.isEmpty())
                    Q_EMIT commandRequested(QStringLiteral("assign"),
                                            {{QStringLiteral("customer_id"), customerId},
                                             {QStringLiteral("assignee"), agent}});
                else
                    Q_EMIT commandRequested(QStringLiteral("transfer"),
                                            {{QStringLiteral("customer_id"), customerId},
                                             {QStringLiteral("assignee"), agent},
                                             {QStringLiteral("note"), note}});
            });
    connect(m_monitor, &QueueMonitorView::transferRequested, this,
            [this](qint64 customerId, const QString &queue, const QString &note) {
                QJsonObject data{{QStringLiteral("customer_id"), customerId},
                                 {QStringLiteral("queue"), queue}};
                if (!note.isEmpty())
                    data.insert(QStringLiteral("note"), note);
                Q_EMIT commandRequested(QStringLiteral("transfer"), data);
            });
    connect(m_monitor, &QueueMonitorView::openCustomerRequested, this, [this](qint64 id) {
        m_pages->setCurrentWidget(m_conversationsPage);
        openCustomer(id);
    });
    connect(m_orderDesk, &OrderDeskView::lookupRequested, this, &MainWindow::orderLookupRequested);
    connect(m_orderDesk, &OrderDeskView::orderActionRequested, this,
            [this](qint64 orderId, const QString &action, const QString &notify) {
                Q_EMIT commandRequested(QStringLiteral("order.update"),
                                        {{QStringLiteral("order_id"), orderId},
                                         {QStringLiteral("status"), action},
                                         {QStringLiteral("notify"),
                                          notify.isEmpty() ? QStringLiteral("none") : notify}});
            });
    connect(m_orderDesk, &OrderDeskView::noteRequested, this,
            [this](qint64 customerId, const QString &body) {
                Q_EMIT sendRequested(customerId, QStringLiteral("note"), QString(), QString(), body);
            });

    // Permanent, so a passing message never hides whether we are online.
    m_typingTimer = new QTimer(this);
    m_typingTimer->setSingleShot(true);
    m_typingTimer->setInterval(4000);
    connect(m_typingTimer, &QTimer::timeout, this, [this] { Q_EMIT typingChanged(m_customerId, false); });
    connect(m_composer, &Composer::draftEdited, this, [this] {
        if (m_composer->draft().body.trimmed().isEmpty())
            return;
        if (!m_typingTimer->isActive()) {
            Q_EMIT typingChanged(m_customerId, true);
            if (m_typingSince == 0)
                m_typingSince = QDateTime::currentMSecsSinceEpoch();
        }
        m_typingTimer->start();
    });
    m_presence = new QComboBox(this);
    m_presence->setObjectName(QStringLiteral("presence"));
    m_presence->setAccessibleName(tr("Presence"));
    m_presence->addItem(tr("Available"), QStringLiteral("available"));
    m_presence->addItem(tr("Busy"), QStringLiteral("busy"));
    m_presence->addItem(tr("Away"), QStringLiteral("away"));
    m_presence->setToolTip(tr("What supervisors see of you"));
    m_presence->setVisible(false);
    connect(m_presence, &QComboBox::activated, this,
            [this] { Q_EMIT presenceChosen(m_presence->currentData().toString()); });
    statusBar()->addPermanentWidget(m_presence);
    statusBar()->addPermanentWidget(m_outbox);
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_user);
    setConnection(false, QString());

    connect(m_composer, &Composer::sendRequested, this,
            [this](const QString &channel, const QString &identity, const QString &subject,
                   const QString &body) {
                // Collision: a colleague answered while this reply was being written.
                QString colleague;
                for (int row = m_timeline->rowCount() - 1; row >= 0; --row) {
                    const QModelIndex i = m_timeline->index(row);
                    if (i.data(AtRole).toLongLong() < m_typingSince)
                        break;
                    if (i.data(DirectionRole).toString() == QLatin1String("out")
                        && i.data(AuthorRole).toString() != m_userName) {
                        colleague = i.data(AuthorRole).toString();
                        break;
                    }
                }
                if (!colleague.isEmpty() && channel != QLatin1String("note")
                    && QMessageBox::question(
                           this, tr("Someone already answered"),
                           tr("%1 replied to this customer while you were writing. Send yours "
                              "as well?")
                               .arg(text::isolate(colleague)))
                           != QMessageBox::Yes) {
                    m_composer->restoreDraft({m_customerId, channel, identity, subject, body, 0});
                    return;
                }
                m_typingTimer->stop();
                m_typingSince = 0;
                Q_EMIT typingChanged(m_customerId, false);
                Q_EMIT sendRequested(m_customerId, channel, identity, subject, body);
            });
    // A batch of new messages changes many inbox rows at once; the open customer's panel,
    // bar and title are redone only when their own row did.
    connect(inbox, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_inbox->customer(m_customerId) != m_shownCustomer)
            refreshCustomer();
    });
    connect(m_bar, &ConversationBar::commandRequested, this, &MainWindow::commandRequested);
    connect(m_bar, &ConversationBar::logCallRequested, this, [this] {
        const auto customer = m_inbox->customer(m_customerId);
        if (!customer)
            return;
        LogCallDialog dialog(*customer, m_dispositions, this);
        if (dialog.exec() == QDialog::Accepted)
            Q_EMIT commandRequested(QStringLiteral("log_call"), dialog.command());
    });
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(600);
    connect(m_draftTimer, &QTimer::timeout, this, &MainWindow::saveDraftNow);
    connect(m_composer, &Composer::draftEdited, m_draftTimer, qOverload<>(&QTimer::start));
    connect(timeline, &TimelineModel::loadingChanged, this, [this](bool loading) {
        if (!loading)
            refreshCustomer();
    });

    auto *account = menuBar()->addMenu(tr("&Account"));
    // Language, digits, calendar, week start, theme, local history, sound and
    // the shared canned responses, in one place.
    // Added to the window: the key works while the menu bar is hidden too.
    QAction *settings = addDeskAction(this, "settings", tr("&Settings…"),
                                      {QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    connect(settings, &QAction::triggered, this, [this] { openSettings(); });
    account->addAction(settings);
    account->addSeparator();
    QAction *signOut = addDeskAction(this, "signOut", tr("Sign out"));
    connect(signOut, &QAction::triggered, this, [this] {
        saveDraftNow();
        Q_EMIT signOutRequested(false);
    });
    QAction *removeData = addDeskAction(this, "signOutAndRemove", tr("Sign out and remove local data…"));
    account->addActions({signOut, removeData});
    connect(removeData, &QAction::triggered, this, [this] {
        if (QMessageBox::question(
                this, tr("Remove local data"),
                tr("Remove this computer's encrypted copy of your conversations, its key, your "
                   "drafts and any replies not yet sent? The server keeps everything it has "
                   "received."))
            == QMessageBox::Yes)
            Q_EMIT signOutRequested(true);
    });

    m_palette = new SearchPalette(this);
    connect(m_palette, &SearchPalette::openRequested, this, &MainWindow::openFromSearch);
    registerActions(settings, {signOut, removeData});
    resize(1440, 900);
}

void MainWindow::registerActions(QAction *settings, const QList<QAction *> &signOut)
{
    // Keyboard first. The thread's keys live on the conversations page, so they rest
    // while another page (the monitor, the order desk) is in front.
    m_actions = new DeskActions(this);
    QWidget *page = m_conversationsPage;
    using Keys = QList<QKeySequence>;
    QAction *find = addDeskAction(page, "search", tr("Search customers, messages and orders"),
                                  Keys{QKeySequence(Qt::CTRL | Qt::Key_K)});
    connect(find, &QAction::triggered, m_palette, &SearchPalette::openGlobal);
    QAction *findInThread = addDeskAction(page, "searchThread", tr("Search the open thread"),
                                          Keys{QKeySequence(Qt::CTRL | Qt::Key_F)});
    connect(findInThread, &QAction::triggered, this, [this] {
        const auto customer = m_inbox->customer(m_customerId);
        m_palette->openInThread(m_customerId, customer ? customer->name : QString());
    });
    QAction *next = addDeskAction(page, "nextCustomer", tr("Next customer"),
                                  Keys{QKeySequence(Qt::ALT | Qt::Key_Down)});
    connect(next, &QAction::triggered, this, [this] { moveSelection(1); });
    QAction *previous = addDeskAction(page, "previousCustomer", tr("Previous customer"),
                                      Keys{QKeySequence(Qt::ALT | Qt::Key_Up)});
    connect(previous, &QAction::triggered, this, [this] { moveSelection(-1); });
    const QString sections[] = {tr("Show my conversations"), tr("Show the queue"),
                                tr("Show all conversations")};
    const char *sectionIds[] = {"sectionMine", "sectionQueue", "sectionAll"};
    QList<QAction *> sectionActions;
    for (int i = 0; i < 3; ++i) {
        sectionActions.append(addDeskAction(
            page, sectionIds[i], sections[i],
            Keys{QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i))}));
        connect(sectionActions.last(), &QAction::triggered, this,
                [this, i] { m_sections->setCurrentIndex(i); });
    }
    QAction *reply = addDeskAction(page, "reply", tr("Reply"), Keys{QKeySequence(Qt::CTRL | Qt::Key_R)});
    connect(reply, &QAction::triggered, m_composer, &Composer::focusBody);

    // Whatever page is in front.
    QAction *commands = addDeskAction(this, "commands", tr("Commands…"),
                                      Keys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    QAction *sheet = addDeskAction(this, "shortcutSheet", tr("Keyboard shortcuts"),
                                   Keys{QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    connect(sheet, &QAction::triggered, this, [this] {
        auto *shown = findChild<ShortcutSheet *>();
        if (!shown) {
            shown = new ShortcutSheet(m_actions, this);
            shown->setAttribute(Qt::WA_DeleteOnClose);
        }
        shown->show();
        shown->raise();
    });
    QList<QAction *> presence;
    for (int i = 0; i < m_presence->count(); ++i) {
        const QString id = QStringLiteral("presence-") + m_presence->itemData(i).toString();
        presence.append(addDeskAction(m_presence, qPrintable(id),
                                      tr("Set presence: %1").arg(m_presence->itemText(i))));
        connect(presence.last(), &QAction::triggered, this, [this, i] {
            m_presence->setCurrentIndex(i);
            Q_EMIT presenceChosen(m_presence->currentData().toString());
        });
    }
    QList<QAction *> pages;
    const char *pageIds[] = {"pageConversations", "pageMonitor", "pageOrders"};
    const QString pageTitles[] = {tr("Open the conversations"), tr("Open the queue monitor"),
                                  tr("Open the order desk")};
    for (int i = 0; i < 3; ++i) {
        pages.append(addDeskAction(this, pageIds[i], pageTitles[i]));
        connect(pages.last(), &QAction::triggered, this, [this, i] { m_pages->setCurrentIndex(i); });
    }
    const auto updatePages = [this, pages] {
        // Only the pages the role has, and not the one in front.
        for (int i = 0; i < 3; ++i) {
            pages.at(i)->setVisible(m_pages->isTabVisible(i) && m_pages->tabBar()->isVisible());
            setAvailable(pages.at(i), m_pages->currentIndex() != i, tr("Already open"));
        }
    };
    connect(m_pages, &QTabWidget::currentChanged, this, updatePages);
    m_updatePageActions = updatePages;
    updatePages();

    m_actions->add({find, findInThread, next, previous});
    m_actions->add(sectionActions);
    m_actions->add(reply);
    m_actions->add(m_composer->commands());
    m_actions->addSource([this] { return m_composer->identityCommands(); });
    m_actions->add(m_bar->commands());
    m_actions->add(pages);
    m_actions->add(presence);
    m_actions->add({settings, sheet});
    m_actions->add(signOut);
    m_actions->add(commands);
    m_commandPalette = new CommandPalette(m_actions, this);
    connect(commands, &QAction::triggered, m_commandPalette, [this] { m_commandPalette->open(); });
    connect(m_palette, &SearchPalette::commandsWanted, m_commandPalette, &CommandPalette::open);
    connect(m_commandPalette, &CommandPalette::recentChanged, this, [this](const QStringList &recent) {
        if (m_settingsPath.isEmpty())
            return;
        QSettings ini(m_settingsPath, QSettings::IniFormat);
        ini.setValue(QStringLiteral("palette/recent"), recent);
    });
    // The ends of the inbox say so in the palette.
    const auto updateSteps = [this, next, previous] {
        const int row = m_inboxView->currentIndex().row();
        setAvailable(next, row + 1 < m_inboxFilter->rowCount(), tr("This is the last customer"));
        setAvailable(previous, row > 0, tr("This is the first customer"));
    };
    connect(m_inboxView->selectionModel(), &QItemSelectionModel::currentChanged, this, updateSteps);
    connect(m_inboxFilter, &QAbstractItemModel::rowsInserted, this, updateSteps);
    connect(m_inboxFilter, &QAbstractItemModel::rowsRemoved, this, updateSteps);
    connect(m_inboxFilter, &QAbstractItemModel::modelReset, this, updateSteps);
    updateSteps();
}

void MainWindow::openCustomer(qint64 customerId)
{
    const int row = m_inbox->rowOf(customerId);
    if (row < 0)
        return;
    m_inboxView->setCurrentIndex(m_inboxFilter->mapFromSource(m_inbox->index(row)));
}

void MainWindow::openFromSearch(qint64 customerId, qint64 messageId)
{
    const int row = m_inbox->rowOf(customerId);
    if (row >= 0 && !m_inboxFilter->mapFromSource(m_inbox->index(row)).isValid()) {
        // Hidden by the inbox's own filters: show everything rather than nothing.
        m_search->clear();
        m_channelFilter->setCurrentIndex(0);
        m_statusFilter->setCurrentIndex(0);
        m_labelFilter->setCurrentIndex(0);
        m_sections->setCurrentIndex(m_sections->count() - 1);
    }
    openCustomer(customerId);
    if (m_customerId == customerId && messageId > 0)
        m_timelineView->revealMessage(messageId);
    m_timelineView->setFocus(Qt::OtherFocusReason);
}

void MainWindow::openFirstCustomer()
{
    if (m_inboxFilter->rowCount() > 0)
        m_inboxView->setCurrentIndex(m_inboxFilter->index(0, 0));
}

void MainWindow::moveSelection(int delta)
{
    const int row = std::clamp(m_inboxView->currentIndex().row() + delta, 0,
                               m_inboxFilter->rowCount() - 1);
    m_inboxView->setCurrentIndex(m_inboxFilter->index(row, 0));
}

void MainWindow::onInboxCurrentChanged()
{
    const qint64 id = m_inboxView->currentIndex().data(CustomerIdRole).toLongLong();
    if (id == m_customerId)
        return;
    if (m_draftTimer->isActive())
        saveDraftNow(); // the previous customer's draft, before the composer moves on
    if (m_typingTimer->isActive()) {
        m_typingTimer->stop();
        Q_EMIT typingChanged(m_customerId, false);
    }
    m_customerId = id;
    m_viewers.clear();
    m_typingColleagues.clear();
    m_typingSince = 0;
    m_bar->setColleagues({}, {});
    Q_EMIT viewingChanged(id);
    if (id > 0)
        Q_EMIT customerOrdersWanted(id);
    const auto customer = m_inbox->customer(id);
    m_timeline->showCustomer(id);
    m_timeline->setUnreadCount(customer ? customer->unread : 0);
    m_inbox->markRead(id);
    if (customer) {
        // Default to the channel they last wrote on; the thread refines it.
        const bool replyable = customer->lastDirection == QLatin1String("in");
        m_composer->setCustomer(*customer, replyable ? customer->lastChannel : QStringLiteral("note"),
                                QString());
        if (const auto draft = m_drafts.constFind(id); draft != m_drafts.cend()) {
            m_composer->restoreDraft(*draft);
            m_composerPrimedFor = id; // the draft's channel wins over the thread's
        }
    } else {
        m_composer->clearCustomer();
    }
    refreshCustomer();
}

void MainWindow::refreshCustomer()
{
    const auto customer = m_inbox->customer(m_customerId);
    m_shownCustomer = customer;
    m_panel->setCustomer(customer);
    m_bar->setCustomer(customer);
    // Alone on its label the name needs no isolate (which would also hide its
    // direction from the label's alignment), only its controls neutralised.
    m_threadTitle->setText(customer ? text::neutraliseBidi(customer->name) : QString());
    setWindowTitle(customer ? tr("%1 — Threadline").arg(text::isolate(customer->name))
                            : tr("Threadline"));
    if (customer) // known at once; the order number once the thread is in
        m_composer->setPlaceholderValues({{QStringLiteral("customer_name"),
                                           customer->name.section(QLatin1Char(' '), 0, 0)},
                                          {QStringLiteral("order_number"), QString()},
                                          {QStringLiteral("agent_name"), m_userName}});
    if (!customer || m_timeline->isLoading())
        return;
    // What canned responses fill in: the customer's first name, their latest
    // order in this thread, and who is answering.
    QString orderNumber;
    for (int row = m_timeline->rowCount() - 1; row >= 0 && orderNumber.isEmpty(); --row) {
        const auto m = m_timeline->index(row).data(MessageRole).value<models::Message>();
        if (m.channel == QLatin1String("order"))
            orderNumber = m.meta.value(QStringLiteral("number")).toString();
    }
    // What the side panel says we know, from the thread as loaded.
    CustomerPanel::Context context;
    QHash<QString, int> inboundByChannel;
    for (int row = m_timeline->rowCount() - 1; row >= 0; --row) {
        const auto m = m_timeline->index(row).data(MessageRole).value<models::Message>();
        const bool conversation = m.channel == QLatin1String("chat")
                                  || m.channel == QLatin1String("sms")
                                  || m.channel == QLatin1String("email");
        if (m.direction == QLatin1String("in") && conversation) {
            ++inboundByChannel[m.channel];
            if (context.openIssue.isEmpty())
                context.openIssue = m.body.isEmpty() ? m.subject : m.body.simplified();
        }
        if (m.direction == QLatin1String("out") && conversation && context.lastAgent.isEmpty())
            context.lastAgent = m.author;
    }
    int most = 0;
    for (auto it = inboundByChannel.cbegin(); it != inboundByChannel.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            context.preferredChannel = it.key();
        }
    m_panel->setContext(context);
    m_composer->setPlaceholderValues({{QStringLiteral("customer_name"),
                                       customer->name.section(QLatin1Char(' '), 0, 0)},
                                      {QStringLiteral("order_number"), orderNumber},
                                      {QStringLiteral("agent_name"), m_userName}});
    // Once the thread is in: reply on the channel of the last thing the customer
    // wrote, under the subject of their last email — unless the agent is typing.
    QString channel;
    QString subject;
    for (int row = m_timeline->rowCount() - 1; row >= 0 && (channel.isEmpty() || subject.isEmpty());
         --row) {
        const QModelIndex i = m_timeline->index(row);
        const QString ch = i.data(ChannelRole).toString();
        if (channel.isEmpty() && i.data(DirectionRole).toString() == QLatin1String("in")
            && (ch == QLatin1String("chat") || ch == QLatin1String("sms")
                || ch == QLatin1String("email")))
            channel = ch;
        if (subject.isEmpty() && ch == QLatin1String("email"))
            subject = i.data(SubjectRole).toString();
    }
    if (m_composerPrimedFor != m_customerId && !channel.isEmpty()) {
        m_composerPrimedFor = m_customerId;
        m_composer->setCustomer(*customer, channel, subject);
    }
}

void MainWindow::updateSectionCounts()
{
    // Who and where a conversation can be handed to: what the inbox shows us.
    QStringList queues, agents;
    for (int row = 0; row < m_inbox->rowCount(); ++row) {
        const QModelIndex i = m_inbox->index(row);
        const QString queue = i.data(QueueRole).toString();
        const QString agent = i.data(AssigneeRole).toString();
        if (!queue.isEmpty() && !queues.contains(queue))
            queues.append(queue);
        if (!agent.isEmpty() && !agents.contains(agent))
            agents.append(agent);
    }
    queues.sort();
    agents.sort();
    m_bar->setDirectory(queues, agents);
    updateLabelChoices();
    const QString labels[] = {tr("Mine"), tr("Queue"), tr("All")};
    for (int i = 0; i < 3; ++i) {
        const auto section = static_cast<InboxFilter::Section>(i);
        const int unread = m_inboxFilter->unreadCount(section);
        const QString total = formatNumber(m_inboxFilter->count(section));
        // How many conversations, and how many of them hold something unread.
        const QString full = unread > 0 ? tr("%1 (%2 · %3 unread)")
                                              .arg(labels[i], total, formatNumber(unread))
                                        : tr("%1 (%2)").arg(labels[i], total);
        m_sections->setTabText(i, full);
        // Key names are not words to translate: isolated, they read right in any direction.
        m_sections->setTabToolTip(
            i, QStringLiteral("%1 — %2").arg(full, text::isolate(QStringLiteral("Alt+%1").arg(i + 1))));
    }
}

void MainWindow::updateLabelChoices()
{
    // The labels customers carry now; a chosen label stays offered while
    // nobody carries it, so a remembered choice survives an empty inbox.
    const QString chosen = m_labelFilter->currentData().toString();
    QStringList labels = m_inboxFilter->labelsInUse();
    if (!chosen.isEmpty() && !labels.contains(chosen))
        labels.append(chosen);
    QStringList offered;
    for (int i = 1; i < m_labelFilter->count(); ++i)
        offered.append(m_labelFilter->itemData(i).toString());
    if (offered == labels)
        return;
    const QSignalBlocker quiet(m_labelFilter); // the choice itself does not change
    while (m_labelFilter->count() > 1)
        m_labelFilter->removeItem(1);
    for (const QString &label : labels)
        m_labelFilter->addItem(text::neutraliseBidi(label), label);
    m_labelFilter->setCurrentIndex(std::max(0, m_labelFilter->findData(chosen)));
}

void MainWindow::setSettingsPath(const QString &iniPath)
{
    m_settingsPath = iniPath;
    // The filters the agent left the inbox with last time, before remembering anew.
    const QSettings ini(iniPath, QSettings::IniFormat);
    const QString label = ini.value(QStringLiteral("inbox/label")).toString();
    if (!label.isEmpty() && m_labelFilter->findData(label) < 0)
        m_labelFilter->addItem(text::neutraliseBidi(label), label);
    m_restoringFilters = true;
    m_channelFilter->setCurrentIndex(
        std::max(0, m_channelFilter->findData(ini.value(QStringLiteral("inbox/channel")).toString())));
    m_statusFilter->setCurrentIndex(
        std::max(0, m_statusFilter->findData(ini.value(QStringLiteral("inbox/status")).toString())));
    m_labelFilter->setCurrentIndex(std::max(0, m_labelFilter->findData(label)));
    m_restoringFilters = false;
    // The commands run last time come first in the palette again.
    m_commandPalette->setRecent(ini.value(QStringLiteral("palette/recent")).toStringList());
}

void MainWindow::rememberInboxFilters()
{
    if (m_settingsPath.isEmpty() || m_restoringFilters)
        return;
    QSettings ini(m_settingsPath, QSettings::IniFormat);
    ini.setValue(QStringLiteral("inbox/channel"), m_channelFilter->currentData().toString());
    ini.setValue(QStringLiteral("inbox/status"), m_statusFilter->currentData().toString());
    ini.setValue(QStringLiteral("inbox/label"), m_labelFilter->currentData().toString());
}

void MainWindow::setDrafts(const QList<models::Draft> &drafts)
{
    for (const auto &d : drafts)
        m_drafts.insert(d.customerId, d);
    if (const auto draft = m_drafts.constFind(m_customerId);
        draft != m_drafts.cend() && m_composer->draft().body.isEmpty()) {
        m_composer->restoreDraft(*draft);
        m_composerPrimedFor = m_customerId;
    }
}

void MainWindow::returnUnsent(const models::Draft &unsent, const QString &code)
{
    const QString why = code == QLatin1String("disk_full")
                            ? tr("The disk is full")
                            : code == QLatin1String("read_only")
                                  ? tr("The profile folder is read-only")
                                  : tr("This computer could not save it");
    const bool open = unsent.customerId == m_customerId;
    if (open && m_composer->draft().body.isEmpty()) {
        m_composer->restoreDraft(unsent);
        m_composerPrimedFor = m_customerId;
    } else if (!m_drafts.contains(unsent.customerId)
               || m_drafts.value(unsent.customerId).body.isEmpty()) {
        m_drafts.insert(unsent.customerId, unsent);
    } else {
        // Something newer is being written there: keep both rather than lose one.
        models::Draft kept = m_drafts.value(unsent.customerId);
        kept.body = unsent.body + QStringLiteral("\n\n") + kept.body;
        m_drafts.insert(unsent.customerId, kept);
        if (open)
            m_composer->restoreDraft(kept);
    }
    statusBar()->showMessage(
        tr("%1: your reply was not sent. Its text is back in the composer.").arg(why), 15000);
}

void MainWindow::flushDraft()
{
    if (m_draftTimer->isActive())
        saveDraftNow();
}

void MainWindow::saveDraftNow()
{
    m_draftTimer->stop();
    const models::Draft d = m_composer->draft();
    if (d.customerId <= 0)
        return;
    if (d.body.trimmed().isEmpty())
        m_drafts.remove(d.customerId);
    else
        m_drafts.insert(d.customerId, d);
    Q_EMIT draftSaved(d);
}

void MainWindow::setConnection(bool online, const QString &detail)
{
    // Questions are not queued offline: a thread opened from the cache before the hub
    // answered asks for its customer's orders again once the hub is there.
    if (online && !m_online && m_customerId > 0)
        Q_EMIT customerOrdersWanted(m_customerId);
    m_online = online;
    m_connection->setText(online ? tr("● Online")
                                 : (detail.isEmpty() ? tr("● Offline — showing the local copy")
                                                     : tr("● Offline — %1").arg(detail)));
    m_connection->setStyleSheet(online ? QStringLiteral("color: #2e7d32;")
                                       : QStringLiteral("color: #c62828; font-weight: bold;"));
}

void MainWindow::setOutboxCount(int pending)
{
    m_outbox->setText(pending > 0 ? withNumber(tr("%1 waiting to send", nullptr, pending), pending)
                                  : QString());
}

void MainWindow::setUser(const QString &user, const QString &role)
{
    m_user->setText(tr("%1 (%2)").arg(text::isolate(user), roleLabel(role)));
    m_inboxFilter->setAgent(user);
    m_userName = user;
    m_role = role;
    if (m_cannedPage)
        m_cannedPage->setMayManage(role == QLatin1String("supervisor"));
    m_bar->setUser(user);
    updateSectionCounts();
    // Each role gets its own tools; the hub enforces the same split.
    const bool supervisor = role == QLatin1String("supervisor");
    const bool store = role == QLatin1String("store");
    m_presence->setVisible(!store);
    m_pages->setTabVisible(0, !store);
    m_pages->setTabVisible(1, supervisor);
    m_pages->setTabVisible(2, store);
    m_pages->tabBar()->setVisible(supervisor);
    m_pages->setCurrentIndex(store ? 2 : 0);
    m_updatePageActions();
    if (store) {
        // The desk has its own keys (Ctrl+K, Ctrl+R…); the conversation keys step aside.
        for (QShortcut *shortcut : findChildren<QShortcut *>())
            if (!m_orderDesk->isAncestorOf(qobject_cast<QWidget *>(shortcut->parent())))
                shortcut->setEnabled(false);
        m_orderDesk->focusSearch();
    }
}

void MainWindow::setCustomerOrders(qint64 customerId, const QList<models::Order> &orders)
{
    if (customerId == m_customerId)
        m_panel->setOrders(orders);
}

void MainWindow::setViewers(qint64 customerId, const QStringList &viewers)
{
    if (customerId != m_customerId)
        return;
    m_viewers = viewers;
    m_viewers.removeAll(m_userName);
    m_bar->setColleagues(m_viewers, m_typingColleagues);
}

void MainWindow::setTyping(qint64 customerId, const QString &user, bool typing)
{
    if (customerId != m_customerId || user == m_userName)
        return;
    m_typingColleagues.removeAll(user);
    if (typing)
        m_typingColleagues.append(user);
    m_bar->setColleagues(m_viewers, m_typingColleagues);
}

void MainWindow::setCannedResponses(const QJsonArray &canned)
{
    m_canned = canned;
    m_composer->setCannedResponses(canned);
    if (m_cannedPage)
        m_cannedPage->setResponses(canned);
}

void MainWindow::showCannedRefusal(const QString &code, const QString &message)
{
    if (m_cannedPage)
        m_cannedPage->showRefusal(code, message);
}

SettingsDialog *MainWindow::openSettings(const QString &page)
{
    if (m_settingsDialog) {
        m_settingsDialog->showPage(page);
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return m_settingsDialog;
    }
    auto *canned = new CannedPage;
    // Who may manage them is the hub's rule (supervisors); others read and use them.
    canned->setMayManage(m_role == QLatin1String("supervisor"));
    canned->setResponses(m_canned);
    connect(canned, &CannedPage::saveRequested, this, [this](const QJsonObject &data) {
        Q_EMIT commandRequested(QStringLiteral("canned.save"), data);
    });
    connect(canned, &CannedPage::deleteRequested, this, [this](qint64 id) {
        Q_EMIT commandRequested(QStringLiteral("canned.delete"), {{QStringLiteral("id"), id}});
    });
    m_cannedPage = canned;
    m_settingsDialog = new SettingsDialog(m_settingsPath, canned, this);
    m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settingsDialog, &SettingsDialog::applied, this, &MainWindow::applySettings);
    m_settingsDialog->showPage(page);
    m_settingsDialog->open();
    Q_EMIT cannedListWanted(); // what colleagues changed meanwhile
    return m_settingsDialog;
}

void MainWindow::applySettings(const DesktopSettings &settings)
{
    // Dates, digits and bubble colours are in the cached layouts: redo them.
    m_timelineView->relayout();
    m_inboxView->viewport()->update();
    updateSectionCounts();
    if (settings.retentionDays != m_retentionDays) {
        m_retentionDays = settings.retentionDays;
        Q_EMIT retentionChanged(settings.retentionDays);
    }
    Q_EMIT settingsApplied(settings);
}

bool MainWindow::showPage(const QString &page)
{
    const int index = page == QLatin1String("monitor") ? 1 : page == QLatin1String("orders") ? 2 : 0;
    if (!m_pages->isTabVisible(index))
        return false;
    m_pages->setCurrentIndex(index);
    return true;
}

models::TimelineModel *MainWindow::orderTimeline() const
{
    return m_orderDesk->timeline();
}

void MainWindow::applyFloor(const models::FloorSnapshot &floor)
{
    m_monitor->applySnapshot(floor);
}

void MainWindow::showOrders(const QString &query, const QList<models::Order> &orders)
{
    m_orders->setResults(query, orders);
}

void MainWindow::applyOrder(const models::Order &order)
{
    m_orders->applyOrder(order);
}

void MainWindow::showProblem(const QString &sentence)
{
    statusBar()->showMessage(sentence, 10000);
}

} // namespace threadline::ui
