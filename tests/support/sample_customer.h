// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A customer for window tests that need no hub: open, with a phone and an email,
// last heard from on @p lastChannel; a higher id wrote a second longer ago.

#include "models/customer.h"

#include <QDateTime>

namespace threadline::testing {

inline models::Customer sampleCustomer(qint64 id, const QString &lastChannel = QStringLiteral("sms"))
{
    models::Customer c;
    c.id = id;
    c.name = QStringLiteral("Customer %1").arg(id);
    c.status = QStringLiteral("open");
    c.lastAt = QDateTime::currentMSecsSinceEpoch() - id * 1000;
    c.lastChannel = lastChannel;
    c.lastDirection = QStringLiteral("in");
    c.identities = {{QStringLiteral("phone"), QStringLiteral("+989121234567")},
                    {QStringLiteral("email"), QStringLiteral("c%1@example.com").arg(id)}};
    return c;
}

} // namespace threadline::testing
