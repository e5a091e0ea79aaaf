// SPDX-License-Identifier: GPL-3.0-or-later
// The protocol decoder (both programs parse every frame with it) and the payload readers
// of whatever decodes. Invariants: a decoded frame encodes to one that decodes to the same
// envelope; a payload that reads writes JSON that reads back to the same JSON.
#include "services/protocol/envelope.h"
#include "services/protocol/payloads.h"
#include "tests/fuzz/fuzz_support.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace threadline;
using namespace threadline::protocol;

namespace {

QString show(const Envelope &e)
{
    return QString::fromUtf8(encode(e));
}

template <typename P> void payloadRoundTrip(const QJsonValue &v)
{
    if (!v.isObject())
        return;
    const auto p = P::fromJson(v.toObject());
    if (!p)
        return;
    const QJsonObject once = p->toJson();
    const auto again = P::fromJson(once);
    FUZZ_CHECK(again.has_value(), QString::fromUtf8(QJsonDocument(once).toJson()));
    FUZZ_CHECK(again->toJson() == once, QString::fromUtf8(QJsonDocument(once).toJson()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Decoded decoded = decode(QByteArrayView(data, qsizetype(size)));
    const Envelope *e = std::get_if<Envelope>(&decoded);
    if (!e) {
        const Error &error = std::get<Error>(decoded);
        FUZZ_CHECK(error.code == ErrorCode::BadRequest || error.code == ErrorCode::TooLarge);
        FUZZ_CHECK(!error.message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(!e->type.isEmpty());
    FUZZ_CHECK(e->seq >= 0 && e->prev >= 0);
    FUZZ_CHECK((e->type == QLatin1String("error")) == e->error.has_value());

    // decode(encode(decode(x))) == decode(x)
    const QByteArray wire = encode(*e);
    const Decoded second = decode(wire);
    const Envelope *e2 = std::get_if<Envelope>(&second);
    FUZZ_CHECK(e2, QString::fromUtf8(wire));
    FUZZ_CHECK(e2->type == e->type && e2->id == e->id && e2->seq == e->seq
                   && e2->prev == e->prev,
               show(*e));
    if (e->error) {
        FUZZ_CHECK(e2->error && e2->error->code == e->error->code
                       && e2->error->message == e->error->message,
                   show(*e));
    } else {
        FUZZ_CHECK(e2->data == e->data, show(*e));
    }
    FUZZ_CHECK(encode(*e2) == wire, show(*e));

    // The payloads the frames carry, wherever the types put them.
    const QJsonObject &d = e->data;
    payloadRoundTrip<CustomerPayload>(d);
    payloadRoundTrip<MessagePayload>(d);
    payloadRoundTrip<IdentityPayload>(d);
    for (const char *key : {"customer", "message"}) {
        payloadRoundTrip<CustomerPayload>(d.value(QLatin1String(key)));
        payloadRoundTrip<MessagePayload>(d.value(QLatin1String(key)));
    }
    for (const char *key : {"customers", "messages", "items", "results"}) {
        const QJsonValue v = d.value(QLatin1String(key));
        if (const auto customers = customersFromJson(v)) {
            const QJsonArray once = toJsonArray(*customers);
            const auto again = customersFromJson(once);
            FUZZ_CHECK(again && toJsonArray(*again) == once);
        }
        if (const auto messages = messagesFromJson(v)) {
            const QJsonArray once = toJsonArray(*messages);
            const auto again = messagesFromJson(once);
            FUZZ_CHECK(again && toJsonArray(*again) == once);
        }
    }
    return 0;
}
