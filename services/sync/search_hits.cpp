// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sync/search_hits.h"

#include "services/cache/search_tokens.h"
#include "services/protocol/payloads.h"
#include "services/sync/wire_mapping.h"

#include <QJsonObject>
#include <QSet>

namespace threadline::services {

QList<models::SearchHit> hubSearchHits(const QJsonArray &results, const QString &query,
                                       QList<models::Customer> *customers)
{
    QList<models::SearchHit> hits;
    for (const QJsonValue &v : results) {
        const QJsonObject result = v.toObject();
        const auto payload =
            protocol::CustomerPayload::fromJson(result.value(QStringLiteral("customer")).toObject());
        const QJsonObject match = result.value(QStringLiteral("match")).toObject();
        if (!payload)
            continue;
        const models::Customer customer = toCustomer(*payload);
        models::SearchHit hit;
        hit.fromHub = true;
        hit.customerId = customer.id;
        hit.customerName = customer.name;
        hit.field = match.value(QStringLiteral("field")).toString();
        hit.snippet = match.value(QStringLiteral("snippet")).toString();
        if (hit.field == u"message") {
            hit.kind = models::SearchHit::Kind::Message;
            hit.messageId = match.value(QStringLiteral("message_id")).toInteger();
            hit.at = match.value(QStringLiteral("at")).toInteger();
            hit.channel = match.value(QStringLiteral("channel")).toString(); // hubs since issue 4
            if (hit.messageId <= 0)
                continue;
        } else if (hit.field == u"order") {
            hit.kind = models::SearchHit::Kind::Order;
            hit.at = customer.lastAt;
        } else if (hit.field == u"name" || hit.field == u"identity") {
            hit.kind = models::SearchHit::Kind::Customer;
            hit.at = customer.lastAt;
            hit.channel = customer.lastChannel;
            if (hit.snippet.isEmpty())
                hit.snippet = customer.name;
        } else {
            continue; // a newer hub's kind of match: nothing here knows how to open it
        }
        hit.highlights = cache::matchRanges(hit.snippet, query);
        hits.append(hit);
        if (customers)
            customers->append(customer);
    }
    return hits;
}

QList<models::SearchHit> mergeSearchHits(const QList<models::SearchHit> &local,
                                         const QList<models::SearchHit> &hub)
{
    QSet<qint64> messages;
    QSet<qint64> customers;
    QSet<QString> orders;
    for (const auto &h : local) {
        if (h.kind == models::SearchHit::Kind::Message && h.messageId > 0)
            messages.insert(h.messageId);
        else if (h.kind == models::SearchHit::Kind::Customer)
            customers.insert(h.customerId);
    }
    QList<models::SearchHit> merged = local;
    for (const auto &h : hub) {
        switch (h.kind) {
        case models::SearchHit::Kind::Message:
            if (messages.contains(h.messageId))
                continue;
            messages.insert(h.messageId);
            break;
        case models::SearchHit::Kind::Customer:
            if (customers.contains(h.customerId))
                continue;
            customers.insert(h.customerId);
            break;
        case models::SearchHit::Kind::Order: {
            const QString key = QString::number(h.customerId) + QLatin1Char('/') + h.snippet;
            if (orders.contains(key))
                continue;
            orders.insert(key);
            break;
        }
        }
        merged.append(h);
    }
    return merged;
}

} // namespace threadline::services
