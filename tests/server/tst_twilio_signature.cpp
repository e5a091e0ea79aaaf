// SPDX-License-Identifier: GPL-3.0-or-later
// Twilio's request signature, checked against the vectors in Twilio's own SDK tests
// (twilio-python tests/unit/test_request_validator.py; the same vector is in twilio-php
// and twilio-csharp).
#include "server/twilio_signature.h"

#include <QTest>

using namespace threadline::server;

namespace {
const QByteArray kToken = QByteArrayLiteral("12345");
const QString kUrl = QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=2");

FormFields twilioParams()
{
    // Deliberately not in alphabetical order: the algorithm sorts them.
    return {{QStringLiteral("From"), QStringLiteral("+14158675309")},
            {QStringLiteral("CallSid"), QStringLiteral("CA1234567890ABCDE")},
            {QStringLiteral("To"), QStringLiteral("+18005551212")},
            {QStringLiteral("Digits"), QStringLiteral("1234")},
            {QStringLiteral("Caller"), QStringLiteral("+14158675309")}};
}
} // namespace

class TestTwilioSignature : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theSignatureMatchesTwiliosPublishedVector()
    {
        QCOMPARE(twilio_signature::compute(kToken, kUrl, twilioParams()),
                 QByteArrayLiteral("RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        QVERIFY(twilio_signature::verify(kToken, kUrl, twilioParams(),
                                         QByteArrayLiteral("RSOYDt4T1cUTdK1PDd93/VVr8B8=")));
    }

    void repeatedParametersAreSortedByValueAsTwilioDoes()
    {
        const FormFields params{{QStringLiteral("Sid"), QStringLiteral("CA123")},
                                {QStringLiteral("SidAccount"), QStringLiteral("AC123")},
                                {QStringLiteral("Digits"), QStringLiteral("5678")},
                                {QStringLiteral("Digits"), QStringLiteral("1234")}};
        QCOMPARE(twilio_signature::compute(kToken, kUrl, params),
                 QByteArrayLiteral("IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    void aSignatureMadeWithTheDefaultPortIsAcceptedToo()
    {
        // Twilio's vectors: the https URL signed with :443, the http URL with :80.
        QVERIFY(twilio_signature::verify(kToken, kUrl, twilioParams(),
                                         QByteArrayLiteral("kvajT1Ptam85bY51eRf/AJRuM3w=")));
        QVERIFY(twilio_signature::verify(
            kToken, QStringLiteral("http://mycompany.com/myapp.php?foo=1&bar=2"), twilioParams(),
            QByteArrayLiteral("0ZXoZLH/DfblKGATFgpif+LLRf4=")));
        // And a URL with an explicit port checks the signature made without it.
        QVERIFY(twilio_signature::verify(
            kToken, QStringLiteral("https://mycompany.com:1234/myapp.php?foo=1&bar=2"),
            twilioParams(), QByteArrayLiteral("RSOYDt4T1cUTdK1PDd93/VVr8B8=")));
    }

    void anyTamperingFailsTheCheck()
    {
        const QByteArray good = QByteArrayLiteral("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        FormFields changed = twilioParams();
        changed[3].second = QStringLiteral("9999");
        QVERIFY(!twilio_signature::verify(kToken, kUrl, changed, good));
        QVERIFY(
            !twilio_signature::verify(kToken, kUrl + QStringLiteral("&x=1"), twilioParams(), good));
        QVERIFY(!twilio_signature::verify("other", kUrl, twilioParams(), good));
        QVERIFY(!twilio_signature::verify(kToken, kUrl, twilioParams(), QByteArray()));
        QVERIFY(!twilio_signature::verify(QByteArray(), kUrl, twilioParams(), good));
    }

    void aFormBodyDecodesPlusAndPercentAsUtf8()
    {
        const FormFields form =
            parseForm("Body=%D8%B3%D9%84%D8%A7%D9%85+dear&From=%2B989121234567&Empty=&Flag");
        QCOMPARE(form.size(), 4);
        QCOMPARE(formValue(form, QStringLiteral("Body")), QStringLiteral(u"سلام dear"));
        QCOMPARE(formValue(form, QStringLiteral("From")), QStringLiteral("+989121234567"));
        QCOMPARE(formValue(form, QStringLiteral("Empty")), QString());
        QCOMPARE(formValue(form, QStringLiteral("Missing")), QString());
    }
};

QTEST_GUILESS_MAIN(TestTwilioSignature)
#include "tst_twilio_signature.moc"
