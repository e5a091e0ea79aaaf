// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/protocol/read_markers.h"

#include <QJsonArray>
#include <limits>

namespace threadline::protocol {
namespace {

// A whole, non-negative number that fits the field, or nothing.
std::optional<qint64> count(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!(d >= 0 && d <= 9007199254740991.0) || d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace

std::optional<ReadMarkerPayload> ReadMarkerPayload::fromJson(const QJsonObject &o)
{
    const auto customer = count(o, "customer_id");
    const auto upTo = count(o, "up_to_id");
    const auto unread = count(o, "unread");
    const QJsonValue user = o.value(QLatin1String("user"));
    if (!customer || *customer <= 0 || !upTo || !unread || !user.isString())
        return std::nullopt;
    return ReadMarkerPayload{user.toString(), *customer, *upTo, *unread};
}

std::optional<QHash<qint64, int>> unreadCountsFromJson(const QJsonValue &v)
{
    if (!v.isArray())
        return std::nullopt;
    QHash<qint64, int> out;
    for (const QJsonValue &item : v.toArray()) {
        const auto customer = count(item.toObject(), "customer_id");
        const auto n = count(item.toObject(), "count");
        if (!customer || *customer <= 0 || !n || *n > std::numeric_limits<int>::max())
            return std::nullopt;
        out.insert(*customer, int(*n));
    }
    return out;
}

} // namespace threadline::protocol
