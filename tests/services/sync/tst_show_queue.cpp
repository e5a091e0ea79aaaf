// SPDX-License-Identifier: GPL-3.0-or-later
// What the service thread has stored reaches the GUI thread in order, and a burst
// one chunk per GUI turn, so the GUI can paint between chunks.
#include "services/sync/show_queue.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using threadline::services::ShowQueue;

namespace {
constexpr int kWaitMs = 5000;

/// Stands for the models on the GUI thread: notes what reached it, and after each
/// chunk posts itself a "turn" marker, which runs once the GUI thread is free again.
class GuiSide : public QObject {
    Q_OBJECT
public:
    QStringList seen;

    /// What a queued signal does: a call posted to the GUI thread.
    void post(const QString &what)
    {
        QMetaObject::invokeMethod(this, [this, what] {
            seen.append(what);
            QMetaObject::invokeMethod(this, [this] { seen.append(QStringLiteral("turn")); },
                                      Qt::QueuedConnection);
            Q_EMIT arrived();
        }, Qt::QueuedConnection);
    }
Q_SIGNALS:
    void arrived();
};

/// The service thread with its queue, driven from the test through blocking calls.
class ServiceSide {
public:
    ServiceSide()
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        onService([this] { queue = new ShowQueue; });
    }
    ~ServiceSide()
    {
        onService([this] { delete queue; });
        m_thread.quit();
        m_thread.wait();
    }
    void onService(const std::function<void()> &f)
    {
        QMetaObject::invokeMethod(&m_context, f, Qt::BlockingQueuedConnection);
    }
    ShowQueue *queue = nullptr; ///< used on the service thread only

private:
    QThread m_thread;
    QObject m_context;
};

/// "1 turn 2" → {"1", "turn", "2"}
QStringList words(const char *spaced)
{
    return QString::fromLatin1(spaced).split(QLatin1Char(' '));
}

QList<ShowQueue::Showing> chunks(GuiSide &gui, const QStringList &names)
{
    QList<ShowQueue::Showing> turns;
    for (const QString &name : names)
        turns.append([&gui, name] { gui.post(name); });
    return turns;
}
} // namespace

class TestShowQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aBurstReachesTheGuiOneChunkPerTurn()
    {
        GuiSide gui;
        ServiceSide service;
        service.onService([&] { service.queue->showInTurns(chunks(gui, words("1 2 3"))); });
        QTRY_COMPARE_WITH_TIMEOUT(gui.seen.size(), 6, kWaitMs);
        // All at once would read 1 2 3 turn turn turn: one long GUI turn, no paint.
        QCOMPARE(gui.seen, words("1 turn 2 turn 3 turn"));
    }

    void whatIsShownWhileABurstWaitsComesAfterIt()
    {
        GuiSide gui;
        ServiceSide service;
        service.onService([&] {
            service.queue->showInTurns(chunks(gui, words("1 2")));
            service.queue->show([&gui] { gui.post(QStringLiteral("page")); });
        });
        QTRY_COMPARE_WITH_TIMEOUT(gui.seen.size(), 6, kWaitMs);
        QCOMPARE(gui.seen, words("1 turn 2 turn page turn"));
    }

    void liveTrafficIsShownAtOnce()
    {
        GuiSide gui;
        ServiceSide service;
        bool ranAtOnce = false;
        service.onService([&] {
            service.queue->show([&] { ranAtOnce = true; });
            service.queue->showInTurns({[&] { gui.post(QStringLiteral("1")); }});
            ranAtOnce = ranAtOnce && !service.queue->behind();
        });
        QVERIFY(ranAtOnce); // neither waited for a GUI turn
        QTRY_COMPARE_WITH_TIMEOUT(gui.seen, words("1 turn"), kWaitMs);
    }

    void aBurstAfterTheGuiCaughtUpIsShownAtOnceAgain()
    {
        GuiSide gui;
        ServiceSide service;
        service.onService([&] { service.queue->showInTurns(chunks(gui, words("1 2"))); });
        QTRY_COMPARE_WITH_TIMEOUT(gui.seen.size(), 4, kWaitMs);
        bool behind = true;
        service.onService([&] { behind = service.queue->behind(); });
        QVERIFY(!behind);
        QSignalSpy arrived(&gui, &GuiSide::arrived);
        service.onService([&] { service.queue->showInTurns(chunks(gui, words("3"))); });
        QVERIFY(arrived.wait(kWaitMs));
        QCOMPARE(gui.seen.mid(4, 1), words("3"));
    }

    void stoppingHandsOverEverythingThatWaitsInOrder()
    {
        GuiSide gui;
        QStringList ran;
        {
            ServiceSide service;
            service.onService([&] {
                service.queue->showInTurns({[&] { ran << QStringLiteral("1"); }, [&] { ran << QStringLiteral("2"); }});
                service.queue->show([&] { ran << QStringLiteral("page"); });
                QCOMPARE(ran, words("1"));
                service.queue->showAll();
                QCOMPARE(ran, words("1 2 page"));
                service.queue->showInTurns({[&] { ran << QStringLiteral("3"); }, [&] { ran << QStringLiteral("4"); }});
            });
        } // destroyed with "4" still waiting for a turn that will not come
        QCOMPARE(ran, words("1 2 page 3 4"));
    }
};

QTEST_GUILESS_MAIN(TestShowQueue)
#include "tst_show_queue.moc"
