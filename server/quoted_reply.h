// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace threadline::server {

/// A plain-text email reply cut into what the customer wrote now and the history it quotes.
struct QuotedReply {
    QString reply;  ///< the new text (signature included), trimmed
    QString quoted; ///< from the quote header ("On … wrote:", "-----Original Message-----",
                    ///< an Outlook From:/Sent: block) or the first "> " line on; may be empty
};

/// Finds where the quoted history starts, in the ways the common mail clients write it
/// (checked against mailgun/talon's standard replies). A reply written below the quote
/// (bottom posting) is found too. Text with no quote is all reply.
QuotedReply splitQuotedReply(const QString &text);

} // namespace threadline::server
