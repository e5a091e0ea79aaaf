// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ingress_store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace threadline::server {

namespace {
// The shop's one status read two ways, as store staff think of an order.
QString paymentStatusOf(const QString &status)
{
    if (status == QLatin1String("placed"))
        return QStringLiteral("pending");
    if (status == QLatin1String("refunded"))
        return QStringLiteral("refunded");
    if (status == QLatin1String("cancelled"))
        return QStringLiteral("voided");
    return QStringLiteral("paid");
}

QString fulfilmentStatusOf(const QString &status)
{
    if (status == QLatin1String("shipped") || status == QLatin1String("ready_for_pickup") ||
        status == QLatin1String("picked_up"))
        return status;
    if (status == QLatin1String("cancelled") || status == QLatin1String("refunded"))
        return QStringLiteral("cancelled");
    return QStringLiteral("unfulfilled");
}
} // namespace

QJsonObject OrderRecord::toJson() const
{
    return QJsonObject{{QLatin1String("payment_status"), paymentStatusOf(status)},
                       {QLatin1String("fulfilment_status"), fulfilmentStatusOf(status)},
                       {QLatin1String("ready_at"), readyAt},
                       {QLatin1String("ready_by"), readyBy},
                       {QLatin1String("picked_up_at"), pickedUpAt},
                       {QLatin1String("picked_up_by"), pickedUpBy},{QLatin1String("id"), id},
                       {QLatin1String("source"), source},
                       {QLatin1String("external_id"), externalId},
                       {QLatin1String("number"), number},
                       {QLatin1String("status"), status},
                       {QLatin1String("source_status"), sourceStatus},
                       {QLatin1String("total"), total},
                       {QLatin1String("currency"), currency},
                       {QLatin1String("items"), items},
                       {QLatin1String("customer_id"), customerId},
                       {QLatin1String("pickup_code"), pickupCode},
                       {QLatin1String("created_at"), createdAt},
                       {QLatin1String("updated_at"), updatedAt}};
}

bool IngressStore::fail(const QString &why)
{
    m_lastError = why;
    return false;
}

std::optional<qint64> IngressStore::messageByRef(const QString &source, const QString &externalId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT message_id FROM external_refs WHERE source = ? AND external_id = ?"));
    q.addBindValue(source);
    q.addBindValue(externalId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool IngressStore::addRef(const QString &source, const QString &externalId, qint64 messageId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO external_refs (source, external_id, message_id,"
                             " created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(source);
    q.addBindValue(externalId);
    q.addBindValue(messageId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return q.exec() || fail(q.lastError().text());
}

bool IngressStore::addEmailHeaders(qint64 messageId, const QString &messageIdHeader,
                                   const QString &inReplyTo, const QString &references,
                                   const QByteArray &raw)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO email_headers (message_id, header_message_id,"
                             " in_reply_to, refs, raw) VALUES (?, COALESCE(?, ''), COALESCE(?, "
                             "''), COALESCE(?, ''), ?)"));
    q.addBindValue(messageId);
    q.addBindValue(messageIdHeader);
    q.addBindValue(inReplyTo);
    q.addBindValue(references);
    q.addBindValue(raw);
    return q.exec() || fail(q.lastError().text());
}

bool IngressStore::addAttachment(qint64 messageId, const QString &name, const QString &contentType,
                                 const QByteArray &data, qint64 *id)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO attachments (message_id, name, content_type, size, data)"
                             " VALUES (?, COALESCE(?, ''), COALESCE(?, ''), ?, ?)"));
    q.addBindValue(messageId);
    q.addBindValue(name);
    q.addBindValue(contentType);
    q.addBindValue(qint64(data.size()));
    q.addBindValue(data);
    if (!q.exec())
        return fail(q.lastError().text());
    *id = q.lastInsertId().toLongLong();
    return true;
}

QList<AttachmentRecord> IngressStore::attachmentsOfCustomer(qint64 customerId)
{
    QList<AttachmentRecord> out;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT a.id, a.message_id, a.name, a.content_type, a.size FROM attachments a"
        " JOIN messages m ON m.id = a.message_id WHERE m.customer_id = ? ORDER BY a.id"));
    q.addBindValue(customerId);
    if (q.exec())
        while (q.next())
            out.append(AttachmentRecord{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                        q.value(2).toString(), q.value(3).toString(),
                                        q.value(4).toLongLong()});
    return out;
}

namespace {
const QString kOrderColumns =
    QStringLiteral("id, source, external_id, number, status, source_status, total, currency, items,"
                   " customer_id, pickup_code, created_at, updated_at, ready_at, ready_by,"
                   " picked_up_at, picked_up_by");

OrderRecord readOrder(const QSqlQuery &q)
{
    OrderRecord o;
    o.id = q.value(0).toLongLong();
    o.source = q.value(1).toString();
    o.externalId = q.value(2).toString();
    o.number = q.value(3).toString();
    o.status = q.value(4).toString();
    o.sourceStatus = q.value(5).toString();
    o.total = q.value(6).toString();
    o.currency = q.value(7).toString();
    o.items = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).array();
    o.customerId = q.value(9).toLongLong();
    o.pickupCode = q.value(10).toString();
    o.createdAt = q.value(11).toLongLong();
    o.updatedAt = q.value(12).toLongLong();
    o.readyAt = q.value(13).toLongLong();
    o.readyBy = q.value(14).toString();
    o.pickedUpAt = q.value(15).toLongLong();
    o.pickedUpBy = q.value(16).toString();
    return o;
}
} // namespace

std::optional<OrderRecord> IngressStore::orderById(qint64 id)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kOrderColumns + QStringLiteral(" FROM orders WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readOrder(q);
}

QList<OrderRecord> IngressStore::ordersByNumber(const QString &number)
{
    QString wanted = number.trimmed().toLower();
    while (wanted.startsWith(QLatin1Char('#')))
        wanted.remove(0, 1);
    QList<OrderRecord> out;
    if (wanted.isEmpty())
        return out;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kOrderColumns +
              QStringLiteral(" FROM orders WHERE lower(replace(number, '#', '')) = ?"
                             " OR external_id = ? ORDER BY updated_at DESC, id DESC LIMIT 50"));
    q.addBindValue(wanted);
    q.addBindValue(wanted);
    if (q.exec())
        while (q.next())
            out.append(readOrder(q));
    return out;
}

std::optional<OrderRecord> IngressStore::order(const QString &source, const QString &externalId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kOrderColumns +
              QStringLiteral(" FROM orders WHERE source = ? AND external_id = ?"));
    q.addBindValue(source);
    q.addBindValue(externalId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readOrder(q);
}

QList<OrderRecord> IngressStore::ordersOfCustomer(qint64 customerId)
{
    QList<OrderRecord> out;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kOrderColumns +
              QStringLiteral(" FROM orders WHERE customer_id = ? ORDER BY id"));
    q.addBindValue(customerId);
    if (q.exec())
        while (q.next())
            out.append(readOrder(q));
    return out;
}

bool IngressStore::saveOrder(OrderRecord &o)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString items = QString::fromUtf8(QJsonDocument(o.items).toJson(QJsonDocument::Compact));
    QSqlQuery q(m_store.database());
    if (o.id == 0) {
        q.prepare(QStringLiteral(
            "INSERT INTO orders (source, external_id, number, status, source_status, total,"
            " currency, items, customer_id, pickup_code, created_at, updated_at, ready_at,"
            " ready_by, picked_up_at, picked_up_by)"
            " VALUES (?, ?, COALESCE(?, ''), ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''),"
            " ?, ?, COALESCE(?, ''), ?, ?, ?, COALESCE(?, ''), ?, COALESCE(?, ''))"));
        o.createdAt = now;
        for (const QVariant &v :
             {QVariant(o.source), QVariant(o.externalId), QVariant(o.number), QVariant(o.status),
              QVariant(o.sourceStatus), QVariant(o.total), QVariant(o.currency), QVariant(items),
              QVariant(o.customerId), QVariant(o.pickupCode), QVariant(now), QVariant(now),
              QVariant(o.readyAt), QVariant(o.readyBy), QVariant(o.pickedUpAt),
              QVariant(o.pickedUpBy)})
            q.addBindValue(v);
        if (!q.exec())
            return fail(q.lastError().text());
        o.id = q.lastInsertId().toLongLong();
    } else {
        q.prepare(QStringLiteral("UPDATE orders SET number = COALESCE(?, ''), status = ?, "
                                 "source_status = COALESCE(?, ''),"
                                 " total = COALESCE(?, ''), currency = COALESCE(?, ''), items = ?,"
                                 " pickup_code = COALESCE(?, ''), updated_at = ?, ready_at = ?,"
                                 " ready_by = COALESCE(?, ''), picked_up_at = ?,"
                                 " picked_up_by = COALESCE(?, '') WHERE id = ?"));
        for (const QVariant &v : {QVariant(o.number), QVariant(o.status), QVariant(o.sourceStatus),
                                  QVariant(o.total), QVariant(o.currency), QVariant(items),
                                  QVariant(o.pickupCode), QVariant(now), QVariant(o.readyAt),
                                  QVariant(o.readyBy), QVariant(o.pickedUpAt),
                                  QVariant(o.pickedUpBy), QVariant(o.id)})
            q.addBindValue(v);
        if (!q.exec())
            return fail(q.lastError().text());
    }
    o.updatedAt = now;
    return true;
}

} // namespace threadline::server
