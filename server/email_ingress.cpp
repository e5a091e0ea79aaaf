// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/email_ingress.h"

#include "server/email_parser.h"
#include "server/quoted_reply.h"
#include "services/logging/log.h"
#include "services/text/safe_text.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace threadline::server {
namespace {

const QString kSource = QStringLiteral("email");
constexpr qsizetype kMaxTextBytes = 64 * 1024;

// Keeps a stored text within the protocol's 64 KiB, on a character boundary.
QString capped(const QString &text)
{
    if (text.toUtf8().size() <= kMaxTextBytes)
        return text;
    QString out = text.left(kMaxTextBytes / 3);
    while (out.toUtf8().size() > kMaxTextBytes - 3)
        out.chop(1);
    return out + QChar(0x2026);
}

IngressAnswer internal(const QString &why)
{
    TL_LOG("hub", error) << "email ingress: " << why;
    return IngressAnswer::error(500, QStringLiteral("internal"),
                                QStringLiteral("could not store the message; retry"));
}

} // namespace

EmailIngress::EmailIngress(HubStore &store, IdentityResolver &resolver)
    : m_store(store), m_ingress(store), m_resolver(resolver)
{
}

IngressAnswer EmailIngress::receive(const QByteArray &raw)
{
    const auto parsed = parseEmail(raw);
    if (const auto *error = std::get_if<EmailParseError>(&parsed))
        return IngressAnswer::error(400, QStringLiteral("bad_request"), error->message);
    const ParsedEmail &mail = std::get<ParsedEmail>(parsed);
    const auto address = m_resolver.normalise(QStringLiteral("email"), mail.fromAddress);
    if (!address)
        return IngressAnswer::error(400, QStringLiteral("bad_request"),
                                    QStringLiteral("the From address is not valid"));
    // Without a Message-ID the bytes themselves identify a redelivery.
    const QString key =
        mail.messageId.isEmpty()
            ? QStringLiteral("sha256:") +
                  QString::fromLatin1(
                      QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex())
            : mail.messageId;

    if (!m_store.beginWork())
        return internal(m_store.lastError());
    auto abort = [&](const QString &why) {
        m_store.rollbackWork();
        return internal(why);
    };
    if (const auto existing = m_ingress.messageByRef(kSource, key)) {
        const auto m = m_store.message(*existing);
        m_store.rollbackWork();
        return IngressAnswer::json(
            200, QJsonObject{{QLatin1String("duplicate"), true},
                             {QLatin1String("message_id"), *existing},
                             {QLatin1String("customer_id"), m ? m->customerId : 0}});
    }

    // A reply in a thread the hub knows stays with that thread's customer.
    std::optional<qint64> threadCustomer;
    QStringList parents;
    if (!mail.inReplyTo.isEmpty())
        parents.append(mail.inReplyTo);
    for (qsizetype i = mail.references.size() - 1; i >= 0; --i)
        parents.append(mail.references.at(i));
    for (const QString &parent : std::as_const(parents)) {
        if (const auto id = m_ingress.messageByRef(kSource, parent)) {
            if (const auto m = m_store.message(*id)) {
                threadCustomer = m->customerId;
                break;
            }
        }
    }
    // The address's owner wins over the thread when they differ (a colleague forwarding
    // from their own known address stays theirs); an unknown address joins the thread.
    const auto owner = m_store.customerIdByIdentity(address->kind, address->value);
    const auto resolution =
        m_resolver.resolve({*address}, mail.fromName, owner ? std::nullopt : threadCustomer);
    if (!resolution)
        return abort(m_resolver.lastError());

    const QuotedReply split = splitQuotedReply(mail.text);
    protocol::MessagePayload m;
    m.customerId = resolution->customerId;
    m.channel = protocol::channel::email;
    m.direction = protocol::direction::in;
    m.author = mail.fromName.isEmpty() ? address->value : mail.fromName;
    m.identity = address->value;
    m.subject = mail.subject.left(998);
    m.body = capped(split.reply);
    m.quoted = capped(split.quoted);
    m.status = QStringLiteral("received");
    QJsonObject meta;
    if (!mail.messageId.isEmpty())
        meta.insert(QLatin1String("message_id"), mail.messageId);
    if (!mail.inReplyTo.isEmpty())
        meta.insert(QLatin1String("in_reply_to"), mail.inReplyTo);
    if (mail.autoReply)
        meta.insert(QLatin1String("auto_reply"), true);
    if (mail.fromHtml)
        meta.insert(QLatin1String("from_html"), true);
    // Desktops offer "Show original formatting" (message.html) only where there is some.
    if (!mail.html.trimmed().isEmpty())
        meta.insert(QLatin1String("html"), true);
    // The row ids are known only after the insert; desktops name an attachment by its
    // index here (attachment.get). A name cannot reorder itself to disguise its extension.
    QJsonArray listed;
    for (const EmailAttachment &a : mail.attachments)
        listed.append(QJsonObject{{QLatin1String("index"), listed.size()},
                                  {QLatin1String("name"), text::neutraliseBidiStrict(a.name)},
                                  {QLatin1String("type"), a.contentType},
                                  {QLatin1String("size"), qint64(a.data.size())}});
    if (!listed.isEmpty())
        meta.insert(QLatin1String("attachments"), listed);
    m.meta = meta;

    // The item first (its id anchors the rest), then what hangs off it.
    const auto appended = m_store.writeMessage(m);
    if (!appended)
        return abort(m_store.lastError());
    const qint64 messageId = appended->message.id;
    for (const EmailAttachment &a : mail.attachments) {
        qint64 id = 0;
        if (!m_ingress.addAttachment(messageId, a.name, a.contentType, a.data, &id))
            return abort(m_ingress.lastError());
    }
    if (!m_ingress.addEmailHeaders(messageId, mail.messageId, mail.inReplyTo,
                                   mail.references.join(u' '), raw) ||
        !m_ingress.addRef(kSource, key, messageId))
        return abort(m_ingress.lastError());
    if (!m_store.commitWork())
        return abort(m_store.lastError());
    TL_LOG("hub", info) << "email ingress: message " << messageId << " for customer "
                        << m.customerId << (resolution->created ? " (new customer)" : "")
                        << (threadCustomer ? " (thread)" : "") << ", " << mail.attachments.size()
                        << " attachment(s)";
    return IngressAnswer::json(201, QJsonObject{{QLatin1String("message_id"), messageId},
                                                {QLatin1String("customer_id"), m.customerId}});
}

} // namespace threadline::server
