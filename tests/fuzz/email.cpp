// SPDX-License-Identifier: GPL-3.0-or-later
// Raw RFC 5322 mail through GMime (server/email_parser), then the quote splitter the email
// ingress runs on its text.
#include "server/email_parser.h"
#include "server/quoted_reply.h"
#include "tests/fuzz/fuzz_support.h"

using namespace threadline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = server::parseEmail(raw);
    if (const auto *mail = std::get_if<server::ParsedEmail>(&parsed)) {
        FUZZ_CHECK(mail->fromAddress.contains(u'@'));
        // Not checked: "\r\r\n" keeps one "\r\n" (CRLF is made LF once; a bare CR is
        // not valid RFC 5322 and is shown as sent).
        for (const auto &a : mail->attachments)
            FUZZ_CHECK(!a.name.isEmpty());
        server::splitQuotedReply(mail->text);
    } else {
        FUZZ_CHECK(!std::get<server::EmailParseError>(parsed).message.isEmpty());
    }
    return 0;
}
