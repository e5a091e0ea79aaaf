// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/service_host.h"

#include "services/cache/cache_recovery.h"
#include "services/cache/cache_store.h"

namespace threadline::app {

ServiceHost::ServiceHost(QObject *parent) : QObject(parent), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("threadline-service"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

ServiceHost::~ServiceHost()
{
    // Stop and destroy the service objects on their own thread, then end it.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            if (m_sync) {
                m_sync->stop();
                delete m_sync;
                m_sync = nullptr;
            }
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ServiceHost::open(const QString &cachePath, const QByteArray &key, const QUrl &hub,
                       bool wrongKeyIsDamage)
{
    QMetaObject::invokeMethod(m_context, [this, cachePath, key, hub, wrongKeyIsDamage] {
        auto opened = cache::CacheStore::open(cachePath, key);
        if (auto *error = std::get_if<cache::CacheError>(&opened)) {
            const bool damaged = error->code == QLatin1String("corrupt")
                                 || (wrongKeyIsDamage && error->code == QLatin1String("wrong_key"));
            if (!damaged) {
                Q_EMIT cacheRefused(error->code, error->message);
                return;
            }
            const QString code = error->code;
            auto moved = cache::moveAside(cachePath);
            if (auto *moveError = std::get_if<cache::CacheError>(&moved)) {
                Q_EMIT cacheRefused(moveError->code, moveError->message);
                return;
            }
            Q_EMIT cacheMovedAside(code, std::get<QString>(moved));
            opened = cache::CacheStore::open(cachePath, key);
            if (auto *again = std::get_if<cache::CacheError>(&opened)) {
                Q_EMIT cacheRefused(again->code, again->message);
                return;
            }
        }
        m_sync = new services::SyncService(
            std::move(std::get<std::unique_ptr<cache::CacheStore>>(opened)), hub);
        Q_EMIT ready(m_sync);
    });
}

} // namespace threadline::app
