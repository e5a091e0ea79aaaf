// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/seed_writer.h"

#include "server/hub_store.h"

#include <QJsonDocument>
#include <QSqlError>

namespace threadline::server {

SeedWriter::SeedWriter(QSqlDatabase db)
    : m_db(db), m_customer(db), m_identity(db), m_message(db), m_summary(db)
{
}

bool SeedWriter::check(QSqlQuery &q)
{
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

bool SeedWriter::begin()
{
    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        return false;
    }
    m_customer.prepare(QStringLiteral("INSERT INTO customers (name, created_at) VALUES (?, ?)"));
    m_identity.prepare(QStringLiteral(
        "INSERT INTO identities (customer_id, kind, value, last_inbound_at) VALUES (?, ?, ?, 0)"));
    m_message.prepare(QStringLiteral(
        "INSERT INTO messages (customer_id, channel, direction, author, identity, subject, body,"
        " quoted, client_id, status, at, meta, folded) VALUES (?, ?, ?, COALESCE(?, ''),"
        " COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''),"
        " COALESCE(?, ''), '', ?, ?, COALESCE(?, ''), COALESCE(?, ''))"));
    m_summary.prepare(QStringLiteral(
        "UPDATE customers SET status = ?, assignee = COALESCE(?, ''), last_at = ?, last_channel = "
        "?,"
        " last_direction = ?, last_preview = COALESCE(?, ''), item_count = ? WHERE id = ?"));
    return true;
}

qint64 SeedWriter::addCustomer(const QString &name, qint64 createdAt)
{
    m_customer.bindValue(0, name);
    m_customer.bindValue(1, createdAt);
    if (!check(m_customer))
        return 0;
    return m_customer.lastInsertId().toLongLong();
}

bool SeedWriter::addIdentity(qint64 customerId, const protocol::IdentityPayload &identity)
{
    m_identity.bindValue(0, customerId);
    m_identity.bindValue(1, identity.kind);
    m_identity.bindValue(2, identity.value);
    return check(m_identity);
}

bool SeedWriter::addMessage(const protocol::MessagePayload &m)
{
    m_message.bindValue(0, m.customerId);
    m_message.bindValue(1, m.channel);
    m_message.bindValue(2, m.direction);
    m_message.bindValue(3, m.author);
    m_message.bindValue(4, m.identity);
    m_message.bindValue(5, m.subject);
    m_message.bindValue(6, m.body);
    m_message.bindValue(7, m.quoted);
    m_message.bindValue(8, m.status);
    m_message.bindValue(9, m.at);
    m_message.bindValue(10, m.meta.isEmpty() ? QString()
                                             : QString::fromUtf8(QJsonDocument(m.meta).toJson(
                                                   QJsonDocument::Compact)));
    m_message.bindValue(11, foldedText(m));
    return check(m_message);
}

bool SeedWriter::finishCustomer(const protocol::CustomerPayload &c)
{
    m_summary.bindValue(0, c.status);
    m_summary.bindValue(1, c.assignee);
    m_summary.bindValue(2, c.lastAt);
    m_summary.bindValue(3, c.lastChannel);
    m_summary.bindValue(4, c.lastDirection);
    m_summary.bindValue(5, c.lastPreview);
    m_summary.bindValue(6, c.itemCount);
    m_summary.bindValue(7, c.id);
    return check(m_summary);
}

bool SeedWriter::commit()
{
    m_customer.finish();
    m_identity.finish();
    m_message.finish();
    m_summary.finish();
    if (m_db.commit())
        return true;
    m_error = m_db.lastError().text();
    m_db.rollback();
    return false;
}

void SeedWriter::rollback()
{
    m_db.rollback();
}

} // namespace threadline::server
