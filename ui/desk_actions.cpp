// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/desk_actions.h"

#include <QAction>
#include <QWidget>

namespace threadline::ui {

namespace {
constexpr char kWhyNot[] = "threadlineWhyNot";
} // namespace

void DeskActions::add(QAction *action)
{
    Q_ASSERT(action && !action->objectName().isEmpty());
    m_actions.append(action);
}

void DeskActions::add(const QList<QAction *> &actions)
{
    for (QAction *action : actions)
        add(action);
}

void DeskActions::addSource(std::function<QList<QAction *>()> source)
{
    m_sources.append(std::move(source));
}

QList<QAction *> DeskActions::actions() const
{
    QList<QAction *> all;
    for (const QPointer<QAction> &action : m_actions)
        if (action)
            all.append(action);
    for (const auto &source : m_sources)
        all += source();
    return all;
}

QAction *DeskActions::find(const QString &id) const
{
    for (QAction *action : actions())
        if (action->objectName() == id)
            return action;
    return nullptr;
}

QAction *addDeskAction(QWidget *holder, const char *id, const QString &title,
                       const QList<QKeySequence> &keys, Qt::ShortcutContext context)
{
    auto *action = new QAction(title, holder);
    action->setObjectName(QLatin1String(id));
    action->setShortcuts(keys);
    action->setShortcutContext(context);
    holder->addAction(action);
    return action;
}

void setAvailable(QAction *action, bool available, const QString &whyNot)
{
    action->setEnabled(available);
    action->setProperty(kWhyNot, available ? QString() : whyNot);
}

QString whyUnavailable(const QAction *action)
{
    return action->isEnabled() ? QString() : action->property(kWhyNot).toString();
}

QString commandTitle(const QAction *action)
{
    QString title = action->text();
    // "&&" is a literal ampersand; a single one marks the mnemonic.
    title.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    title.remove(QLatin1Char('&'));
    title.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return title;
}

bool inContext(const QAction *action)
{
    if (!action->isVisible())
        return false;
    for (const QObject *holder : action->associatedObjects())
        if (const auto *widget = qobject_cast<const QWidget *>(holder); widget && widget->isVisible())
            return true;
    return false;
}

} // namespace threadline::ui
