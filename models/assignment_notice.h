// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/message.h"

#include <QList>
#include <QString>
#include <functional>

namespace threadline::models {

/// Something the agent should hear about even when looking elsewhere: a
/// conversation handed to them, or their customer writing while the window is
/// in the background. It names the customer, never what they wrote.
struct AssignmentNotice {
    enum class Kind { Assigned, NewMessage };
    Kind kind = Kind::Assigned;
    qint64 customerId = 0;
    QString by; ///< who assigned or transferred it (Assigned only)
    friend bool operator==(const AssignmentNotice &, const AssignmentNotice &) = default;
};

/// The notices a batch of new thread items brings for @p me:
/// - an `assigned` or `transferred` system item whose `to` is me, written by
///   someone else (taking a conversation oneself is not news);
/// - an inbound chat, SMS or email from a customer assigned to me
///   (@p assigneeOf), only while @p windowActive is false — in front of the
///   window the inbox already shows it.
/// Items older than @p sinceMs (history replayed from before this session) and
/// local echoes are not news. At most one notice per customer per batch; being
/// assigned wins over a new message.
QList<AssignmentNotice> assignmentNotices(const QList<Message> &batch, const QString &me,
                                          const std::function<QString(qint64)> &assigneeOf,
                                          bool windowActive, qint64 sinceMs);

} // namespace threadline::models
