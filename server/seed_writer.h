// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/payloads.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace threadline::server {

/// Bulk inserts for the demo seeder: one transaction, prepared statements reused for
/// every row. Seeded items get no events (desktops resync from snapshots).
class SeedWriter {
public:
    explicit SeedWriter(QSqlDatabase db);

    bool begin();
    qint64 addCustomer(const QString &name, qint64 createdAt);
    bool addIdentity(qint64 customerId, const protocol::IdentityPayload &identity);
    bool addMessage(const protocol::MessagePayload &message);
    /// Writes the summary of everything added for this customer.
    bool finishCustomer(const protocol::CustomerPayload &summary);
    bool commit();
    void rollback();
    QString error() const { return m_error; }

private:
    bool check(QSqlQuery &q);

    QSqlDatabase m_db;
    QSqlQuery m_customer;
    QSqlQuery m_identity;
    QSqlQuery m_message;
    QSqlQuery m_summary;
    QString m_error;
};

} // namespace threadline::server
