// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/customer_search.h"

#include "server/sql_dialect.h"
#include "services/text/search_folding.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace threadline::server {

CustomerSearch::CustomerSearch(HubStore &store, PhoneNormaliser phones)
    : m_store(store), m_phones(std::move(phones))
{
}

QString snippetAround(const QString &text, const QString &foldedText, const QString &folded,
                      int width)
{
    const QString flat = text.simplified();
    if (flat.size() <= width)
        return flat;
    // Folding mostly keeps positions (it drops marks and joiners), so the match sits
    // about as far into the original as into the folded text.
    const qsizetype at = foldedText.indexOf(folded);
    const qsizetype guess =
        at < 0 || foldedText.isEmpty() ? 0 : at * flat.size() / std::max<qsizetype>(1, foldedText.size());
    const qsizetype start = std::clamp<qsizetype>(guess - width / 3, 0, flat.size() - width);
    QString out = flat.mid(start, width);
    if (start > 0)
        out.prepend(QChar(0x2026));
    if (start + width < flat.size())
        out.append(QChar(0x2026));
    return out;
}

QList<SearchHit> CustomerSearch::find(const QString &query, int limit)
{
    const QString folded = text::foldForSearch(query);
    QList<SearchHit> hits;
    QSet<qint64> seen;
    if (folded.isEmpty())
        return hits;
    auto add = [&](SearchHit hit) {
        if (hits.size() >= limit || seen.contains(hit.customerId))
            return;
        seen.insert(hit.customerId);
        hits.append(std::move(hit));
    };
    QSqlDatabase db = m_store.database();

    // Names: folded in memory (a name is short; there are far fewer customers than messages).
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT id, name FROM customers WHERE status <> 'merged'"
                                   " ORDER BY last_at DESC, id")))
            while (q.next() && hits.size() < limit) {
                const QString name = q.value(1).toString();
                if (text::foldForSearch(name).contains(folded))
                    add({q.value(0).toLongLong(), QStringLiteral("name"), name, 0, 0, {}, {}});
            }
    }
    // Identities: a phone written any way, or part of an address, number or chat id.
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        const auto e164 = m_phones.toE164(text::phoneInput(query));
        QString digits = text::asciiDigits(query);
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        while (digits.startsWith(QLatin1Char('0')))
            digits.remove(0, 1);
        q.prepare(QStringLiteral("SELECT customer_id, value FROM identities WHERE value = ? OR ") +
                  sql_dialect::contains(db, QStringLiteral("lower(value)")) +
                  QStringLiteral(" OR (kind = 'phone' AND length(?) >= 4 AND ") +
                  sql_dialect::contains(db, QStringLiteral("value")) +
                  QStringLiteral(") ORDER BY id"));
        q.addBindValue(e164.value_or(QString()));
        q.addBindValue(folded);
        q.addBindValue(digits);
        q.addBindValue(digits);
        if (q.exec())
            while (q.next())
                add({q.value(0).toLongLong(), QStringLiteral("identity"), q.value(1).toString(), 0,
                     0, {}, {}});
    }
    // Order numbers.
    {
        QString number = folded;
        while (number.startsWith(QLatin1Char('#')))
            number.remove(0, 1);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT customer_id, number FROM orders WHERE ") +
                  sql_dialect::contains(db, QStringLiteral("lower(number)")) +
                  QStringLiteral(" ORDER BY updated_at DESC"));
        q.addBindValue(number);
        if (!number.isEmpty() && q.exec())
            while (q.next())
                add({q.value(0).toLongLong(), QStringLiteral("order"), q.value(1).toString(), 0, 0,
                     {}, {}});
    }
    // Message text (subject and body, folded when stored), newest first.
    if (hits.size() < limit) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, customer_id, subject, body, at, folded, channel,"
                                 " direction FROM messages WHERE ") +
                  sql_dialect::contains(db, QStringLiteral("folded")) +
                  QStringLiteral(" ORDER BY id DESC"));
        q.addBindValue(folded);
        if (q.exec())
            while (q.next() && hits.size() < limit) {
                const qint64 customer = q.value(1).toLongLong();
                if (seen.contains(customer))
                    continue;
                const QString subject = q.value(2).toString();
                const QString body = q.value(3).toString();
                const QString whole = subject.isEmpty() ? body : subject + QLatin1Char(' ') + body;
                add({customer, QStringLiteral("message"),
                     snippetAround(whole, q.value(5).toString(), folded), q.value(0).toLongLong(),
                     q.value(4).toLongLong(), q.value(6).toString(), q.value(7).toString()});
            }
    }
    return hits;
}

} // namespace threadline::server
