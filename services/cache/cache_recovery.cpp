// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/cache_recovery.h"

#include <QFile>

namespace threadline::cache {

std::variant<QString, CacheError> moveAside(const QString &path, const QDateTime &now)
{
    if (!QFile::exists(path))
        return makeError(errc::notFound, QStringLiteral("There is no cache file to move aside."));

    const QString stamp = now.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString target = path + QLatin1String(".damaged-") + stamp;
    // Two recoveries within a second must not overwrite each other.
    for (int n = 2; QFile::exists(target) || QFile::exists(target + QLatin1String("-wal")); ++n)
        target = path + QLatin1String(".damaged-") + stamp + QLatin1Char('-') + QString::number(n);

    QFile main(path);
    if (!main.rename(target))
        return makeError(errc::io, QStringLiteral("The damaged cache could not be moved aside: %1")
                                       .arg(main.errorString()));
    // SQLite finds a database's side files by suffix, so keep "-wal"/"-shm" last.
    for (const auto *suffix : {"-wal", "-shm"}) {
        QFile side(path + QLatin1String(suffix));
        if (side.exists() && !side.rename(target + QLatin1String(suffix)))
            return makeError(errc::io, QStringLiteral("The cache was moved aside but its %1 file "
                                                      "could not be: %2")
                                           .arg(QLatin1String(suffix), side.errorString()));
    }
    return target;
}

} // namespace threadline::cache
