// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/cache/cache_error.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace threadline::cache {

/// Where the cache's raw 256-bit key for a profile comes from. Asynchronous: the
/// answer arrives as a signal in the thread that owns the store, which must run
/// an event loop.
class KeyStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    /// Emits keyReady() with the profile's key, creating one if there is none yet,
    /// or failed(). Asking again while an answer is pending is harmless.
    virtual void loadOrCreate(const QString &profileId) = 0;
    /// Forgets the profile's key (its cache becomes unreadable). Emits removed() or failed().
    virtual void remove(const QString &profileId) = 0;

Q_SIGNALS:
    void keyReady(const QByteArray &rawKey32);
    void failed(const threadline::cache::CacheError &error);
    void removed(const QString &profileId);
};

/// A profile id becomes part of a keychain entry name and a folder name; only
/// letters, digits, '-', '_' and '.' (not leading) are accepted.
bool isValidProfileId(const QString &profileId);

} // namespace threadline::cache
