// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/command_palette.h"

#include "services/text/search_folding.h"
#include "ui/desk_actions.h"
#include "ui/palette_overlay.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace threadline::ui {

namespace {
constexpr int kActionRole = Qt::UserRole + 1;
constexpr int kRecentKept = 8;

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &k : action->shortcuts())
        keys.append(k.toString(QKeySequence::NativeText));
    if (keys.isEmpty())
        return {};
    // Key names read left to right in every language.
    return QChar(0x2066) + keys.join(QStringLiteral(" / ")) + QChar(0x2069);
}

bool lettersInOrder(const QString &title, const QString &query)
{
    qsizetype from = 0;
    for (const QChar c : query) {
        if (c.isSpace())
            continue;
        from = title.indexOf(c, from);
        if (from < 0)
            return false;
        ++from;
    }
    return true;
}
} // namespace

void CommandPalette::setRecent(const QStringList &objectNames)
{
    m_recent = objectNames.mid(0, kRecentKept);
}

int commandMatch(const QString &foldedTitle, const QString &foldedQuery)
{
    if (foldedQuery.isEmpty() || foldedTitle.startsWith(foldedQuery))
        return 0;
    const QStringList titleWords = foldedTitle.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList typed = foldedQuery.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool everyWordStarts = std::all_of(typed.cbegin(), typed.cend(), [&](const QString &w) {
        return std::any_of(titleWords.cbegin(), titleWords.cend(),
                           [&](const QString &t) { return t.startsWith(w); });
    });
    if (everyWordStarts)
        return 1;
    if (foldedTitle.contains(foldedQuery))
        return 2;
    return lettersInOrder(foldedTitle, foldedQuery) ? 3 : -1;
}

CommandPalette::CommandPalette(const DeskActions *actions, QWidget *window)
    : QFrame(window), m_actions(actions), m_heading(new QLabel(this)), m_query(new QLineEdit(this)),
      m_list(new QTreeWidget(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);
    m_heading->setObjectName(QStringLiteral("commandHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_query->setObjectName(QStringLiteral("commandQuery"));
    m_query->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("commandList"));
    m_list->setColumnCount(2);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setFocusPolicy(Qt::NoFocus); // the query keeps the keyboard; arrows are routed
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_status->setObjectName(QStringLiteral("commandStatus"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 8);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    connect(m_query, &QLineEdit::textChanged, this, &CommandPalette::refill);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CommandPalette::showStatus);
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        m_list->setCurrentItem(item);
        runCurrent();
    });
    m_query->installEventFilter(this);
    window->installEventFilter(this);
    retranslate();
    hide();
}

void CommandPalette::open(const QString &query)
{
    placeOverWindow(this);
    show();
    raise();
    m_query->setText(query);
    refill(); // what can run depends on what is on screen now
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->end(false);
}

void CommandPalette::dismiss()
{
    hide();
    if (parentWidget())
        parentWidget()->setFocus(Qt::OtherFocusReason);
}

QList<QAction *> CommandPalette::shown() const
{
    QList<QAction *> actions;
    for (const QPointer<QAction> &action : m_shown)
        if (action)
            actions.append(action);
    return actions;
}

void CommandPalette::refill()
{
    struct Candidate {
        QAction *action;
        int match;
        int recent;
        int order;
    };
    const QString query = text::foldForSearch(m_query->text());
    QList<Candidate> candidates;
    int order = 0;
    for (QAction *action : m_actions->actions()) {
        ++order;
        if (!inContext(action))
            continue; // another page's, or another role's
        const int match = commandMatch(text::foldForSearch(commandTitle(action)), query);
        if (match < 0)
            continue;
        const int recent = int(m_recent.indexOf(action->objectName()));
        candidates.append({action, match, recent < 0 ? kRecentKept : recent, order});
    }
    // What can run before what cannot; then the best match, the most recent, the
    // order agents meet them in.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return std::tuple(!a.action->isEnabled(), a.match, a.recent, a.order)
               < std::tuple(!b.action->isEnabled(), b.match, b.recent, b.order);
    });
    m_list->clear();
    m_shown.clear();
    const QBrush greyed = palette().brush(QPalette::Disabled, QPalette::Text);
    for (const Candidate &c : std::as_const(candidates)) {
        const QString why = whyUnavailable(c.action);
        const QString title = why.isEmpty() ? commandTitle(c.action)
                                            : tr("%1 — %2").arg(commandTitle(c.action), why);
        auto *item = new QTreeWidgetItem(m_list, {title, keysOf(c.action)});
        item->setData(0, kActionRole, QVariant::fromValue(static_cast<QObject *>(c.action)));
        item->setTextAlignment(1, Qt::AlignTrailing | Qt::AlignVCenter);
        if (!c.action->isEnabled())
            for (int column = 0; column < 2; ++column)
                item->setForeground(column, greyed);
        m_shown.append(c.action);
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showStatus();
}

void CommandPalette::moveCurrent(int delta)
{
    const int count = m_list->topLevelItemCount();
    if (count == 0)
        return;
    const int row = std::clamp(m_list->indexOfTopLevelItem(m_list->currentItem()) + delta, 0, count - 1);
    m_list->setCurrentItem(m_list->topLevelItem(row));
    m_list->scrollToItem(m_list->currentItem());
}

void CommandPalette::runCurrent()
{
    QTreeWidgetItem *item = m_list->currentItem();
    QPointer<QAction> action =
        item ? qobject_cast<QAction *>(item->data(0, kActionRole).value<QObject *>()) : nullptr;
    if (!action)
        return;
    if (!action->isEnabled()) {
        showStatus(); // says why it cannot run; nothing happens
        return;
    }
    m_recent.removeAll(action->objectName());
    m_recent.prepend(action->objectName());
    while (m_recent.size() > kRecentKept)
        m_recent.removeLast();
    Q_EMIT recentChanged(m_recent);
    dismiss();
    // After the key that chose it has been handled: the action may open a dialog.
    QMetaObject::invokeMethod(
        this,
        [action] {
            if (action)
                action->trigger();
        },
        Qt::QueuedConnection);
}

void CommandPalette::showStatus()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const auto *action =
        item ? qobject_cast<QAction *>(item->data(0, kActionRole).value<QObject *>()) : nullptr;
    if (m_list->topLevelItemCount() == 0)
        m_status->setText(tr("No command matches."));
    else if (action && !action->isEnabled())
        m_status->setText(tr("Cannot run now: %1").arg(whyUnavailable(action)));
    else
        m_status->setText(tr("Enter runs the command, Esc closes."));
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        placeOverWindow(this);
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (handlePaletteKey(key, 8, [this](int delta) { moveCurrent(delta); }, [this] { dismiss(); }))
            return true;
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            runCurrent();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CommandPalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void CommandPalette::retranslate()
{
    m_heading->setText(tr("Commands"));
    m_query->setPlaceholderText(tr("Type what you want to do"));
    m_query->setAccessibleName(tr("Command"));
    m_list->setAccessibleName(tr("Commands"));
    showStatus();
}

} // namespace threadline::ui
