// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sms_segments.h"

namespace threadline::ui {
namespace {

// GSM 03.38 basic set and its extension table (which costs two septets).
const QString kGsmBasic = QStringLiteral(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
const QString kGsmExtended = QStringLiteral("^{}\\[~]|€\f");

} // namespace

SmsSegments countSmsSegments(const QString &body)
{
    SmsSegments s;
    int septets = 0;
    for (const QChar c : body) {
        if (kGsmBasic.contains(c)) {
            septets += 1;
        } else if (kGsmExtended.contains(c)) {
            septets += 2;
        } else {
            s.ucs2 = true;
            break;
        }
    }
    s.units = s.ucs2 ? static_cast<int>(body.size()) : septets;
    const int single = s.ucs2 ? 70 : 160;
    const int multi = s.ucs2 ? 67 : 153;
    if (s.units == 0) {
        s.segments = 0;
        s.remaining = single;
    } else if (s.units <= single) {
        s.segments = 1;
        s.remaining = single - s.units;
    } else {
        s.segments = (s.units + multi - 1) / multi;
        s.remaining = s.segments * multi - s.units;
    }
    return s;
}

} // namespace threadline::ui
