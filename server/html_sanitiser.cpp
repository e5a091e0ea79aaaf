// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/html_sanitiser.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>

namespace threadline::server {
namespace {

// Elements kept as they are (with their allowed attributes). Anything else is unwrapped:
// its children are kept, the element itself is not.
const QSet<QByteArray> &keptElements()
{
    static const QSet<QByteArray> kept{
        "p",  "br",  "div", "span", "b",     "strong", "i",     "em", "u",     "s",
        "sub", "sup", "small", "big", "code", "pre",   "tt",    "blockquote", "q",
        "ul", "ol",  "li",  "dl",   "dt",    "dd",     "h1",    "h2", "h3",    "h4",
        "h5", "h6",  "hr",  "table", "thead", "tbody", "tfoot", "tr", "td",    "th",
        "caption", "a", "font", "center", "abbr", "cite", "del", "ins", "mark"};
    return kept;
}

// Elements dropped with everything inside them: code, styling and what is not meant to be
// read. Everything else not kept is unwrapped (its children still go through the allow-list),
// because libxml2 nests what follows an unclosed element it does not know as void (e.g.
// <embed>) inside it, and dropping that would lose the rest of the mail.
const QSet<QByteArray> &droppedElements()
{
    static const QSet<QByteArray> dropped{
        "script", "style", "head", "title", "noscript", "template", "xml",
        "svg",    "math",  "select", "option", "textarea"};
    return dropped;
}

// Attributes kept, per element ("*" for all). No style, no class, no id, no on*.
bool keepsAttribute(const QByteArray &element, const QByteArray &attribute)
{
    static const QSet<QByteArray> anywhere{"dir", "lang", "title", "align"};
    if (anywhere.contains(attribute))
        return true;
    if ((element == "td" || element == "th") &&
        (attribute == "colspan" || attribute == "rowspan" || attribute == "valign"))
        return true;
    if (element == "ol" && (attribute == "start" || attribute == "type"))
        return true;
    if (element == "font" && (attribute == "color" || attribute == "size"))
        return true;
    return false;
}

// A link target a desktop may offer to open: http, https and mailto, nothing else
// (javascript:, data:, file:, cid:, vbscript: …). Control characters and spaces that
// browsers strip are refused rather than interpreted.
QString safeHref(const QString &value)
{
    const QString trimmed = value.trimmed();
    for (const QChar c : trimmed)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.isSpace())
            return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mailto"))
        return url.toString(QUrl::FullyEncoded);
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
        !url.host().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    return {};
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString utf8(const xmlChar *s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char *>(s)) : QString();
}

struct DocFree {
    void operator()(xmlDoc *d) const { xmlFreeDoc(d); }
};

class Writer {
public:
    QString out;

    void node(xmlNode *n, int depth)
    {
        // libxml2 caps its own nesting; this keeps the recursion bounded whatever it does.
        if (depth > 256)
            return;
        for (; n; n = n->next) {
            switch (n->type) {
            case XML_TEXT_NODE:
            case XML_CDATA_SECTION_NODE:
                out += escaped(utf8(n->content));
                break;
            case XML_ELEMENT_NODE:
                element(n, depth);
                break;
            default: // comments, processing instructions, DTDs: never kept
                break;
            }
        }
    }

private:
    void element(xmlNode *n, int depth)
    {
        const QByteArray name = QByteArray(reinterpret_cast<const char *>(n->name)).toLower();
        if (droppedElements().contains(name))
            return;
        if (name == "img") {
            // An image is never loaded; what it stood for is.
            xmlChar *rawAlt = xmlGetProp(n, BAD_CAST "alt");
            const QString alt = utf8(rawAlt).simplified();
            xmlFree(rawAlt);
            if (!alt.isEmpty())
                out += QLatin1Char('[') + escaped(alt) + QLatin1Char(']');
            node(n->children, depth + 1); // only what a misnesting put there
            return;
        }
        if (!keptElements().contains(name)) {
            node(n->children, depth + 1);
            return;
        }
        out += QLatin1Char('<') + QString::fromLatin1(name);
        for (xmlAttr *a = n->properties; a; a = a->next) {
            const QByteArray attr =
                QByteArray(reinterpret_cast<const char *>(a->name)).toLower();
            xmlChar *raw = xmlNodeListGetString(n->doc, a->children, 1);
            const QString value = utf8(raw);
            xmlFree(raw);
            if (name == "a" && attr == "href") {
                const QString href = safeHref(value);
                if (!href.isEmpty())
                    out += QStringLiteral(" href=\"") + escaped(href) + QLatin1Char('"');
                continue;
            }
            if (!keepsAttribute(name, attr))
                continue;
            // Attribute values are plain words or numbers here; anything with a colon or
            // parenthesis (url(), expression(), javascript:) is not one of them.
            if (value.contains(u':') || value.contains(u'(') || value.contains(u'\\'))
                continue;
            out += QLatin1Char(' ') + QString::fromLatin1(attr) + QStringLiteral("=\"") +
                   escaped(value) + QLatin1Char('"');
        }
        if (name == "br" || name == "hr") {
            out += QStringLiteral(">");
            return;
        }
        out += QLatin1Char('>');
        node(n->children, depth + 1);
        out += QStringLiteral("</") + QString::fromLatin1(name) + QLatin1Char('>');
    }
};

} // namespace

QString sanitiseEmailHtml(const QString &html)
{
    if (html.trimmed().isEmpty())
        return {};
    const QByteArray bytes = html.toUtf8();
    const std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
        bytes.constData(), int(bytes.size()), nullptr, "UTF-8",
        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT));
    if (!doc)
        return html.toHtmlEscaped();
    Writer w;
    // <html> and <body> are unwrapped like any unknown element; <head> is dropped.
    w.node(doc->children, 0);
    return w.out.trimmed();
}

} // namespace threadline::server
