// SPDX-License-Identifier: GPL-3.0-or-later
// Untrusted email HTML to text (server/html_text) and the quote splitter the email ingress
// runs on the result (server/quoted_reply), and the sanitiser message.html answers with
// (server/html_sanitiser). libFuzzer's -timeout catches super-linear inputs; the invariants
// are about the shape of the text and about nothing active surviving sanitising.
#include "server/html_sanitiser.h"
#include "server/html_text.h"
#include "server/quoted_reply.h"
#include "tests/fuzz/fuzz_support.h"

#include <QRegularExpression>

using namespace threadline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = fuzz::text(data, size);
    const QString text = server::htmlToText(html);
    FUZZ_CHECK(text == text.trimmed(), html);
    FUZZ_CHECK(!text.contains(u'\r'), html);
    FUZZ_CHECK(!text.contains(QLatin1String("\n\n\n")), html);
    // Text without markup or references stays itself (spacing aside).
    if (!html.contains(u'<') && !html.contains(u'&') && !html.contains(u'\r')) {
        FUZZ_CHECK(text.simplified() == html.simplified()
                       || html.contains(QChar(0x00A0)) || html.contains(QChar(0x2028))
                       || html.contains(QChar(0x2029)),
                   html);
    }

    const server::QuotedReply split = server::splitQuotedReply(text);
    FUZZ_CHECK(split.reply == split.reply.trimmed(), text);

    // Whatever went in, nothing that runs or loads comes out. Text is escaped, so '<' only
    // starts markup the sanitiser wrote itself: every tag is a kept element with allowed
    // attributes, and every link goes to http, https or mailto.
    static const QRegularExpression tagShape(
        QStringLiteral("^</?([a-z0-9]+)((?: [a-z]+=\"[^\"<>]*\")*)>$"));
    static const QRegularExpression attributeShape(QStringLiteral(" ([a-z]+)=\"([^\"]*)\""));
    static const QStringList allowedAttributes{
        QStringLiteral("href"),    QStringLiteral("dir"),     QStringLiteral("lang"),
        QStringLiteral("title"),   QStringLiteral("align"),   QStringLiteral("colspan"),
        QStringLiteral("rowspan"), QStringLiteral("valign"),  QStringLiteral("start"),
        QStringLiteral("type"),    QStringLiteral("color"),   QStringLiteral("size")};
    const QString safe = server::sanitiseEmailHtml(html);
    for (qsizetype open = safe.indexOf(u'<'); open >= 0; open = safe.indexOf(u'<', open + 1)) {
        const qsizetype close = safe.indexOf(u'>', open);
        FUZZ_CHECK(close > open, html);
        const QString tag = safe.mid(open, close - open + 1);
        const auto shape = tagShape.match(tag);
        FUZZ_CHECK(shape.hasMatch(), html);
        for (const QString &bad : {QStringLiteral("script"), QStringLiteral("style"),
                                  QStringLiteral("iframe"), QStringLiteral("img"),
                                  QStringLiteral("object"), QStringLiteral("embed")})
            FUZZ_CHECK(shape.captured(1) != bad, html);
        auto attributes = attributeShape.globalMatch(shape.captured(2));
        while (attributes.hasNext()) {
            const auto a = attributes.next();
            FUZZ_CHECK(allowedAttributes.contains(a.captured(1)), html);
            if (a.captured(1) == QLatin1String("href"))
                FUZZ_CHECK(a.captured(2).startsWith(QLatin1String("http://")) ||
                               a.captured(2).startsWith(QLatin1String("https://")) ||
                               a.captured(2).startsWith(QLatin1String("mailto:")),
                           html);
            else
                FUZZ_CHECK(!a.captured(2).contains(u':') && !a.captured(2).contains(u'('), html);
        }
    }
    return 0;
}
