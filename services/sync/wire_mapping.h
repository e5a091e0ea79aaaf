// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/message.h"
#include "services/protocol/payloads.h"

/// Translates between the wire's payloads and the desktop's domain values.
namespace threadline::services {

models::Customer toCustomer(const protocol::CustomerPayload &p);
models::Message toMessage(const protocol::MessagePayload &p);
models::Delivery toDelivery(const QString &wireStatus);

} // namespace threadline::services
