// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A desktop profile for sync tests: an encrypted cache in a temporary folder, opened again
// by each SyncService a test starts (as a desktop opens it at every start).
#include "models/customer.h"
#include "models/message.h"
#include "models/search_hit.h"
#include "services/cache/cache_store.h"
#include "services/sync/sync_service.h"
#include "tests/services/cache/cache_test_support.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QtGlobal>
#include <memory>

namespace threadline::testing {

class SyncProfile {
public:
    /// What SyncService's signals carry across threads and into QSignalSpy.
    static void registerTypes()
    {
        qRegisterMetaType<QList<models::Customer>>();
        qRegisterMetaType<QList<models::Message>>();
        qRegisterMetaType<QList<models::SearchHit>>();
        qRegisterMetaType<models::Delivery>();
    }

    bool isValid() const { return m_dir.isValid(); }

    std::unique_ptr<cache::CacheStore> openCache() const
    {
        auto opened = cache::CacheStore::open(m_dir.filePath(QStringLiteral("cache.db")), m_key);
        if (auto *error = std::get_if<cache::CacheError>(&opened))
            qFatal("cache: %s", qPrintable(error->message));
        return std::move(std::get<std::unique_ptr<cache::CacheStore>>(opened));
    }

    std::unique_ptr<services::SyncService> openSync(const QUrl &hub) const
    {
        return std::make_unique<services::SyncService>(openCache(), hub);
    }

private:
    QTemporaryDir m_dir;
    QByteArray m_key = cache::testing::randomKey();
};

} // namespace threadline::testing
