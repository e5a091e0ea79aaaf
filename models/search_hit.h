// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace threadline::models {

/// A stretch of text that matched the query, in UTF-16 positions of the text it
/// belongs to. Computed with the search folding, so «علی» marks «علي».
struct TextRange {
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange &a, const TextRange &b)
    {
        return a.start == b.start && a.length == b.length;
    }
};

/// One thing global search found: a customer (by name or identity), a message,
/// or an order. Untrusted text (names, snippets) is raw here; the view isolates it.
struct SearchHit {
    enum class Kind { Customer, Message, Order };
    Kind kind = Kind::Customer;
    qint64 customerId = 0;
    QString customerName;
    QString field;      ///< what matched: name, identity, message, order
    QString snippet;    ///< the matching text (an identity, ~120 characters of a message…)
    QList<TextRange> highlights; ///< in snippet
    qint64 messageId = 0; ///< hub id of a message hit; 0 for a local echo
    qint64 at = 0;        ///< when the message was written (ms since the epoch)
    QString channel;      ///< the message's channel
    bool fromHub = false; ///< not in this computer's cache
};

} // namespace threadline::models

Q_DECLARE_METATYPE(threadline::models::SearchHit)
