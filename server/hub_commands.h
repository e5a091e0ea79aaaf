// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/hub_store.h"
#include "server/phone_normaliser.h"
#include "services/protocol/envelope.h"

#include <QString>
#include <optional>

namespace threadline::server {

/// Who is on the other end of a connection once `hello` succeeded.
struct SessionUser {
    QString name;
    QString role;
};

namespace role {
inline const QString agent = QStringLiteral("agent");
inline const QString supervisor = QStringLiteral("supervisor");
inline const QString store = QStringLiteral("store");
bool isKnown(const QString &r);
} // namespace role

/// The outcome of a `hello`: the answer to send and, on success, how to resume.
struct HelloOutcome {
    protocol::Envelope answer; ///< welcome or error
    std::optional<SessionUser> user;
    bool replay = false; ///< false: resync
    qint64 since = 0;    ///< where the event stream continues from
};

/// The hub's commands, independent of the WebSocket: validates, checks roles,
/// answers repeated command ids from memory and writes through HubStore.
class HubCommands {
public:
    HubCommands(HubStore &store, PhoneNormaliser phones);

    HelloOutcome hello(const protocol::Envelope &hello);
    protocol::Envelope handle(const protocol::Envelope &command, const SessionUser &user);

    /// Whether a durable event may be sent to a user of `role`.
    static bool visibleTo(const QString &role, const StoredEvent &event);

private:
    protocol::Envelope sendMessage(const protocol::Envelope &c, const SessionUser &user);
    protocol::Envelope addNote(const protocol::Envelope &c, const SessionUser &user);
    protocol::Envelope customersPage(const protocol::Envelope &c);
    protocol::Envelope historyPage(const protocol::Envelope &c);
    protocol::Envelope store(const protocol::Envelope &c, const SessionUser &user,
                             const protocol::MessagePayload &message);
    std::optional<QString> identityOf(qint64 customerId, const QString &kind, const QString &given,
                                      QString *why);

    HubStore &m_store;
    PhoneNormaliser m_phones;
};

} // namespace threadline::server
