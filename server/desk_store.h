// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace threadline::server {

/// A reply text agents insert by typing `/`; placeholders {customer_name},
/// {order_number} and {agent_name} are filled in by the desktop.
struct CannedResponse {
    qint64 id = 0;
    QString title;
    QString body;
    QString language; ///< "en", "fa", "ar", or empty for any
    QString updatedBy;
    qint64 updatedAt = 0;
    QJsonObject toJson() const;
};

/// What agents work with besides threads: wrap-up codes for calls and shared canned
/// responses. Writes run inside the HubStore's unit of work.
class DeskStore {
public:
    explicit DeskStore(HubStore &store) : m_store(store) {}

    /// [{code, title, titles: {en, fa, ar}}] in their display order.
    QJsonArray dispositions();
    bool isDisposition(const QString &code);

    QList<CannedResponse> canned(const QString &language = {});
    std::optional<CannedResponse> cannedById(qint64 id);
    /// Inserts (id 0; fills it in) or updates; stamps updatedAt.
    bool saveCanned(CannedResponse &canned);
    bool deleteCanned(qint64 id);

    QString lastError() const { return m_lastError; }

private:
    bool fail(const QString &why);
    HubStore &m_store;
    QString m_lastError;
};

} // namespace threadline::server
