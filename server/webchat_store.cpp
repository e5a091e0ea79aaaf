// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/webchat_store.h"

#include "server/webchat_frames.h"
#include "services/logging/log.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace threadline::server {
namespace {

const QString kRefSource = QStringLiteral("webchat");

QString newToken()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

WebChatStore::WebChatStore(HubStore &store, IdentityResolver &resolver)
    : m_store(store), m_resolver(resolver), m_refs(store)
{
}

QString WebChatStore::chatIdFor(const QString &token)
{
    // 96 bits of the hash: unique enough, and the token cannot be read back from it.
    const QByteArray hash = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("web-") + QString::fromLatin1(hash.left(12).toHex());
}

bool WebChatStore::fail(const QString &why)
{
    m_lastError = why;
    return false;
}

std::variant<WebChatStore::Started, WebChatStore::Refused>
WebChatStore::start(const QString &name, const QString &phone, const QString &email)
{
    QList<protocol::IdentityPayload> identities;
    const QString token = newToken();
    identities.append(protocol::IdentityPayload{QStringLiteral("chat"), chatIdFor(token)});
    if (!phone.isEmpty()) {
        const auto p = m_resolver.normalise(QStringLiteral("phone"), phone);
        if (!p)
            return Refused{webchat::code::badPhone,
                           QStringLiteral("this is not a phone number we can reach")};
        identities.append(*p);
    }
    if (!email.isEmpty()) {
        const auto e = m_resolver.normalise(QStringLiteral("email"), email);
        if (!e)
            return Refused{webchat::code::badEmail,
                           QStringLiteral("this is not an email address")};
        identities.append(*e);
    }
    // The chat identity is new, so the phone (then the email) decides whose chat it is.
    // Passing them after it keeps the resolver's rule: first owned identity wins.
    const Refused internal{webchat::code::internal, QStringLiteral("the chat could not start")};
    if (!m_store.beginWork()) {
        fail(m_store.lastError());
        return internal;
    }
    const auto resolution = m_resolver.resolve(identities, name);
    if (!resolution) {
        m_store.rollbackWork();
        fail(m_resolver.lastError());
        return internal;
    }
    const auto customer = m_store.customer(resolution->customerId);
    if (!customer || !m_store.commitWork()) {
        m_store.rollbackWork();
        fail(customer ? m_store.lastError() : QStringLiteral("customer vanished"));
        return internal;
    }
    TL_LOG("hub", info) << "web chat: visitor started for customer " << customer->id
                        << (resolution->created ? " (new customer)" : "") << ", "
                        << resolution->conflicting.size() << " identity(ies) left with another";
    return Started{token, ChatVisitor{chatIdFor(token), customer->id, customer->name}};
}

std::optional<ChatVisitor> WebChatStore::visitor(const QString &token)
{
    return current(chatIdFor(token));
}

std::optional<ChatVisitor> WebChatStore::current(const QString &chatId)
{
    const auto customerId = m_store.customerIdByIdentity(QStringLiteral("chat"), chatId);
    if (!customerId)
        return std::nullopt;
    const auto customer = m_store.customer(*customerId);
    if (!customer)
        return std::nullopt;
    return ChatVisitor{chatId, customer->id, customer->name};
}

QList<protocol::MessagePayload> WebChatStore::history(const ChatVisitor &given, int limit)
{
    const auto visitor = current(given.chatId);
    if (!visitor) {
        fail(QStringLiteral("the chat identity has no customer"));
        return {};
    }
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE customer_id = ? AND channel = ?"
                             " AND identity = ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(visitor->customerId);
    q.addBindValue(protocol::channel::chat);
    q.addBindValue(visitor->chatId);
    q.addBindValue(limit);
    QList<qint64> ids;
    if (!q.exec()) {
        fail(q.lastError().text());
        return {};
    }
    while (q.next())
        ids.prepend(q.value(0).toLongLong());
    q.finish();
    QList<protocol::MessagePayload> items;
    for (const qint64 id : std::as_const(ids))
        if (const auto m = m_store.message(id))
            items.append(*m);
    return items;
}

std::optional<protocol::MessagePayload>
WebChatStore::write(const ChatVisitor &given, const QString &clientId, const QString &body)
{
    const auto visitor = current(given.chatId);
    if (!visitor) {
        fail(QStringLiteral("the chat identity has no customer"));
        return std::nullopt;
    }
    const QString ref = visitor->chatId + QLatin1Char(':') + clientId;
    if (!m_store.beginWork()) {
        fail(m_store.lastError());
        return std::nullopt;
    }
    auto abort = [this](const QString &why) -> std::optional<protocol::MessagePayload> {
        m_store.rollbackWork();
        fail(why);
        return std::nullopt;
    };
    if (const auto known = m_refs.messageByRef(kRefSource, ref)) {
        m_store.rollbackWork();
        return m_store.message(*known);
    }
    protocol::MessagePayload m;
    m.customerId = visitor->customerId;
    m.channel = protocol::channel::chat;
    m.direction = protocol::direction::in;
    m.author = visitor->name;
    m.identity = visitor->chatId;
    m.body = body;
    m.status = QStringLiteral("received");
    const auto appended = m_store.writeMessage(m);
    if (!appended)
        return abort(m_store.lastError());
    if (!m_refs.addRef(kRefSource, ref, appended->message.id))
        return abort(m_refs.lastError());
    if (!m_store.commitWork())
        return abort(m_store.lastError());
    return appended->message;
}

bool WebChatStore::markDelivered(const ChatVisitor &visitor, const QList<qint64> &messageIds)
{
    if (!m_store.beginWork())
        return fail(m_store.lastError());
    for (const qint64 id : messageIds) {
        const auto m = m_store.message(id);
        // Only replies on this chat, and delivered once: a page acknowledging twice
        // (two tabs, a reload) changes nothing.
        if (!m || m->channel != protocol::channel::chat ||
            m->direction != protocol::direction::out || m->identity != visitor.chatId ||
            m->status == QLatin1String("delivered"))
            continue;
        if (!m_store.writeMessageStatus(id, QStringLiteral("delivered"))) {
            m_store.rollbackWork();
            return fail(m_store.lastError());
        }
    }
    if (!m_store.commitWork()) {
        m_store.rollbackWork();
        return fail(m_store.lastError());
    }
    return true;
}

} // namespace threadline::server
