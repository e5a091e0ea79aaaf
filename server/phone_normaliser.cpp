// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/phone_normaliser.h"

#include <phonenumbers/phonenumberutil.h>

namespace threadline::server {

PhoneNormaliser::PhoneNormaliser(QString defaultRegion)
    : m_region(std::move(defaultRegion).toUpper())
{
}

QString withAsciiDigits(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0x06F0 && u <= 0x06F9)
            c = QChar(u'0' + (u - 0x06F0));
        else if (u >= 0x0660 && u <= 0x0669)
            c = QChar(u'0' + (u - 0x0660));
    }
    return out;
}

std::optional<QString> PhoneNormaliser::toE164(const QString &written) const
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const QString ascii = withAsciiDigits(written).trimmed();
    if (ascii.isEmpty() || ascii.size() > 64)
        return std::nullopt;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(ascii.toStdString(), m_region.toStdString(), &number) !=
        PhoneNumberUtil::NO_PARSING_ERROR)
        return std::nullopt;
    if (!util->IsValidNumber(number))
        return std::nullopt;
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    return QString::fromStdString(e164);
}

} // namespace threadline::server
