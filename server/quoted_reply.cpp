// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/quoted_reply.h"

#include <QRegularExpression>
#include <QStringList>

namespace threadline::server {
namespace {

bool isQuoteLine(const QString &line)
{
    return line.trimmed().startsWith(u'>');
}

bool isOriginalMessageBanner(const QString &line)
{
    static const QRegularExpression banner(
        QStringLiteral("^\\s*[-_=]{2,}\\s*(original message|forwarded message|"
                       "ursprüngliche nachricht|message d'origine|mensaje original|"
                       "исходное сообщение|пересылаемое сообщение|الرسالة الأصلية|پیام اصلی)"
                       "\\s*[-_=]{2,}\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return banner.match(line).hasMatch();
}

// Outlook and webmails copy the original's headers: "From: …" soon followed by
// "Sent:"/"Date:"/"To:"/"Subject:" (optionally bold, optionally under a rule).
bool isHeaderBlock(const QStringList &lines, qsizetype i)
{
    static const QRegularExpression from(
        QStringLiteral("^\\s*\\*?(from|de|von|van|da|от|من|از)\\s*:\\*?\\s*\\S"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression next(
        QStringLiteral("^\\s*\\*?(sent|date|to|subject|cc|envoyé|gesendet|enviado|отправлено|"
                       "дата|кому|тема|التاريخ|إلى|الموضوع|تاریخ|به|موضوع)\\s*:"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    if (!from.match(lines.at(i)).hasMatch())
        return false;
    int found = 0;
    for (qsizetype j = i + 1; j < lines.size() && j <= i + 5; ++j)
        if (next.match(lines.at(j)).hasMatch())
            ++found;
    return found >= 2;
}

// "On Mon, Apr 2, 2012 at 6:26 PM, Megan <x@y> wrote:", possibly wrapped over up to three
// lines, in the languages our customers write.
qsizetype wroteHeaderLength(const QStringList &lines, qsizetype i)
{
    static const QRegularExpression wrote(
        QStringLiteral("(wrote|writes|a écrit|schrieb|escribió|ha scritto|escreveu|skrev|"
                       "написал|написала|написал\\(а\\)|كتب|نوشت)\\s*:\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression opening(QStringLiteral("^\\s*(on|le|am|el|il|em|op|في|در)\\s"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression digit(QStringLiteral("\\d"));
    const QString &first = lines.at(i);
    if (first.trimmed().isEmpty() || isQuoteLine(first))
        return 0;
    if (!opening.match(first).hasMatch() && !digit.match(first).hasMatch())
        return 0;
    QString joined;
    for (qsizetype k = 0; k < 3 && i + k < lines.size(); ++k) {
        const QString &line = lines.at(i + k);
        if (k > 0 && (line.trimmed().isEmpty() || isQuoteLine(line)))
            break;
        joined += (k > 0 ? QStringLiteral(" ") : QString()) + line.trimmed();
        if (joined.size() > 400)
            break;
        if (wrote.match(joined).hasMatch())
            return k + 1;
    }
    return 0;
}

// How many lines the quote header at line i takes (0: no quote starts here).
qsizetype quoteStartLength(const QStringList &lines, qsizetype i)
{
    if (isQuoteLine(lines.at(i)))
        return 1;
    if (isOriginalMessageBanner(lines.at(i)))
        return 1;
    static const QRegularExpression rule(QStringLiteral("^\\s*_{10,}\\s*$"));
    if (rule.match(lines.at(i)).hasMatch() && i + 1 < lines.size() && isHeaderBlock(lines, i + 1))
        return 1;
    if (isHeaderBlock(lines, i))
        return 1;
    return wroteHeaderLength(lines, i);
}

QString join(const QStringList &lines, qsizetype from, qsizetype to)
{
    return lines.mid(from, to - from).join(u'\n');
}

QuotedReply split(const QStringList &lines, int depth)
{
    qsizetype start = -1, headerLength = 0;
    for (qsizetype i = 0; i < lines.size(); ++i)
        if ((headerLength = quoteStartLength(lines, i)) > 0) {
            start = i;
            break;
        }
    if (start < 0)
        return {join(lines, 0, lines.size()).trimmed(), QString()};
    const QString before = join(lines, 0, start).trimmed();
    if (!before.isEmpty())
        return {before, join(lines, start, lines.size()).trimmed()};

    // Bottom posting: the quote comes first (a header and "> " lines), the reply after it.
    qsizetype end = start + headerLength;
    while (end < lines.size() && (isQuoteLine(lines.at(end)) || lines.at(end).trimmed().isEmpty()))
        ++end;
    const QString block = join(lines, start, end).trimmed();
    if (end >= lines.size() || depth > 4)
        return {QString(), block};
    const QuotedReply rest = split(lines.mid(end), depth + 1);
    return {rest.reply,
            rest.quoted.isEmpty() ? block : block + QStringLiteral("\n\n") + rest.quoted};
}

} // namespace

QuotedReply splitQuotedReply(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalised.replace(u'\r', u'\n');
    return split(normalised.split(u'\n'), 0);
}

} // namespace threadline::server
