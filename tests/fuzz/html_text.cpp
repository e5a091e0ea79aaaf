// SPDX-License-Identifier: GPL-3.0-or-later
// Untrusted email HTML to text (server/html_text) and the quote splitter the email ingress
// runs on the result (server/quoted_reply). libFuzzer's -timeout catches super-linear
// inputs; the invariants are about the shape of the text.
#include "server/html_text.h"
#include "server/quoted_reply.h"
#include "tests/fuzz/fuzz_support.h"

using namespace threadline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = fuzz::text(data, size);
    const QString text = server::htmlToText(html);
    FUZZ_CHECK(text == text.trimmed(), html);
    FUZZ_CHECK(!text.contains(u'\r'), html);
    FUZZ_CHECK(!text.contains(QLatin1String("\n\n\n")), html);
    // Text without markup or references stays itself (spacing aside).
    if (!html.contains(u'<') && !html.contains(u'&') && !html.contains(u'\r')) {
        FUZZ_CHECK(text.simplified() == html.simplified()
                       || html.contains(QChar(0x00A0)) || html.contains(QChar(0x2028))
                       || html.contains(QChar(0x2029)),
                   html);
    }

    const server::QuotedReply split = server::splitQuotedReply(text);
    FUZZ_CHECK(split.reply == split.reply.trimmed(), text);
    return 0;
}
