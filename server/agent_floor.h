// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/protocol/envelope.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QStringList>

namespace threadline::server {

/// Who is on the floor right now: signed-in desktops, each agent's presence, and which
/// customer each desktop is viewing. Nothing here is stored; it produces the ephemeral
/// frames (presence, viewing, typing) and says to which connection each one goes.
class AgentFloor : public QObject {
    Q_OBJECT
public:
    explicit AgentFloor(QObject *parent = nullptr);

    void signIn(quint64 connection, const QString &user, const QString &role);
    void signOut(quint64 connection);

    /// A user's presence: what they last chose on any desktop (available after signing
    /// in), or offline when none of their desktops is connected.
    QString presenceOf(const QString &user) const;
    void setPresence(quint64 connection, const QString &presence);
    /// Starts viewing `customerId` (0: none). Returns who else views it now.
    QStringList setViewing(quint64 connection, qint64 customerId);
    void setTyping(quint64 connection, qint64 customerId, bool typing);
    /// The users viewing `customerId`, except the one on `connection`.
    QStringList viewersOf(qint64 customerId, quint64 except) const;
    /// Connections of supervisors that are signed in.
    QList<quint64> supervisorConnections() const;

Q_SIGNALS:
    /// An ephemeral frame for one connection.
    void frameFor(quint64 connection, const threadline::protocol::Envelope &frame);
    /// Someone's presence changed (the queue monitor recounts).
    void presenceChanged();

private:
    struct Desk {
        QString user;
        QString role;
        qint64 viewing = 0;
    };
    /// Tells everyone viewing `customerId` (except the connection that caused it) who else is.
    void tellViewers(qint64 customerId, quint64 except = 0);
    void tellSupervisors(const QString &user);

    QHash<quint64, Desk> m_desks;
    QHash<QString, QString> m_presence; ///< chosen presence per user while signed in
};

} // namespace threadline::server
