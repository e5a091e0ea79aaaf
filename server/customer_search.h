// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"
#include "server/phone_normaliser.h"

#include <QList>
#include <QString>

namespace threadline::server {

/// Where a search matched a customer, with a bit of the matching text.
struct SearchHit {
    qint64 customerId = 0;
    QString field;   ///< "name", "identity", "order" or "message"
    QString snippet; ///< at most about 120 characters around the match
    qint64 messageId = 0;
    qint64 at = 0;
    QString channel;   ///< message hits: the message's channel and direction, so a result
    QString direction; ///< the desktop has not cached reads like one it has
};

/// The hub's search over customer names, identities, order numbers and message text.
/// Query and text are folded alike (services/text: Persian/Arabic letter variants,
/// diacritics, ZWNJ, digits of any script, case); a phone number written any way also
/// finds its E.164 identity. One hit per customer, best field first.
class CustomerSearch {
public:
    CustomerSearch(HubStore &store, PhoneNormaliser phones);
    QList<SearchHit> find(const QString &query, int limit);

private:
    HubStore &m_store;
    PhoneNormaliser m_phones;
};

/// About `width` characters of `text` around where `folded` matched `foldedText`.
QString snippetAround(const QString &text, const QString &foldedText, const QString &folded,
                      int width = 120);

} // namespace threadline::server
