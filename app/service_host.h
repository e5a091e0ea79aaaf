// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/sync/sync_service.h"

#include <QObject>
#include <QThread>

namespace threadline::app {

/// Runs the session and the encrypted cache on their own thread, so the GUI
/// thread never waits on SQL, JSON or the network.
class ServiceHost : public QObject {
    Q_OBJECT
public:
    explicit ServiceHost(QObject *parent = nullptr);
    ~ServiceHost() override;

    /// Opens the cache at `cachePath` with `key` on the service thread, then
    /// creates the SyncService there. Emits ready() or cacheRefused(). A corrupt
    /// cache (or, when `wrongKeyIsDamage`, one the key cannot open) is moved
    /// aside — never deleted — and a fresh one is rebuilt from the hub.
    void open(const QString &cachePath, const QByteArray &key, const QUrl &hub,
              bool wrongKeyIsDamage);
    services::SyncService *sync() const { return m_sync; }

Q_SIGNALS:
    void ready(threadline::services::SyncService *sync);
    void cacheRefused(const QString &code, const QString &message);
    void cacheMovedAside(const QString &code, const QString &movedTo);

private:
    QThread m_thread;
    QObject *m_context; ///< lives on the service thread; runs work there
    services::SyncService *m_sync = nullptr;
};

} // namespace threadline::app
