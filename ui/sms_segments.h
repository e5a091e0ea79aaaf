// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace threadline::ui {

/// How an SMS body will be split on the network: GSM-7 (160 per message, 153
/// when split) unless any character needs UCS-2 (70, 67) — Persian and Arabic do.
struct SmsSegments {
    bool ucs2 = false;
    int units = 0;      ///< septets (GSM-7) or UTF-16 code units (UCS-2)
    int segments = 0;
    int remaining = 0;  ///< units left in the last segment
};

SmsSegments countSmsSegments(const QString &body);

} // namespace threadline::ui
