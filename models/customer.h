// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace threadline::models {

/// One way to reach a customer: a phone number (E.164), an email address or a
/// web chat visitor id.
struct Identity {
    QString kind; ///< "phone", "email", "chat"
    QString value;
    friend bool operator==(const Identity &, const Identity &) = default;
};

/// A customer as the inbox and the side panel show them.
struct Customer {
    qint64 id = 0;
    QString name;
    QList<Identity> identities;
    QString status;   ///< "open" or "resolved"
    QString assignee; ///< agent user name; empty while waiting in the queue
    qint64 lastAt = 0; ///< ms since the epoch, UTC
    QString lastChannel;
    QString lastDirection;
    QString lastPreview;
    qint64 itemCount = 0;
    int unread = 0;
    QString queue;           ///< the queue the conversation waits in
    QStringList labels;
    qint64 waitingSince = 0; ///< when they last wrote with no answer since; 0: not waiting
    qint64 snoozeUntil = 0;  ///< ms since the epoch; 0: not snoozed
    friend bool operator==(const Customer &, const Customer &) = default;
};

} // namespace threadline::models

Q_DECLARE_METATYPE(threadline::models::Customer)
