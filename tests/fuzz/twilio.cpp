// SPDX-License-Identifier: GPL-3.0-or-later
// Twilio's webhook form body and request signature (server/twilio_signature).
// Input: the URL on the first line, the X-Twilio-Signature on the second, the body after.
// Invariants: what compute() signs, verify() accepts (with the URL as given), a changed
// signature is refused, and verify() never throws or reads out of bounds on any input.
#include "server/sms_ingress.h"
#include "server/twilio_signature.h"
#include "tests/fuzz/fuzz_support.h"

using namespace threadline;
using namespace threadline::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = fuzz::bytes(data, size);
    const qsizetype nl1 = in.indexOf('\n');
    const qsizetype nl2 = nl1 < 0 ? -1 : in.indexOf('\n', nl1 + 1);
    const QString url = QString::fromUtf8(nl1 < 0 ? in : in.left(nl1));
    const QByteArray signature = nl1 < 0 ? QByteArray() : in.mid(nl1 + 1, nl2 < 0 ? -1 : nl2 - nl1 - 1);
    const QByteArray body = nl2 < 0 ? QByteArray() : in.mid(nl2 + 1);

    const FormFields form = parseForm(body);
    qsizetype pairs = 0;
    for (const QByteArray &pair : body.split('&'))
        pairs += pair.isEmpty() ? 0 : 1;
    FUZZ_CHECK(form.size() == pairs);
    const QByteArray token("12345678901234567890123456789012");

    // The attacker's signature: any bytes, must not crash (a match is a 2^-160 event).
    twilio_signature::verify(token, url, form, signature);
    // What is signed verifies; one changed character does not.
    const QByteArray right = twilio_signature::compute(token, url, form);
    FUZZ_CHECK(right.size() == 28, url); // base64 of 20 bytes
    FUZZ_CHECK(twilio_signature::verify(token, url, form, right), url);
    QByteArray wrong = right;
    wrong[0] = wrong.at(0) == 'A' ? 'B' : 'A';
    FUZZ_CHECK(!twilio_signature::verify(token, url, form, wrong), url);
    FUZZ_CHECK(!twilio_signature::verify(QByteArray(), url, form, right));

    SmsIngress::statusFromTwilio(formValue(form, QStringLiteral("MessageStatus")));
    return 0;
}
