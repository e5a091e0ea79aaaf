// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/message.h"

#include <QString>

#include <optional>

namespace threadline::cache {

class Statement;

/// How customers and messages are laid out in cache rows: column lists, binding
/// and reading, and the text forms of enums and JSON fields.
namespace rows {

/// The delivery state as the protocol spells it ("received", "pending", ...).
QString deliveryName(models::Delivery d);
std::optional<models::Delivery> deliveryFromName(QStringView name);

/// SELECT list for readMessage(), with the local row last.
extern const char messageColumns[];
models::Message readMessage(const Statement &s);
/// Binds ?1..?14 in the order hub_id, client_id, customer_id, channel, direction,
/// author, identity, subject, body, quoted, at, delivery, failure_reason, meta.
void bindMessage(Statement &s, const models::Message &m);

/// SELECT list for readCustomer().
extern const char customerColumns[];
models::Customer readCustomer(const Statement &s);
/// Binds ?1..?15 in the order of customerColumns.
void bindCustomer(Statement &s, const models::Customer &c);
/// Binds ?1 (the id) and ?4..?15: all but name and identities, the searchable two.
void bindCustomerActivity(Statement &s, const models::Customer &c);

} // namespace rows
} // namespace threadline::cache
