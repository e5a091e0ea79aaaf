// SPDX-License-Identifier: GPL-3.0-or-later
// Phone numbers as customers and shops write them, through libphonenumber
// (server/phone_normaliser) and the desktop's phone input cleaning (services/text).
// Input: two bytes of region (orders carry their own country code), then the number.
// Invariants: E.164 out is '+' and digits (libphonenumber allows national numbers of up to
// 17 digits, e.g. in Germany, beyond E.164's 15), and reads back to itself in any region.
#include "server/phone_normaliser.h"
#include "services/text/search_folding.h"
#include "tests/fuzz/fuzz_support.h"

using namespace threadline;
using namespace threadline::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QString region = QString::fromLatin1(reinterpret_cast<const char *>(data), 2);
    const QString written = fuzz::text(data + 2, size - 2);

    for (const QString &r : {region, QStringLiteral("IR")}) {
        const PhoneNormaliser phones(r);
        for (const QString &input : {written, text::phoneInput(written)}) {
            const auto e164 = phones.toE164(input);
            if (!e164)
                continue;
            FUZZ_CHECK(e164->startsWith(u'+') && e164->size() >= 3 && e164->size() <= 21, input);
            for (qsizetype i = 1; i < e164->size(); ++i)
                FUZZ_CHECK(e164->at(i) >= u'0' && e164->at(i) <= u'9', input);
            FUZZ_CHECK(PhoneNormaliser(QStringLiteral("US")).toE164(*e164) == e164, input);
        }
    }
    const QString ascii = withAsciiDigits(written);
    FUZZ_CHECK(ascii.size() == written.size());
    return 0;
}
