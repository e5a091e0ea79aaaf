// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQueue>
#include <functional>

namespace threadline::services {

namespace detail {
/// Lives on the GUI thread. A call posted to it runs once the GUI thread has handled
/// everything posted before it: the slots of the chunk just emitted.
class GuiFence : public QObject {
    Q_OBJECT
Q_SIGNALS:
    void passed();
};
} // namespace detail

/// Hands what the service thread has stored to the GUI thread no faster than the GUI
/// takes it. A burst written in one transaction is shown in chunks, one per GUI turn:
/// the next chunk is emitted only after the GUI thread has handled the one before (and
/// so had the chance to paint), so no single turn chews on the whole transaction.
/// Everything shown goes in order: a page, an answer or a merge shown while chunks still
/// wait goes after them, never ahead of what it depends on.
/// Lives on the service thread; show* are called there.
class ShowQueue : public QObject {
    Q_OBJECT
public:
    using Showing = std::function<void()>; ///< emits signals to the GUI thread

    explicit ShowQueue(QObject *parent = nullptr);
    ~ShowQueue() override;

    /// At once when nothing waits, else after what waits.
    void show(Showing showing);
    /// The chunks of one transaction: the first at once when nothing waits, each next
    /// one GUI turn after the one before.
    void showInTurns(QList<Showing> turns);
    /// Everything that waits, now: the service is stopping and the GUI must not lose it.
    void showAll();
    /// Chunks (or anything behind them) still wait for the GUI.
    bool behind() const { return !m_waiting.isEmpty(); }

private:
    void showWhatIsDue();
    void onGuiTurn();

    QQueue<Showing> m_waiting;
    detail::GuiFence *m_fence; ///< on the GUI thread; deleted there
    bool m_fencePosted = false;
};

} // namespace threadline::services
