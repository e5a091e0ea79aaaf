// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sms_ingress.h"

#include "services/logging/log.h"

#include <QJsonArray>

namespace threadline::server {
namespace {

const QString kSource = QStringLiteral("twilio");
constexpr qsizetype kMaxBodyBytes = 64 * 1024;

QString field(const FormFields &form, const char *name)
{
    return formValue(form, QLatin1String(name));
}

IngressAnswer badRequest(const QString &why)
{
    return IngressAnswer::error(400, QStringLiteral("bad_request"), why);
}

IngressAnswer internal(const QString &why)
{
    TL_LOG("hub", error) << "sms ingress: " << why;
    return IngressAnswer::error(500, QStringLiteral("internal"),
                                QStringLiteral("could not store the message; Twilio may retry"));
}

// Delivery moves forward only; delivered and failed are final.
int rank(const QString &status)
{
    if (status == QLatin1String("queued"))
        return 1;
    if (status == QLatin1String("sent"))
        return 2;
    if (status == QLatin1String("delivered") || status == QLatin1String("failed"))
        return 3;
    return 0;
}

QString reasonFor(const QString &code, const QString &message)
{
    if (!message.isEmpty())
        return message;
    if (code.isEmpty())
        return {};
    // The commonest delivery errors, in Twilio's words.
    static const QHash<QString, QString> known{
        {QStringLiteral("30003"), QStringLiteral("unreachable destination handset")},
        {QStringLiteral("30004"), QStringLiteral("message blocked")},
        {QStringLiteral("30005"), QStringLiteral("unknown destination handset")},
        {QStringLiteral("30006"), QStringLiteral("landline or unreachable carrier")},
        {QStringLiteral("30007"), QStringLiteral("message filtered by the carrier")},
        {QStringLiteral("30008"), QStringLiteral("unknown error")}};
    return known.value(code, QStringLiteral("Twilio error %1").arg(code));
}

} // namespace

SmsIngress::SmsIngress(HubStore &store, IdentityResolver &resolver)
    : m_store(store), m_ingress(store), m_resolver(resolver)
{
}

QString SmsIngress::statusFromTwilio(const QString &twilioStatus)
{
    const QString s = twilioStatus.trimmed().toLower();
    if (s == QLatin1String("accepted") || s == QLatin1String("scheduled") ||
        s == QLatin1String("queued") || s == QLatin1String("sending"))
        return QStringLiteral("queued");
    if (s == QLatin1String("sent"))
        return QStringLiteral("sent");
    if (s == QLatin1String("delivered") || s == QLatin1String("read"))
        return QStringLiteral("delivered");
    if (s == QLatin1String("failed") || s == QLatin1String("undelivered") ||
        s == QLatin1String("canceled"))
        return QStringLiteral("failed");
    return {};
}

IngressAnswer SmsIngress::receive(const FormFields &form, const QUrlQuery &query)
{
    if (!field(form, "MessageStatus").isEmpty())
        return statusCallback(form, query);
    return inbound(form);
}

IngressAnswer SmsIngress::inbound(const FormFields &form)
{
    QString sid = field(form, "MessageSid");
    if (sid.isEmpty())
        sid = field(form, "SmsSid");
    sid = sid.trimmed();
    if (sid.isEmpty() || sid.size() > 64)
        return badRequest(QStringLiteral("MessageSid is required"));
    const QString from = field(form, "From");
    if (from.trimmed().isEmpty())
        return badRequest(QStringLiteral("From is required"));
    const auto phone = m_resolver.normalise(QStringLiteral("phone"), from);
    if (!phone)
        return badRequest(QStringLiteral("From is not a valid phone number"));
    const QString body = field(form, "Body");
    if (body.toUtf8().size() > kMaxBodyBytes)
        return IngressAnswer::error(413, QStringLiteral("too_large"),
                                    QStringLiteral("Body exceeds 64 KiB"));
    bool numberOk = true;
    const QString numMediaText = field(form, "NumMedia");
    const int numMedia = numMediaText.isEmpty() ? 0 : numMediaText.toInt(&numberOk);
    if (!numberOk || numMedia < 0 || numMedia > kMaxMedia)
        return badRequest(QStringLiteral("NumMedia must be a number from 0 to %1").arg(kMaxMedia));
    QJsonArray media;
    for (int i = 0; i < numMedia; ++i) {
        const QString url = formValue(form, QStringLiteral("MediaUrl%1").arg(i));
        if (url.isEmpty())
            return badRequest(QStringLiteral("MediaUrl%1 is missing").arg(i));
        media.append(QJsonObject{
            {QLatin1String("url"), url},
            {QLatin1String("type"), formValue(form, QStringLiteral("MediaContentType%1").arg(i))}});
    }
    if (body.trimmed().isEmpty() && media.isEmpty())
        return badRequest(QStringLiteral("an SMS needs a Body or media"));

    if (!m_store.beginWork())
        return internal(m_store.lastError());
    auto abort = [&](const QString &why) {
        m_store.rollbackWork();
        return internal(why);
    };
    if (m_ingress.messageByRef(kSource, sid)) {
        m_store.rollbackWork();
        TL_LOG("hub", info) << "sms ingress: " << sid.toStdString() << " already stored";
        return IngressAnswer::emptyTwiml();
    }
    const auto resolution = m_resolver.resolve({*phone}, QString());
    if (!resolution)
        return abort(m_resolver.lastError());
    const auto customer = m_store.customer(resolution->customerId);
    if (!customer)
        return abort(QStringLiteral("customer vanished"));

    protocol::MessagePayload m;
    m.customerId = customer->id;
    m.channel = protocol::channel::sms;
    m.direction = protocol::direction::in;
    m.author = customer->name;
    m.identity = phone->value;
    m.body = body;
    m.status = QStringLiteral("received");
    QJsonObject meta{{QLatin1String("sid"), sid}};
    if (!media.isEmpty())
        meta.insert(QLatin1String("media"), media);
    m.meta = meta;
    const auto appended = m_store.writeMessage(m);
    if (!appended)
        return abort(m_store.lastError());
    if (!m_ingress.addRef(kSource, sid, appended->message.id))
        return abort(m_ingress.lastError());
    if (!m_store.commitWork())
        return abort(m_store.lastError());
    TL_LOG("hub", info) << "sms ingress: message " << appended->message.id << " for customer "
                        << customer->id << (resolution->created ? " (new customer)" : "");
    return IngressAnswer::emptyTwiml();
}

IngressAnswer SmsIngress::statusCallback(const FormFields &form, const QUrlQuery &query)
{
    const QString sid =
        (field(form, "MessageSid").isEmpty() ? field(form, "SmsSid") : field(form, "MessageSid"))
            .trimmed();
    if (sid.isEmpty() || sid.size() > 64)
        return badRequest(QStringLiteral("MessageSid is required"));
    const QString status = statusFromTwilio(field(form, "MessageStatus"));
    if (status.isEmpty()) // e.g. "receiving"/"received": about an inbound message
        return IngressAnswer::emptyTwiml();

    if (!m_store.beginWork())
        return internal(m_store.lastError());
    auto abort = [&](const QString &why) {
        m_store.rollbackWork();
        return internal(why);
    };
    std::optional<qint64> messageId = m_ingress.messageByRef(kSource, sid);
    if (!messageId && query.hasQueryItem(QStringLiteral("message_id"))) {
        bool ok = false;
        const qint64 id = query.queryItemValue(QStringLiteral("message_id")).toLongLong(&ok);
        const auto m = ok ? m_store.message(id) : std::nullopt;
        if (m && m->channel == protocol::channel::sms && m->direction == protocol::direction::out) {
            if (!m_ingress.addRef(kSource, sid, id))
                return abort(m_ingress.lastError());
            messageId = id;
        }
    }
    if (!messageId) {
        m_store.rollbackWork();
        return IngressAnswer::error(404, QStringLiteral("not_found"),
                                    QStringLiteral("no outbound message has this MessageSid"));
    }
    const auto current = m_store.message(*messageId);
    if (!current)
        return abort(QStringLiteral("message vanished"));
    if (rank(status) > rank(current->status) ||
        (status == QLatin1String("failed") && current->status != QLatin1String("failed") &&
         current->status != QLatin1String("delivered"))) {
        const QString reason =
            status == QLatin1String("failed")
                ? reasonFor(field(form, "ErrorCode"), field(form, "ErrorMessage"))
                : QString();
        if (!m_store.writeMessageStatus(*messageId, status, reason))
            return abort(m_store.lastError());
    }
    if (!m_store.commitWork())
        return abort(m_store.lastError());
    return IngressAnswer::emptyTwiml();
}

} // namespace threadline::server
