// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/html_text.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace threadline::server {
namespace {

QString entity(QStringView name)
{
    static const QHash<QString, QString> named{{QStringLiteral("amp"), QStringLiteral("&")},
                                               {QStringLiteral("lt"), QStringLiteral("<")},
                                               {QStringLiteral("gt"), QStringLiteral(">")},
                                               {QStringLiteral("quot"), QStringLiteral("\"")},
                                               {QStringLiteral("apos"), QStringLiteral("'")},
                                               {QStringLiteral("nbsp"), QStringLiteral(" ")},
                                               {QStringLiteral("zwnj"), QString(QChar(0x200C))},
                                               {QStringLiteral("zwj"), QString(QChar(0x200D))},
                                               {QStringLiteral("lrm"), QString(QChar(0x200E))},
                                               {QStringLiteral("rlm"), QString(QChar(0x200F))},
                                               {QStringLiteral("hellip"), QString(QChar(0x2026))},
                                               {QStringLiteral("mdash"), QString(QChar(0x2014))},
                                               {QStringLiteral("ndash"), QString(QChar(0x2013))},
                                               {QStringLiteral("laquo"), QString(QChar(0x00AB))},
                                               {QStringLiteral("raquo"), QString(QChar(0x00BB))},
                                               {QStringLiteral("copy"), QString(QChar(0x00A9))},
                                               {QStringLiteral("rsquo"), QString(QChar(0x2019))},
                                               {QStringLiteral("lsquo"), QString(QChar(0x2018))},
                                               {QStringLiteral("rdquo"), QString(QChar(0x201D))},
                                               {QStringLiteral("ldquo"), QString(QChar(0x201C))},
                                               {QStringLiteral("bull"), QString(QChar(0x2022))},
                                               {QStringLiteral("euro"), QString(QChar(0x20AC))}};
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint code = name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X')
                              ? name.mid(2).toUInt(&ok, 16)
                              : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QString(QChar(0xFFFD));
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    return named.value(name.toString().toLower());
}

bool isBlock(const QString &tag)
{
    static const QSet<QString> blocks{
        QStringLiteral("p"),       QStringLiteral("div"),        QStringLiteral("br"),
        QStringLiteral("li"),      QStringLiteral("tr"),         QStringLiteral("h1"),
        QStringLiteral("h2"),      QStringLiteral("h3"),         QStringLiteral("h4"),
        QStringLiteral("h5"),      QStringLiteral("h6"),         QStringLiteral("hr"),
        QStringLiteral("table"),   QStringLiteral("ul"),         QStringLiteral("ol"),
        QStringLiteral("pre"),     QStringLiteral("blockquote"), QStringLiteral("section"),
        QStringLiteral("article"), QStringLiteral("header"),     QStringLiteral("footer"),
        QStringLiteral("dt"),      QStringLiteral("dd")};
    return blocks.contains(tag);
}

bool dropsContent(const QString &tag)
{
    return tag == QLatin1String("script") || tag == QLatin1String("style") ||
           tag == QLatin1String("head") || tag == QLatin1String("title") ||
           tag == QLatin1String("noscript") || tag == QLatin1String("template");
}

class TextWriter {
public:
    void text(QStringView s, bool pre)
    {
        for (const QChar c : s) {
            if (c == u'\r')
                continue;
            if (pre && c == u'\n') {
                newline();
                continue;
            }
            const bool space = c.isSpace() && c != QChar(0x00A0);
            if (!pre && space) {
                m_pendingSpace = !m_atLineStart;
                continue;
            }
            if (m_atLineStart) {
                for (int i = 0; i < m_depth; ++i)
                    m_out += QStringLiteral("> ");
                m_atLineStart = false;
            } else if (m_pendingSpace) {
                m_out += u' ';
            }
            m_pendingSpace = false;
            m_out += c == QChar(0x00A0) ? QChar(u' ') : c;
        }
    }
    void newline()
    {
        m_out += u'\n';
        m_atLineStart = true;
        m_pendingSpace = false;
    }
    void setDepth(int depth) { m_depth = std::max(0, depth); }
    int depth() const { return m_depth; }
    QString finish()
    {
        static const QRegularExpression trailing(QStringLiteral("[ \\t]+\\n"));
        static const QRegularExpression manyBreaks(QStringLiteral("\\n{3,}"));
        m_out.replace(trailing, QStringLiteral("\n"));
        m_out.replace(manyBreaks, QStringLiteral("\n\n"));
        return m_out.trimmed();
    }

private:
    QString m_out;
    int m_depth = 0;
    bool m_atLineStart = true;
    bool m_pendingSpace = false;
};

} // namespace

QString htmlToText(const QString &html)
{
    TextWriter w;
    QString dropping; // the tag whose content is being skipped
    int preDepth = 0;
    QString run; // text since the last tag, entities decoded
    auto flush = [&] {
        if (dropping.isEmpty())
            w.text(run, preDepth > 0);
        run.clear();
    };
    const qsizetype n = html.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = html.at(i);
        if (c == u'&') {
            qsizetype j = i + 1;
            while (j < n && j - i <= 10 && (html.at(j).isLetterOrNumber() || html.at(j) == u'#'))
                ++j;
            if (j < n && html.at(j) == u';' && j > i + 1) {
                const QString decoded = entity(QStringView(html).mid(i + 1, j - i - 1));
                if (!decoded.isNull()) {
                    run += decoded;
                    i = j + 1;
                    continue;
                }
            }
            run += c;
            ++i;
            continue;
        }
        if (c != u'<') {
            run += c;
            ++i;
            continue;
        }
        // A comment, a declaration or a tag.
        if (QStringView(html).mid(i, 4) == u"<!--") {
            const qsizetype end = html.indexOf(QStringLiteral("-->"), i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        qsizetype j = i + 1;
        QChar quote;
        while (j < n) {
            const QChar d = html.at(j);
            if (!quote.isNull()) {
                if (d == quote)
                    quote = QChar();
            } else if (d == u'"' || d == u'\'') {
                quote = d;
            } else if (d == u'>') {
                break;
            }
            ++j;
        }
        const QStringView inside = QStringView(html).mid(i + 1, j - i - 1);
        i = j + 1;
        const bool closing = inside.startsWith(u'/');
        qsizetype k = closing ? 1 : 0;
        QString tag;
        while (k < inside.size() && (inside.at(k).isLetterOrNumber()))
            tag += inside.at(k++).toLower();
        if (tag.isEmpty()) {
            continue; // <!DOCTYPE>, <?xml?>, or a stray '<'
        }
        flush();
        if (!dropping.isEmpty()) {
            if (closing && tag == dropping)
                dropping.clear();
            continue;
        }
        if (!closing && dropsContent(tag) && !inside.endsWith(u'/')) {
            dropping = tag;
            continue;
        }
        if (tag == QLatin1String("pre"))
            preDepth = std::max(0, preDepth + (closing ? -1 : 1));
        if (tag == QLatin1String("blockquote")) {
            w.newline();
            w.setDepth(w.depth() + (closing ? -1 : 1));
            continue;
        }
        if (isBlock(tag)) {
            w.newline();
            if (!closing && tag == QLatin1String("li"))
                w.text(u"- ", true);
        }
    }
    flush();
    return w.finish();
}

} // namespace threadline::server
