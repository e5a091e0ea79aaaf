// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/key_store.h"

namespace threadline::cache {

bool isValidProfileId(const QString &profileId)
{
    if (profileId.isEmpty() || profileId.size() > 128 || profileId.startsWith(QLatin1Char('.')))
        return false;
    for (const QChar c : profileId) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                        (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace threadline::cache
