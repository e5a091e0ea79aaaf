// SPDX-License-Identifier: GPL-3.0-or-later
// What an email brought besides its text: attachment.get (an attachment's bytes, a slice
// per ack) and message.html (its original formatting, sanitised). Read-only.
#include "server/attachment_store.h"
#include "server/command_input.h"
#include "server/email_parser.h"
#include "server/html_sanitiser.h"
#include "server/hub_commands.h"
#include "services/protocol/frame_types.h"
#include "services/text/safe_text.h"

namespace threadline::server {
namespace {

using namespace command_input;
using protocol::Envelope;
using protocol::makeAck;
using protocol::makeError;

// The sanitised HTML travels in one ack; its frame must stay under the protocol's limit.
constexpr qsizetype kMaxHtmlBytes = 768 * 1024;

} // namespace

std::variant<protocol::MessagePayload, Envelope>
HubCommands::emailOf(const Envelope &c, const SessionState &s)
{
    qint64 messageId = 0;
    if (!readInt(c.data, "message_id", messageId) || messageId <= 0)
        return badRequest(c, QStringLiteral("message_id must be a positive integer"));
    const auto message = m_store.message(messageId);
    // Store staff learn nothing about customers they did not reach through an order; they
    // are told "not found" like anyone asking for a message that is not there.
    if (!message ||
        (s.user.role == role::store && !s.orderCustomers.contains(message->customerId)))
        return notFound(c, QStringLiteral("no message %1").arg(messageId));
    if (message->channel != protocol::channel::email)
        return notFound(c, QStringLiteral("message %1 is not an email").arg(messageId));
    return *message;
}

Envelope HubCommands::attachmentGet(const Envelope &c, const SessionState &s)
{
    const auto found = emailOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&found))
        return *error;
    const auto &message = std::get<protocol::MessagePayload>(found);
    qint64 index = 0;
    qint64 offset = 0;
    if (!readInt(c.data, "index", index) || index < 0)
        return badRequest(c, QStringLiteral("index must be a non-negative integer"));
    if (c.data.contains(k("offset")) && (!readInt(c.data, "offset", offset) || offset < 0))
        return badRequest(c, QStringLiteral("offset must be a non-negative integer"));

    AttachmentStore attachments(m_store);
    const QList<AttachmentRecord> listed = attachments.ofMessage(message.id);
    if (index >= listed.size())
        return notFound(c, QStringLiteral("message %1 has no attachment %2")
                               .arg(message.id)
                               .arg(index));
    const AttachmentRecord &a = listed.at(qsizetype(index));
    if (offset > a.size)
        return badRequest(c, QStringLiteral("offset is past the end (%1 bytes)").arg(a.size));
    const qint64 length = std::min(protocol::kMaxAttachmentSliceBytes, a.size - offset);
    const auto bytes = length > 0 ? attachments.slice(a.id, offset, length) : QByteArray();
    if (!bytes || bytes->size() != length)
        return makeError(c.id, protocol::ErrorCode::Internal,
                         QStringLiteral("could not read the attachment; retry"));
    return makeAck(c.id,
                   QJsonObject{{k("message_id"), message.id},
                               {k("index"), index},
                               {k("name"), text::neutraliseBidiStrict(a.name)},
                               {k("type"), a.contentType},
                               {k("size"), a.size},
                               {k("offset"), offset},
                               {k("data"), QString::fromLatin1(bytes->toBase64())},
                               {k("done"), offset + length >= a.size}},
                   0);
}

Envelope HubCommands::messageHtml(const Envelope &c, const SessionState &s)
{
    const auto found = emailOf(c, s);
    if (const auto *error = std::get_if<Envelope>(&found))
        return *error;
    const auto &message = std::get<protocol::MessagePayload>(found);
    // Sanitised from the raw message on every request: the stored raw bytes are the one
    // truth, and a stricter sanitiser applies to old mail too.
    const auto raw = AttachmentStore(m_store).rawEmail(message.id);
    const auto parsed = raw ? parseEmail(*raw) : std::variant<ParsedEmail, EmailParseError>(
                                                     EmailParseError{QString()});
    const auto *mail = std::get_if<ParsedEmail>(&parsed);
    if (!mail || mail->html.isEmpty())
        return notFound(c, QStringLiteral("message %1 has no HTML part").arg(message.id));
    const QString html = sanitiseEmailHtml(mail->html);
    if (html.toUtf8().size() > kMaxHtmlBytes)
        return makeError(c.id, protocol::ErrorCode::TooLarge,
                         QStringLiteral("the formatted message is too large to show"));
    return makeAck(c.id, QJsonObject{{k("message_id"), message.id}, {k("html"), html}}, 0);
}

} // namespace threadline::server
