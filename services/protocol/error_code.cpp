// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/protocol/error_code.h"

#include <array>
#include <utility>

namespace threadline::protocol {
namespace {
constexpr std::array kNames = {
    std::pair{ErrorCode::BadRequest, u"bad_request"},
    std::pair{ErrorCode::Unauthenticated, u"unauthenticated"},
    std::pair{ErrorCode::Forbidden, u"forbidden"},
    std::pair{ErrorCode::NotFound, u"not_found"},
    std::pair{ErrorCode::Conflict, u"conflict"},
    std::pair{ErrorCode::TooLarge, u"too_large"},
    std::pair{ErrorCode::RateLimited, u"rate_limited"},
    std::pair{ErrorCode::UnsupportedVersion, u"unsupported_version"},
    std::pair{ErrorCode::Internal, u"internal"},
};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[c, name] : kNames)
        if (c == code)
            return QString::fromUtf16(name);
    return QStringLiteral("internal");
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (const auto &[c, n] : kNames)
        if (name == QStringView(n))
            return c;
    return std::nullopt;
}

} // namespace threadline::protocol
