// SPDX-License-Identifier: GPL-3.0-or-later
// Raw email as customers' mail clients really write it (tests/data/ATTRIBUTION.md):
// charsets, RFC 2047 headers, alternatives, HTML-only mail, attachments, and the new
// text told apart from the quoted history the way mailgun/talon expects.
#include "server/email_parser.h"
#include "server/html_text.h"
#include "server/quoted_reply.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace threadline::server;

namespace {
QByteArray data(const QString &relative)
{
    QFile f(QStringLiteral(THREADLINE_SOURCE_DIR "/tests/data/") + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ParsedEmail parsed(const QByteArray &raw)
{
    const auto result = parseEmail(raw);
    if (const auto *e = std::get_if<ParsedEmail>(&result))
        return *e;
    qWarning("parse failed: %s", qPrintable(std::get<EmailParseError>(result).message));
    return {};
}

QByteArray crlf(const char *text)
{
    return QByteArray(text).replace("\n", "\r\n");
}
} // namespace

class TestEmailParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theNewTextOfEveryStandardReplyIsWhatTalonExpects_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(THREADLINE_SOURCE_DIR
                                      "/tests/data/email/quoted-replies/standard_replies"));
        const QStringList files = dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 12);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void theNewTextOfEveryStandardReplyIsWhatTalonExpects()
    {
        QFETCH(QString, file);
        const QString base = QStringLiteral("email/quoted-replies/standard_replies/") + file;
        const ParsedEmail mail = parsed(data(base));
        QVERIFY(!mail.fromAddress.isEmpty());
        QVERIFY(!mail.fromHtml); // text/plain preferred over the HTML alternative
        QByteArray expected = data(base.chopped(4) + QStringLiteral("_reply_text"));
        const QString want =
            expected.isEmpty() ? QStringLiteral("Hello") : QString::fromUtf8(expected).trimmed();
        const QuotedReply split = splitQuotedReply(mail.text);
        QCOMPARE(split.reply, want);
        QVERIFY2(!split.quoted.isEmpty(), "the quoted history is kept apart");
    }

    void quotedHistoryStartsAtItsHeader()
    {
        const ParsedEmail mail =
            parsed(data(QStringLiteral("email/quoted-replies/standard_replies/gmail.eml")));
        const QuotedReply split = splitQuotedReply(mail.text);
        QVERIFY(split.quoted.startsWith(QStringLiteral("On Mon, Apr 2, 2012 at 6:26 PM")));
        QVERIFY(split.quoted.endsWith(QStringLiteral("> Hi")));
        QCOMPARE(mail.fromName, QStringLiteral("Megan One"));
        QCOMPARE(
            mail.messageId,
            QStringLiteral("CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d=pXtCNnYnbe7PLg@mail.gmail.com"));
    }

    void textWithoutAQuoteIsAllReply()
    {
        const QuotedReply split = splitQuotedReply(QStringLiteral("Hi,\n\nwhere is order 1001?\n"));
        QCOMPARE(split.reply, QStringLiteral("Hi,\n\nwhere is order 1001?"));
        QVERIFY(split.quoted.isEmpty());
    }

    void theArabicAutoReplyIsDecodedAndFlagged()
    {
        const ParsedEmail mail = parsed(data(QStringLiteral("email/arabic/arabic-auto-reply.eml")));
        QCOMPARE(mail.fromAddress, QStringLiteral("example@gmail.com"));
        QCOMPARE(mail.fromName, QStringLiteral(u"متجر سوق نت"));
        QCOMPARE(mail.subject, QStringLiteral(u"أهلين عميلنا الكريم"));
        QCOMPARE(mail.text.trimmed(),
                 QStringLiteral(u"أنظروا، أنا أحتاجها فقط لتقوم بالتدقيق في مقالتي الشخصية"));
        QVERIFY(mail.autoReply);
        QCOMPARE(mail.inReplyTo,
                 QStringLiteral("4e6e35f5a38b4_479f13bb90078178@small-app-01.mail"));
    }

    void legacyCharsetsBecomeUtf8_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("text");
        QTest::newRow("windows-1256 (Persian)")
            << QStringLiteral("windows-1256") << QStringLiteral(u"پيگيري سفارش")
            << QStringLiteral(u"سلام، سفارش من هنوز نرسيده است.");
        QTest::newRow("ISO-8859-6 (Arabic)")
            << QStringLiteral("iso-8859-6") << QStringLiteral(u"طلب رقم 1001")
            << QStringLiteral(u"مرحبا، أين طلبي؟");
        QTest::newRow("KOI8-R (Russian)")
            << QStringLiteral("koi8-r") << QStringLiteral(u"Заказ номер 1001")
            << QStringLiteral(u"Здравствуйте, где мой заказ?");
    }
    void legacyCharsetsBecomeUtf8()
    {
        QFETCH(QString, file);
        QFETCH(QString, subject);
        QFETCH(QString, text);
        const ParsedEmail mail =
            parsed(data(QStringLiteral("email/charsets/") + file + QStringLiteral(".eml")));
        QCOMPARE(mail.subject, subject);
        QCOMPARE(mail.text.trimmed(), text);
        QVERIFY(!mail.autoReply);
    }

    void anHtmlOnlyMailBecomesTextWithoutRunningAnything()
    {
        const ParsedEmail mail = parsed(crlf(
            "From: Sara <sara@example.ir>\nSubject: "
            "=?UTF-8?Q?Re:_=D8=B3=D9=81=D8=A7=D8=B1=D8=B4?=\n"
            "Message-ID: <html-only@example.ir>\nMIME-Version: 1.0\n"
            "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: "
            "quoted-printable\n\n"
            "<html><head><title>t</title><style>p{color:red}</style>"
            "<script>alert('x')</script></head><body><p>Thanks &amp; <b>regards</b>,</p>"
            "<img src=3D\"https://tracker.example/p.gif\"><p>Sara &lt;3 &#1587;&#x644;</p>"
            "<div>On Mon, Nov 25, 2024 at 10:00 AM, Shop &lt;shop@example.ir&gt; wrote:<br>"
            "<blockquote>Your order shipped.<br>Tracking: 42</blockquote></div></body></html>\n"));
        QVERIFY(mail.fromHtml);
        QCOMPARE(mail.subject, QStringLiteral(u"Re: سفارش"));
        QVERIFY(!mail.text.contains(QStringLiteral("alert")));
        QVERIFY(!mail.text.contains(QStringLiteral("color")));
        QVERIFY(!mail.text.contains(QStringLiteral("tracker")));
        const QuotedReply split = splitQuotedReply(mail.text);
        QCOMPARE(split.reply, QStringLiteral(u"Thanks & regards,\n\nSara <3 سل"));
        QVERIFY(split.quoted.contains(QStringLiteral("> Your order shipped.\n> Tracking: 42")));
    }

    void alternativesPreferPlainTextAndAttachmentsAreListedWithTheirBytes()
    {
        const ParsedEmail mail = parsed(crlf(
            "From: =?UTF-8?B?2LLZh9ix2Kc=?= <Zahra@Example.IR>\nTo: shop@example.ir\n"
            "Subject: invoice\nMessage-ID: <att@example.ir>\n"
            "References: <a@shop> <b@shop>\nIn-Reply-To: <b@shop>\n"
            "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"outer\"\n\n"
            "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
            "--inner\nContent-Type: text/plain; charset=utf-8\n\nplain wins\n"
            "--inner\nContent-Type: text/html; charset=utf-8\n\n<p>html loses</p>\n"
            "--inner--\n"
            "--outer\nContent-Type: application/pdf; name=\"factor.pdf\"\n"
            "Content-Disposition: attachment; filename=\"=?UTF-8?B?2YHYp9qp2KrZiNixLnBkZg==?=\"\n"
            "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcOkw7zDtsOfCg==\n"
            "--outer\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n"
            "iVBORw0KGgo=\n--outer--\n"));
        QCOMPARE(mail.fromName, QStringLiteral(u"زهرا"));
        QCOMPARE(mail.text.trimmed(), QStringLiteral("plain wins"));
        QCOMPARE(mail.references,
                 (QStringList{QStringLiteral("a@shop"), QStringLiteral("b@shop")}));
        QCOMPARE(mail.inReplyTo, QStringLiteral("b@shop"));
        QCOMPARE(mail.attachments.size(), 2);
        QCOMPARE(mail.attachments.at(0).name, QStringLiteral(u"فاکتور.pdf"));
        QCOMPARE(mail.attachments.at(0).contentType, QStringLiteral("application/pdf"));
        QCOMPARE(mail.attachments.at(0).data,
                 QByteArray::fromBase64("JVBERi0xLjQKJcOkw7zDtsOfCg=="));
        QCOMPARE(mail.attachments.at(1).contentType, QStringLiteral("image/png"));
        QCOMPARE(mail.attachments.at(1).data.size(), 8);
    }

    void autoRepliesAreRecognisedByTheirHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("autoReply");
        QTest::newRow("Auto-Submitted: auto-replied")
            << QByteArray("Auto-Submitted: auto-replied") << true;
        QTest::newRow("Auto-Submitted: auto-generated")
            << QByteArray("Auto-Submitted: Auto-Generated") << true;
        QTest::newRow("Auto-Submitted: no") << QByteArray("Auto-Submitted: no") << false;
        QTest::newRow("X-Autoreply: yes") << QByteArray("X-Autoreply: yes") << true;
        QTest::newRow("Precedence: auto_reply") << QByteArray("Precedence: auto_reply") << true;
        QTest::newRow("Precedence: bulk") << QByteArray("Precedence: bulk") << false;
    }
    void autoRepliesAreRecognisedByTheirHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, autoReply);
        const ParsedEmail mail =
            parsed("From: a@example.ir\r\n" + header + "\r\nSubject: x\r\n\r\nOut of office\r\n");
        QCOMPARE(mail.autoReply, autoReply);
    }

    void inputThatIsNotAMessageIsRefused()
    {
        QVERIFY(std::holds_alternative<EmailParseError>(parseEmail(QByteArray())));
        QVERIFY(std::holds_alternative<EmailParseError>(parseEmail("just some words\r\n")));
        QVERIFY(std::holds_alternative<EmailParseError>(
            parseEmail("Subject: no sender\r\n\r\nbody\r\n")));
        QByteArray noise(4096, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919) & 0xff);
        QVERIFY(std::holds_alternative<EmailParseError>(parseEmail(noise)));
    }

    void brokenMimeIsDecodedAsWellAsItCanBe()
    {
        // A boundary that never closes, bad base64 and an unknown charset.
        const ParsedEmail mail = parsed(
            crlf("From: x@example.ir\nSubject: broken\nMIME-Version: 1.0\n"
                 "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
                 "Content-Type: text/plain; charset=x-no-such-charset\n\nstill readable\n--b\n"
                 "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
                 "!!!not base64***\n"));
        QCOMPARE(mail.text.trimmed(), QStringLiteral("still readable"));
        QCOMPARE(mail.attachments.size(), 1);
    }

    void htmlToTextHandlesBrokenMarkup()
    {
        QCOMPARE(htmlToText(QStringLiteral("<p>a<b>b</p>c <unclosed")), QStringLiteral("ab\nc"));
        QCOMPARE(htmlToText(QStringLiteral("x &unknown; &#0; &#x110000; y")),
                 QStringLiteral(u"x &unknown; \uFFFD \uFFFD y"));
        QCOMPARE(htmlToText(QStringLiteral("<script>never</script ><style a='>'>x</style>ok")),
                 QStringLiteral("ok"));
        QCOMPARE(htmlToText(QStringLiteral("<pre>a\n  b</pre>")), QStringLiteral("a\n  b"));
    }
};

QTEST_GUILESS_MAIN(TestEmailParser)
#include "tst_email_parser.moc"
