// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace threadline::protocol {

/// The stable error codes of protocol v1. The wire names never change; the
/// desktop maps each to its own translated sentence.
enum class ErrorCode {
    BadRequest,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
    RateLimited,
    UnsupportedVersion,
    Internal,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(QStringView name);

/// An error as it travels: a stable code and a sentence meant for logs.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

} // namespace threadline::protocol
