// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

namespace threadline::cache {

/// What went wrong with the local cache or its key: a stable code for the program
/// and a sentence for people (English; the UI maps codes to translated text).
struct CacheError {
    QString code;
    QString message;
};

/// The stable codes. Callers switch on these; never change a spelling.
namespace errc {
inline constexpr QStringView wrongKey =
    u"wrong_key"; ///< the file is ours but this key does not open it
inline constexpr QStringView corrupt = u"corrupt"; ///< not a database, truncated, or damaged pages
inline constexpr QStringView io = u"io"; ///< the disk refused: I/O error, missing folder
/// No room left on the disk (or the file reached its size cap): nothing new is saved.
inline constexpr QStringView diskFull = u"disk_full";
/// The profile folder or the cache file cannot be written (permissions, read-only mount).
inline constexpr QStringView readOnly = u"read_only";
inline constexpr QStringView busy = u"busy";                ///< another process holds the cache
inline constexpr QStringView badKey = u"bad_key";           ///< the key is not 32 bytes
inline constexpr QStringView newerSchema = u"newer_schema"; ///< written by a newer Threadline
inline constexpr QStringView constraint = u"constraint";    ///< a uniqueness rule was broken
inline constexpr QStringView invalid =
    u"invalid_argument";                              ///< the caller passed something unusable
inline constexpr QStringView notFound = u"not_found"; ///< no such outbox item or file
inline constexpr QStringView sql = u"sql";            ///< anything else SQLite reports (a bug)
inline constexpr QStringView keychainUnavailable = u"keychain_unavailable"; ///< no Secret Service
inline constexpr QStringView keychain = u"keychain"; ///< the keychain refused or failed
inline constexpr QStringView passphraseRequired = u"passphrase_required";
} // namespace errc

inline CacheError makeError(QStringView code, const QString &message)
{
    return CacheError{code.toString(), message};
}

} // namespace threadline::cache

Q_DECLARE_METATYPE(threadline::cache::CacheError)
