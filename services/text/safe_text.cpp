// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/text/safe_text.h"

namespace threadline::text {

namespace {

constexpr QChar kFirstStrongIsolate(0x2068);
constexpr QChar kPopDirectionalIsolate(0x2069);

bool isExplicitBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isImplicitMark(char16_t c)
{
    return c == 0x200E || c == 0x200F || c == 0x061C;
}

/// Characters of bidi class B (paragraph separator) and S/line breaks that
/// would end the paragraph, and with it our isolate, early.
bool isBreak(char16_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x001C || c == 0x001D || c == 0x001E
           || c == 0x0085 || c == 0x2028 || c == 0x2029 || c == u'\v' || c == u'\f';
}

QString neutralise(QStringView untrusted, bool strict)
{
    QString out;
    out.reserve(untrusted.size());
    for (const QChar ch : untrusted) {
        const char16_t c = ch.unicode();
        if (isExplicitBidiControl(c) || (strict && isImplicitMark(c)))
            continue;
        out.append(isBreak(c) ? QChar(u' ') : ch);
    }
    return out;
}

} // namespace

QString neutraliseBidi(QStringView untrusted)
{
    return neutralise(untrusted, false);
}

QString neutraliseBidiStrict(QStringView untrusted)
{
    return neutralise(untrusted, true);
}

QString isolate(QStringView untrusted)
{
    return kFirstStrongIsolate + neutraliseBidi(untrusted) + kPopDirectionalIsolate;
}

QString isolate(QStringView untrusted, Qt::LayoutDirection direction)
{
    const QChar initiator(direction == Qt::RightToLeft ? 0x2067 : 0x2066);
    return initiator + neutraliseBidi(untrusted) + kPopDirectionalIsolate;
}

QString isolateStrict(QStringView untrusted)
{
    return kFirstStrongIsolate + neutraliseBidiStrict(untrusted) + kPopDirectionalIsolate;
}

QString displayFileName(QStringView untrusted)
{
    return isolateStrict(untrusted);
}

bool hasBidiControls(QStringView text)
{
    for (const QChar ch : text)
        if (isExplicitBidiControl(ch.unicode()) || isImplicitMark(ch.unicode()))
            return true;
    return false;
}

} // namespace threadline::text
