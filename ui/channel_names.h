// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

namespace threadline::ui {

/// What an agent reads for a channel ("SMS", "Email", ...), translated.
QString channelLabel(const QString &channel);
/// One colour per channel so the channel is seen at a glance.
QColor channelColor(const QString &channel);

// The hub sends codes; the agent reads words. Unknown codes are shown as they
// came, isolated, since they are still text from outside.

/// "agent", "supervisor", "store" as the agent reads them.
QString roleLabel(const QString &role);
/// An order event's status ("placed", "paid", "shipped", "refunded", ...).
QString orderStatusLabel(const QString &status);
/// How a call ended ("resolved", "callback_promised", "escalated", "no_answer").
QString callDispositionLabel(const QString &disposition);
/// "phone", "email", "chat" as the kind of an identity.
QString identityKindLabel(const QString &kind);

} // namespace threadline::ui
