// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/sqlcipher_database.h"

#include <QByteArray>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace threadline::cache {

/// Copies the cache's write-ahead log back into the file on a thread of its own,
/// with a connection of its own, instead of in the commit that fills the log.
///
/// SQLite checkpoints in the writing connection's commit once the log holds 1,000
/// pages: every few batches of a burst, one commit also wrote 4 MiB into the file and
/// waited for fdatasync, on the service thread. A passive checkpoint from a second
/// connection runs beside the writer's transactions (WAL allows it) and never waits
/// for them. Should it fall far behind or fail, the writer checkpoints itself once
/// the log reaches kWriterCheckpointPages, so the log stays bounded.
class WalCheckpointer {
public:
    static constexpr int kNudgePages = 1000;            // SQLite's own autocheckpoint
    static constexpr int kWriterCheckpointPages = 16384; // 64 MiB of log

    /// Opens the second connection (same file, same key) and takes over @p writer's
    /// commit hook. @p writer must outlive the checkpointer.
    static std::variant<std::unique_ptr<WalCheckpointer>, CacheError>
    start(Database &writer, const QByteArray &rawKey32);
    ~WalCheckpointer(); ///< gives the hook back to SQLite's autocheckpoint, stops the thread

    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    /// Checkpoints that completed on the thread (for tests).
    int checkpointsDone() const { return m_done.load(); }

private:
    WalCheckpointer(Database &writer, Database own);
    static int onCommit(void *self, sqlite3 *db, const char *name, int logPages);
    void run();

    Database &m_writer;
    Database m_own; ///< used on m_thread only
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wanted = false;
    bool m_stopping = false;
    std::atomic<int> m_done{0};
    std::thread m_thread;
};

} // namespace threadline::cache
