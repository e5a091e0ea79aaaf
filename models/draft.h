// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace threadline::models {

/// What an agent had started writing to a customer, kept across restarts.
struct Draft {
    qint64 customerId = 0;
    QString channel;
    QString identity;
    QString subject;
    QString body;
    qint64 updatedAt = 0; ///< ms since the epoch, UTC
    friend bool operator==(const Draft &, const Draft &) = default;
};

} // namespace threadline::models

Q_DECLARE_METATYPE(threadline::models::Draft)
