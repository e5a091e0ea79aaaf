// SPDX-License-Identifier: GPL-3.0-or-later
// Search folding and bidi-safe display of untrusted text (services/text).
// Invariants: folding is idempotent and a folded text matches itself; isolate() output is
// one isolate with nothing inside that could end it early or reorder what surrounds it.
#include "services/text/safe_text.h"
#include "services/text/search_folding.h"
#include "tests/fuzz/fuzz_support.h"

using namespace threadline;

namespace {

bool isExplicitControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isParagraphOrLineBreak(char16_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85
        || c == 0x2028 || c == 0x2029 || c == u'\v' || c == u'\f';
}

// One isolate initiator first, one PDI last, and between them no explicit bidi control
// (so nothing unmatched) and no paragraph break (which would end the isolate).
void checkIsolated(const QString &out, const QString &in, bool strict)
{
    FUZZ_CHECK(out.size() >= 2, in);
    const char16_t first = out.front().unicode();
    FUZZ_CHECK(first == 0x2066 || first == 0x2067 || first == 0x2068, in);
    FUZZ_CHECK(out.back().unicode() == 0x2069, in);
    for (qsizetype i = 1; i + 1 < out.size(); ++i) {
        const char16_t c = out.at(i).unicode();
        FUZZ_CHECK(!isExplicitControl(c), in);
        FUZZ_CHECK(!isParagraphOrLineBreak(c), in);
        if (strict)
            FUZZ_CHECK(c != 0x200E && c != 0x200F && c != 0x061C, in);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString in = fuzz::text(data, size);

    const QString folded = text::foldForSearch(in);
    FUZZ_CHECK(text::foldForSearch(folded) == folded, in);
    FUZZ_CHECK(folded == folded.trimmed(), in);
    FUZZ_CHECK(text::matchesSearch(in, in), in);
    FUZZ_CHECK(text::matchesSearch(in, QString()), in);

    const QString digits = text::asciiDigits(in);
    FUZZ_CHECK(text::asciiDigits(digits) == digits, in);
    const QString phone = text::phoneInput(in);
    FUZZ_CHECK(text::phoneInput(phone) == phone, in);

    checkIsolated(text::isolate(in), in, false);
    checkIsolated(text::isolate(in, Qt::LeftToRight), in, false);
    checkIsolated(text::isolate(in, Qt::RightToLeft), in, false);
    checkIsolated(text::isolateStrict(in), in, true);
    checkIsolated(text::displayFileName(in), in, true);
    FUZZ_CHECK(!text::hasBidiControls(text::neutraliseBidiStrict(in)), in);
    const QString neutral = text::neutraliseBidi(in);
    FUZZ_CHECK(text::neutraliseBidi(neutral) == neutral, in);
    FUZZ_CHECK(neutral.size() <= in.size(), in);
    return 0;
}
