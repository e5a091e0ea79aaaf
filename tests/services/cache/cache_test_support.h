// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/message.h"
#include "services/cache/cache_store.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>
#include <memory>

/// Small builders shared by the cache suites.
namespace threadline::cache::testing {

inline QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);
    return key;
}

/// Opens (creating) the cache file at `path`; a test cannot go on without it.
inline std::unique_ptr<CacheStore> openOrDie(const QString &path, const QByteArray &key)
{
    auto opened = CacheStore::open(path, key);
    if (auto *error = std::get_if<CacheError>(&opened))
        qFatal("cache: %s", qPrintable(error->message));
    return std::move(std::get<std::unique_ptr<CacheStore>>(opened));
}

inline models::Message hubMessage(qint64 id, qint64 customerId, qint64 at, const QString &body)
{
    models::Message m;
    m.id = id;
    m.customerId = customerId;
    m.channel = QStringLiteral("sms");
    m.direction = QStringLiteral("in");
    m.author = QStringLiteral("customer");
    m.identity = QStringLiteral("+989121234567");
    m.body = body;
    m.at = at;
    return m;
}

inline models::Message localEcho(const QString &clientId, qint64 customerId, qint64 at,
                                 const QString &body)
{
    models::Message m;
    m.clientId = clientId;
    m.customerId = customerId;
    m.channel = QStringLiteral("chat");
    m.direction = QStringLiteral("out");
    m.author = QStringLiteral("agent.sara");
    m.body = body;
    m.at = at;
    m.delivery = models::Delivery::Pending;
    return m;
}

inline models::Customer customer(qint64 id, const QString &name, qint64 lastAt)
{
    models::Customer c;
    c.id = id;
    c.name = name;
    c.identities = {
        {QStringLiteral("phone"), QStringLiteral("+98912%1").arg(id, 7, 10, QLatin1Char('0'))},
        {QStringLiteral("email"), QStringLiteral("c%1@example.ir").arg(id)}};
    c.status = QStringLiteral("open");
    c.assignee = QStringLiteral("agent.sara");
    c.lastAt = lastAt;
    c.lastChannel = QStringLiteral("sms");
    c.lastDirection = QStringLiteral("in");
    c.lastPreview = name;
    c.itemCount = 3;
    c.unread = 1;
    return c;
}

} // namespace threadline::cache::testing
