// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/message.h"
#include "models/order.h"
#include "models/queue_sla.h"
#include "models/queue_stats.h"
#include "services/protocol/payloads.h"

#include <QJsonArray>

/// Translates between the wire's payloads and the desktop's domain values.
namespace threadline::services {

models::Customer toCustomer(const protocol::CustomerPayload &p);
models::Message toMessage(const protocol::MessagePayload &p);
models::Delivery toDelivery(const QString &wireStatus);
/// An order from `order.lookup` or `order.upserted` (missing fields stay empty).
models::Order toOrder(const QJsonObject &order);
/// A `queue.stats` frame (supervisors only).
models::FloorSnapshot toFloor(const QJsonObject &stats);
/// The welcome's `queues` (every role): names, titles and wait thresholds.
/// Entries without a name are skipped; negative thresholds read as unknown (0).
QList<models::QueueSla> toQueues(const QJsonArray &queues);

} // namespace threadline::services
