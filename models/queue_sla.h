// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace threadline::models {

/// How long a queue lets a customer wait: what the hub's welcome says about
/// each queue (same for every role), so an agent's inbox colours a wait by the
/// rules of the queue the customer is in, not one fixed rule for all.
struct QueueSla {
    QString name;        ///< e.g. "general", "vip"
    QString title;       ///< shown to people
    int slaTargetS = 0;  ///< answer-time target
    int amberS = 0;      ///< a wait turns amber from here; 0: unknown
    int redS = 0;        ///< ... and red from here; 0: unknown
    friend bool operator==(const QueueSla &, const QueueSla &) = default;
};

/// When a queue's thresholds are not known (an older hub, a queue created
/// after sign-in), waits are coloured as they always were.
inline constexpr int kFallbackAmberS = 15 * 60;
inline constexpr int kFallbackRedS = 60 * 60;

enum class WaitLevel { Calm, Amber, Red };

/// How urgent a wait of @p waitedMs is against thresholds in seconds
/// (0 or less: unknown, the fallback is used).
inline WaitLevel waitLevel(qint64 waitedMs, int amberS, int redS)
{
    if (amberS <= 0 || redS <= 0) {
        amberS = kFallbackAmberS;
        redS = kFallbackRedS;
    }
    if (waitedMs >= qint64(redS) * 1000)
        return WaitLevel::Red;
    if (waitedMs >= qint64(amberS) * 1000)
        return WaitLevel::Amber;
    return WaitLevel::Calm;
}

} // namespace threadline::models

Q_DECLARE_METATYPE(threadline::models::QueueSla)
