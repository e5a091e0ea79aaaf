// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/wal_checkpointer.h"

#include "services/logging/log.h"

#include <sqlcipher/sqlite3.h>

#include <sys/resource.h>
#include <unistd.h>

namespace threadline::cache {

std::variant<std::unique_ptr<WalCheckpointer>, CacheError>
WalCheckpointer::start(Database &writer, const QByteArray &rawKey32)
{
    auto opened = Database::open(writer.path(), rawKey32);
    if (auto *e = std::get_if<CacheError>(&opened))
        return *e;
    return std::unique_ptr<WalCheckpointer>(
        new WalCheckpointer(writer, std::move(std::get<Database>(opened))));
}

WalCheckpointer::WalCheckpointer(Database &writer, Database own)
    : m_writer(writer), m_own(std::move(own))
{
    m_thread = std::thread([this] { run(); });
    m_writer.setWalCommitHook(&WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer()
{
    m_writer.setWalCommitHook(nullptr, nullptr); // SQLite's autocheckpoint again
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

int WalCheckpointer::onCommit(void *self, sqlite3 *, const char *, int logPages)
{
    auto *me = static_cast<WalCheckpointer *>(self);
    if (logPages >= kWriterCheckpointPages) {
        // Behind or failing: do it here, as SQLite would have (errors are logged there).
        if (auto e = me->m_writer.checkpoint())
            TL_LOG("db", warning) << "checkpoint failed: " << e->code;
    } else if (logPages >= kNudgePages) {
        {
            std::lock_guard lock(me->m_mutex);
            me->m_wanted = true;
        }
        me->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    // Behind the GUI and service threads for the CPU: on two cores, three busy threads
    // otherwise stretch the GUI's batches. Copying the log can wait (the writer takes
    // over past kWriterCheckpointPages). Linux gives each thread its own nice value.
    if (setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10) != 0)
        TL_LOG("db", info) << "the checkpointer keeps the normal priority";
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_wanted || m_stopping; });
        if (m_stopping)
            return;
        m_wanted = false;
        lock.unlock();
        if (auto e = m_own.checkpoint())
            TL_LOG("db", warning) << "background checkpoint failed: " << e->code;
        else
            ++m_done;
        lock.lock();
    }
}

} // namespace threadline::cache
