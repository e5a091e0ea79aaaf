// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/show_queue.h"

#include <QCoreApplication>
#include <QThread>

namespace threadline::services {

ShowQueue::ShowQueue(QObject *parent) : QObject(parent), m_fence(new detail::GuiFence)
{
    // The GUI thread is the application's. When this queue lives there too (tests that
    // run the service on one thread) the fence is one turn of the same event loop.
    m_fence->moveToThread(QCoreApplication::instance()->thread());
    connect(m_fence, &detail::GuiFence::passed, this, &ShowQueue::onGuiTurn);
}

ShowQueue::~ShowQueue()
{
    showAll();
    // Posted calls to this queue die with it; the fence goes on its own thread.
    m_fence->deleteLater();
}

void ShowQueue::show(Showing showing)
{
    showInTurns({std::move(showing)});
}

void ShowQueue::showInTurns(QList<Showing> turns)
{
    for (Showing &turn : turns)
        m_waiting.enqueue(std::move(turn));
    showWhatIsDue();
}

void ShowQueue::showAll()
{
    while (!m_waiting.isEmpty())
        m_waiting.dequeue()();
}

void ShowQueue::showWhatIsDue()
{
    if (m_fencePosted || m_waiting.isEmpty())
        return; // the GUI has not taken the last one yet
    m_waiting.dequeue()();
    if (m_waiting.isEmpty())
        return; // nothing behind it: live traffic is never held back
    // Queued behind the slots just posted, so it comes back once the GUI has run them.
    m_fencePosted = true;
    QMetaObject::invokeMethod(m_fence, &detail::GuiFence::passed, Qt::QueuedConnection);
}

void ShowQueue::onGuiTurn()
{
    m_fencePosted = false;
    showWhatIsDue();
}

} // namespace threadline::services
