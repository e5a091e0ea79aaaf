// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/prepared_queries.h"
#include "services/protocol/payloads.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace threadline::server {

struct DatabaseLocation;

/// At most 140 characters of a thread item, for the customer list.
QString previewOf(const protocol::MessagePayload &message);
/// Subject and body folded for search (services/text); empty for system items.
QString foldedText(const protocol::MessagePayload &message);
/// Whether a thread item answers a waiting customer (a reply, or a logged call).
bool answersCustomer(const protocol::MessagePayload &message);
/// Whether a thread item makes the customer wait for an answer (they wrote to us).
bool startsWait(const protocol::MessagePayload &message);

/// One entry of the durable event log.
struct StoredEvent {
    qint64 seq = 0;
    QString type;
    QJsonObject payload;
};

struct UserRecord {
    qint64 id = 0;
    QString name;
    QString role;
    QString passwordHash;
};

/// Which command a stored change answers, so a retry gets the same answer.
struct CommandKey {
    QString user;
    QString id;
};

/// An answer remembered for a command id: the ack's seq and data.
struct RememberedAnswer {
    qint64 seq = 0;
    QJsonObject data;
};

/// All of the hub's SQL. Every change and the events describing it are written in
/// one transaction; eventsAppended is emitted after the commit, in seq order.
///
/// On PostgreSQL several hubs may share the database. Each unit of work takes one advisory
/// lock first, so event seqs commit in the order they were drawn; each commit NOTIFYs the
/// other hubs, and eventsAppended then carries every event committed after the last one
/// announced — this hub's and other hubs' alike, read back from the log in seq order.
class HubStore : public QObject {
    Q_OBJECT
public:
    enum class OpenMode { CreateIfMissing, MustExist };

    explicit HubStore(QObject *parent = nullptr);
    ~HubStore() override;

    /// Opens and migrates the database: a SQLite file, or a postgresql:// URL (see
    /// database_url.h). Refuses (never overwrites) a file that is not a SQLite database.
    /// Returns an empty string or a sentence for the user (never with a password).
    QString open(const QString &location, OpenMode mode);
    bool isPostgres() const;
    QSqlDatabase database() const;

    // Users and sessions
    QString addUser(const QString &name, const QString &role, const QString &passwordHash);
    std::optional<UserRecord> user(const QString &name);
    /// Every user, by name (password hashes left out).
    QList<UserRecord> users();
    bool addSession(qint64 userId, const QString &tokenHash, qint64 now, qint64 expiresAt);
    std::optional<UserRecord> userForSession(const QString &tokenHash, qint64 now);

    // Customers and their threads
    qint64 customerCount();
    std::optional<protocol::CustomerPayload> customer(qint64 id);
    std::optional<qint64> customerIdByIdentity(const QString &kind, const QString &value);
    QList<protocol::CustomerPayload> customersPage(qint64 afterId, int limit, bool *more);
    QList<protocol::MessagePayload> historyPage(qint64 customerId, qint64 beforeId, int limit,
                                                bool *more);
    /// The identity of `kind` the customer last wrote from (or any of that kind).
    std::optional<QString> preferredIdentity(qint64 customerId, const QString &kind);
    QList<qint64> customerIds();

    // Durable event log
    qint64 currentSeq();
    qint64 oldestSeq();
    QList<StoredEvent> eventsAfter(qint64 since, int limit);

    // Commands
    std::optional<RememberedAnswer> rememberedAnswer(const CommandKey &key, qint64 now);
    /// Forgets command answers older than the memory window.
    void forgetCommandsBefore(qint64 cutoff);

    /// Stores a thread item (its id and `at` filled in), appends message.created and
    /// customer.upserted and, when `command` is set, remembers the ack — in one
    /// transaction. Returns the stored message and the seq of message.created.
    struct Appended {
        protocol::MessagePayload message;
        qint64 seq = 0;
    };
    std::optional<Appended> appendMessage(protocol::MessagePayload message,
                                          const std::optional<CommandKey> &command);
    /// Changes a message's status and appends message.status, in one transaction.
    bool setMessageStatus(qint64 messageId, const QString &status, const QString &reason = {});

    // Units of work: several writes in one transaction; the events they appended are
    // announced (eventsAppended) only after the commit, and dropped on rollback.
    bool beginWork();
    bool commitWork();
    void rollbackWork();
    bool inWork() const { return m_inWork; }

    // Inside a unit of work only:
    /// A new customer with no identities and no items yet (announce it once linked).
    std::optional<qint64> insertCustomer(const QString &name);
    /// Gives an identity to a customer; false when it failed (e.g. owned by another).
    bool linkIdentity(qint64 customerId, const QString &kind, const QString &value);
    /// Appends customer.upserted with the customer as it is now.
    bool announceCustomer(qint64 customerId);
    /// Stores a thread item and appends message.created and customer.upserted.
    std::optional<Appended> writeMessage(protocol::MessagePayload message);
    /// Changes a message's status and appends message.status.
    bool writeMessageStatus(qint64 messageId, const QString &status, const QString &reason = {});
    /// The stored message, or nothing.
    std::optional<protocol::MessagePayload> message(qint64 id);
    /// Appends a durable event of any type; its seq in `seq` when given.
    bool writeEvent(const QString &type, const QJsonObject &payload, qint64 *seq = nullptr);
    /// Remembers a command's answer, so a repeated id gets it again.
    bool rememberAnswer(const CommandKey &command, qint64 seq, const QJsonObject &data);
    /// Ends the customer's open wait (answered, or closed unanswered by a resolve).
    bool endWait(qint64 customerId, qint64 at, bool answered);

    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void eventsAppended(const QList<threadline::server::StoredEvent> &events);

private:
    bool updateConversationFor(const protocol::MessagePayload &message);
    void foldUnfoldedMessages();
    qint64 appendEvent(const QString &type, const QJsonObject &payload, qint64 now);
    bool fail(const QString &what);
    QList<protocol::IdentityPayload> identities(qint64 customerId);
    void commitAndAnnounce(QList<StoredEvent> events);
    QString openSqlite(const QString &path, OpenMode mode);
    QString openPostgres(const DatabaseLocation &where);
    /// PostgreSQL: announces every committed event after m_lastAnnounced, in seq order.
    void announceFromLog();

    QString m_connection;
    PreparedQueries m_prepared; ///< the hot paths' statements, on m_connection
    QString m_lastError;
    bool m_inWork = false;
    QList<StoredEvent> m_pending; ///< events of the open unit of work
    qint64 m_lastAnnounced = 0; ///< the last seq eventsAppended carried (or the log's end at open)
};

} // namespace threadline::server
