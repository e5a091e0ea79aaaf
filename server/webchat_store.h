// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/identity_resolver.h"
#include "server/ingress_store.h"

#include <QList>
#include <QString>
#include <optional>

namespace threadline::server {

/// A web chat visitor as the hub knows them: the chat identity their token stands for
/// and the customer that identity belongs to.
struct ChatVisitor {
    QString chatId;     ///< the `chat` identity, e.g. "web-3fa94c0d…" (not a secret)
    qint64 customerId = 0;
    QString name;       ///< the customer's name
};

/// The web chat's reads and writes. A visitor token is a random secret the page keeps;
/// the hub stores only its hash, as the value of the customer's `chat` identity, so the
/// identities table is the visitor register and a token alone resumes the chat.
class WebChatStore {
public:
    WebChatStore(HubStore &store, IdentityResolver &resolver);

    /// Why a start failed: a webchat error code and a sentence.
    struct Refused {
        QString code;
        QString message;
    };
    struct Started {
        QString token;
        ChatVisitor visitor;
    };
    /// A new chat: validates the phone and email, resolves the customer (the chat identity
    /// first, then phone, then email: a known phone or email links the chat to its owner;
    /// both given and unknown links them together) and returns a fresh token.
    std::variant<Started, Refused> start(const QString &name, const QString &phone,
                                         const QString &email);
    /// The visitor a token belongs to, or nothing.
    std::optional<ChatVisitor> visitor(const QString &token);
    /// This chat's items (chat channel, this visitor's identity), oldest first, at most `limit`.
    QList<protocol::MessagePayload> history(const ChatVisitor &visitor, int limit = 200);
    /// Stores what the visitor wrote (channel chat, direction in). The same client id again
    /// returns the message stored the first time.
    std::optional<protocol::MessagePayload> write(const ChatVisitor &visitor,
                                                  const QString &clientId, const QString &body);
    /// Marks replies to this visitor delivered; ids of other messages are ignored.
    bool markDelivered(const ChatVisitor &visitor, const QList<qint64> &messageIds);

    QString lastError() const { return m_lastError; }

    /// The chat identity a token stands for.
    static QString chatIdFor(const QString &token);

private:
    bool fail(const QString &why);
    /// The visitor with the customer who owns their chat identity now: an agent may have
    /// merged that customer into another (or undone it) since the chat started.
    std::optional<ChatVisitor> current(const QString &chatId);

    HubStore &m_store;
    IdentityResolver &m_resolver;
    IngressStore m_refs;
    QString m_lastError;
};

} // namespace threadline::server
