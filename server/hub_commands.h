// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/agent_floor.h"
#include "server/conversation_store.h"
#include "server/customer_merge_store.h"
#include "server/customer_search.h"
#include "server/desk_store.h"
#include "server/hub_store.h"
#include "server/ingress_store.h"
#include "server/order_desk.h"
#include "server/phone_normaliser.h"
#include "server/read_marker_store.h"
#include "services/protocol/envelope.h"

#include <QSet>
#include <QString>
#include <functional>
#include <optional>
#include <variant>

namespace threadline::server {

/// Who is on the other end of a connection once `hello` succeeded.
struct SessionUser {
    QString name;
    QString role;
};

/// What the hub keeps about one signed-in connection.
struct SessionState {
    SessionUser user;
    quint64 connection = 0; ///< the connection's number on the AgentFloor
    /// Store staff: the customers of orders looked up on this connection; only their
    /// threads may be read, noted and followed live.
    QSet<qint64> orderCustomers;
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

/// The hub's commands, independent of the WebSocket: checks the role (role_table),
/// answers repeated command ids from memory, validates, and writes through the stores,
/// each change in one transaction with its events. Implemented in hub_commands.cpp,
/// conversation_commands.cpp, customer_merge_commands.cpp, desk_commands.cpp and
/// order_commands.cpp and read_marker_commands.cpp.
class HubCommands {
public:
    HubCommands(HubStore &store, PhoneNormaliser phones, AgentFloor &floor);

    HelloOutcome hello(const protocol::Envelope &hello);
    protocol::Envelope handle(const protocol::Envelope &command, SessionState &session);

    /// Whether a durable event may be sent on this connection.
    static bool visibleTo(const SessionState &session, const StoredEvent &event);

private:
    /// The data and seq of a successful change (seq 0: nothing was written).
    struct Change {
        QJsonObject data;
        qint64 seq = 0;
    };
    using Outcome = std::variant<Change, protocol::Envelope>;
    /// Runs `work` in one unit of work, remembers its answer under the command id and
    /// commits; an Envelope from `work` (an error) rolls everything back.
    protocol::Envelope inWork(const protocol::Envelope &c, const SessionState &s,
                              const std::function<Outcome()> &work);
    /// Agents may only change conversations that are theirs or unassigned.
    std::optional<protocol::Envelope> mayChange(const protocol::Envelope &c,
                                                const SessionState &s,
                                                const protocol::CustomerPayload &customer);
    /// The customer named by data.customer_id, or the error to answer.
    std::variant<protocol::CustomerPayload, protocol::Envelope>
    customerOf(const protocol::Envelope &c, const SessionState &s);
    /// customerOf, and the session may change the conversation (mayChange).
    std::variant<protocol::CustomerPayload, protocol::Envelope>
    changeableCustomerOf(const protocol::Envelope &c, const SessionState &s);
    /// Writes a system item in the customer's thread after a change and answers with the
    /// customer as it is now and the item; its message.created is the answer's seq.
    Outcome answerWithSystemItem(const protocol::Envelope &c, qint64 customerId,
                                 const QString &author, const QString &event,
                                 const QString &body, const QJsonObject &meta);

    protocol::Envelope sendMessage(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope addNote(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope customersPage(const protocol::Envelope &c);
    protocol::Envelope historyPage(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope store(const protocol::Envelope &c, const SessionUser &user,
                             const protocol::MessagePayload &message);
    std::optional<QString> identityOf(qint64 customerId, const QString &kind, const QString &given,
                                      QString *why);
    /// Web chat only, until the live page delivers (webchat): marks a chat reply sent right
    /// after its ack. SMS and email leave through OutboundDispatcher instead.
    void markChatSentSoon(qint64 messageId);

    // conversation_commands.cpp
    protocol::Envelope assign(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope transfer(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope setStatus(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope snooze(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope label(const protocol::Envelope &c, const SessionState &s);

    // customer_merge_commands.cpp
    protocol::Envelope customerMerge(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope customerUnmerge(const protocol::Envelope &c, const SessionState &s);

    // desk_commands.cpp
    protocol::Envelope setPresence(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope typing(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope viewing(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope logCall(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope dispositionsList(const protocol::Envelope &c);
    protocol::Envelope cannedList(const protocol::Envelope &c);
    protocol::Envelope cannedSave(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope cannedDelete(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope search(const protocol::Envelope &c);

    // attachment_commands.cpp
    /// The email item named by data.message_id that the session may read, or the error.
    std::variant<protocol::MessagePayload, protocol::Envelope>
    emailOf(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope attachmentGet(const protocol::Envelope &c, const SessionState &s);
    protocol::Envelope messageHtml(const protocol::Envelope &c, const SessionState &s);

    // order_commands.cpp
    protocol::Envelope orderLookup(const protocol::Envelope &c, SessionState &s);
    protocol::Envelope orderUpdate(const protocol::Envelope &c, const SessionState &s);

    // read_marker_commands.cpp
    protocol::Envelope conversationRead(const protocol::Envelope &c, const SessionState &s);
    /// {user, customer_id, up_to_id, unread}: the ack and the event of conversation.read.
    QJsonObject readState(const QString &user, qint64 customerId, qint64 upToId);
    /// The welcome's `unread`: [{customer_id, count}] for customers with unread items.
    QJsonArray unreadCounts(const QString &user);

    HubStore &m_store;
    PhoneNormaliser m_phones;
    AgentFloor &m_floor;
    ConversationStore m_conversations;
    CustomerMergeStore m_merges;
    DeskStore m_desk;
    IngressStore m_orders;
    OrderDesk m_orderDesk;
    CustomerSearch m_search;
    ReadMarkerStore m_readMarkers;
};

} // namespace threadline::server
