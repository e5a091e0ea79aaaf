// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace threadline::server {

/// Turns phone numbers written any common way (spaces, dashes, national prefix,
/// Persian or Arabic-Indic digits) into E.164, with libphonenumber.
class PhoneNormaliser {
public:
    explicit PhoneNormaliser(QString defaultRegion = QStringLiteral("IR"));
    /// E.164 ("+989121234567"), or nothing when it is not a valid number.
    std::optional<QString> toE164(const QString &written) const;
    const QString &region() const { return m_region; }

private:
    QString m_region;
};

/// Persian (U+06F0..) and Arabic-Indic (U+0660..) digits become ASCII digits.
QString withAsciiDigits(const QString &text);

} // namespace threadline::server
