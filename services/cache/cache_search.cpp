// SPDX-License-Identifier: GPL-3.0-or-later
// CacheStore's global search: the FTS4 indexes of schema 5 (migrations.cpp).
#include "services/cache/cache_rows.h"
#include "services/cache/cache_store.h"
#include "services/cache/search_tokens.h"
#include "services/text/search_folding.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace threadline::cache {

namespace {

using Step = Statement::Step;

const QString kCustomerIndexStale = QStringLiteral("customer_search_stale");

QString identityValues(const models::Customer &c)
{
    QStringList values;
    for (const auto &identity : c.identities)
        values.append(identity.value);
    return values.join(QLatin1Char(' '));
}

/// A phone number as an agent types it, in any form ("0912 345 6789", «۰۹۱۲…»,
/// "+98 912…"): its digits without the leading zeros of a trunk or international
/// prefix, so they occur inside the stored E.164 form, as the hub matches
/// (server/customer_search.cpp). Empty when the query is not a phone number or
/// has fewer than four such digits.
QString phoneDigits(QStringView query)
{
    QString digits;
    for (const QChar c : text::phoneInput(query)) {
        if (c.isDigit())
            digits.append(c);
        else if (!QStringView(u" +-().").contains(c))
            return {};
    }
    qsizetype zeros = 0;
    while (zeros < digits.size() && digits.at(zeros) == QLatin1Char('0'))
        ++zeros;
    digits.remove(0, zeros);
    return digits.size() >= 4 ? digits : QString();
}

} // namespace

std::optional<CacheError> CacheStore::unindexCustomer(qint64 customerId)
{
    auto s = m_db.prepare(QStringLiteral("DELETE FROM customer_search WHERE docid = ?1"));
    s.bind(1, customerId);
    return s.exec();
}

std::optional<CacheError> CacheStore::indexCustomer(const models::Customer &c)
{
    auto s = m_db.prepare(QStringLiteral(
        "INSERT INTO customer_search (docid, name, identities) VALUES (?1, ?2, ?3)"));
    s.bind(1, c.id).bind(2, c.name).bind(3, identityValues(c));
    return s.exec();
}

std::optional<CacheError> CacheStore::reindexCustomersIfStale()
{
    {
        auto s = m_db.prepare(QStringLiteral("SELECT value FROM sync_state WHERE name = ?1"));
        s.bind(1, kCustomerIndexStale);
        const Step step = s.step();
        if (step == Step::Error)
            return s.error();
        if (step == Step::Done)
            return std::nullopt;
    }
    // Customers cached before schema 5: index them once, in one transaction, in id
    // order (FTS4 writes a segment whenever a docid does not ascend).
    QList<models::Customer> all = customers();
    if (m_lastError)
        return m_lastError;
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    Transaction tx(m_db);
    if (auto e = tx.begin())
        return e;
    for (const auto &c : all)
        if (auto e = indexCustomer(c))
            return e;
    auto s = m_db.prepare(QStringLiteral("DELETE FROM sync_state WHERE name = ?1"));
    s.bind(1, kCustomerIndexStale);
    if (auto e = s.exec())
        return e;
    return tx.commit();
}

std::optional<CacheError> CacheStore::notePendingSearch()
{
    auto s = m_db.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM search_pending)"));
    if (s.step() != Step::Row)
        return s.error();
    m_searchBehind = s.columnInt64(0) != 0;
    return std::nullopt;
}

qint64 CacheStore::pendingSearchCount()
{
    auto s = m_db.prepare(QStringLiteral("SELECT count(*) FROM search_pending"));
    if (s.step() != Step::Row) {
        noteReadError(s.error());
        return 0;
    }
    noteReadError(std::nullopt);
    return s.columnInt64(0);
}

std::optional<CacheError> CacheStore::indexPendingSearch(int limit)
{
    if (!m_searchBehind || limit <= 0)
        return std::nullopt;
    Transaction tx(m_db);
    if (auto e = tx.begin())
        return failed(e);
    // Oldest first, as docids ascend: FTS4 then writes the chunk's terms as one segment.
    qint64 upTo = 0;
    {
        auto s = m_db.prepare(QStringLiteral(
            "SELECT max(row) FROM (SELECT row FROM search_pending ORDER BY row LIMIT ?1)"));
        s.bind(1, limit);
        if (s.step() != Step::Row)
            return failed(s.error());
        upTo = s.columnInt64(0); // NULL, so 0, when none wait (deleted meanwhile)
    }
    if (upTo == 0) {
        m_searchBehind = false; // nothing to write: the transaction rolls back unused
        return std::nullopt;
    }
    {
        auto s = m_db.prepare(QStringLiteral(
            "INSERT INTO message_search (docid, subject, body) SELECT m.row, m.subject, m.body"
            " FROM search_pending p JOIN messages m ON m.row = p.row WHERE p.row <= ?1"
            " ORDER BY p.row"));
        s.bind(1, upTo);
        if (auto e = s.exec())
            return failed(e);
    }
    {
        auto s = m_db.prepare(QStringLiteral("DELETE FROM search_pending WHERE row <= ?1"));
        s.bind(1, upTo);
        if (auto e = s.exec())
            return failed(e);
    }
    if (auto e = tx.commit())
        return failed(e);
    return failed(notePendingSearch());
}

std::optional<CacheError> CacheStore::indexAllPendingSearch()
{
    // In chunks, so one transaction's pending terms stay a bounded amount of memory.
    constexpr int kChunk = 5000;
    while (m_searchBehind)
        if (auto e = indexPendingSearch(kChunk))
            return e;
    return std::nullopt;
}

QList<models::SearchHit> CacheStore::searchCustomers(const QString &query, int limit)
{
    QList<models::SearchHit> hits;
    const QString match = matchExpression(query);
    if (match.isEmpty() || limit <= 0)
        return hits;
    QList<qint64> ids;
    {
        auto s = m_db.prepare(QStringLiteral(
            "SELECT docid FROM customer_search WHERE customer_search MATCH ?1 LIMIT 500"));
        s.bind(1, match);
        while (s.step() == Step::Row)
            ids.append(s.columnInt64(0));
        noteReadError(s.error());
    }
    // A phone typed in local form shares no word with the stored +98… form: its
    // digits are looked for inside the phone identities instead (a scan of the
    // customers table, which is small next to the messages).
    const QString phone = phoneDigits(query);
    QList<qint64> byPhone;
    if (!phone.isEmpty()) {
        auto s = m_db.prepare(
            QStringLiteral("SELECT id FROM customers WHERE instr(identities, ?1) > 0 LIMIT 500"));
        s.bind(1, phone);
        while (s.step() == Step::Row)
            byPhone.append(s.columnInt64(0));
        noteReadError(s.error());
    }
    QList<models::Customer> found;
    QSet<qint64> seen;
    QHash<qint64, QString> phoneHits; // customer → the phone number that matched
    for (const qint64 id : std::as_const(byPhone)) {
        auto c = customer(id);
        if (!c)
            continue;
        for (const auto &identity : std::as_const(c->identities))
            if (identity.kind == u"phone" && identity.value.contains(phone))
                phoneHits.insert(id, identity.value);
        if (phoneHits.contains(id) && !seen.contains(id)) {
            seen.insert(id);
            found.append(*c);
        }
    }
    for (const qint64 id : std::as_const(ids))
        if (!seen.contains(id))
            if (auto c = customer(id)) {
                seen.insert(id);
                found.append(*c);
            }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return a.lastAt != b.lastAt ? a.lastAt > b.lastAt : a.id > b.id;
    });
    for (const auto &c : std::as_const(found)) {
        if (hits.size() >= limit)
            break;
        models::SearchHit hit;
        hit.kind = models::SearchHit::Kind::Customer;
        hit.customerId = c.id;
        hit.customerName = c.name;
        hit.at = c.lastAt;
        hit.channel = c.lastChannel;
        hit.field = QStringLiteral("name");
        hit.snippet = c.name;
        hit.highlights = matchRanges(c.name, query);
        if (const auto number = phoneHits.constFind(c.id);
            hit.highlights.isEmpty() && number != phoneHits.cend()) {
            hit.field = QStringLiteral("identity");
            hit.snippet = *number;
            hit.highlights = {{int(number->indexOf(phone)), int(phone.size())}};
        } else if (hit.highlights.isEmpty()) {
            for (const auto &identity : c.identities) {
                auto ranges = matchRanges(identity.value, query);
                if (ranges.isEmpty())
                    continue;
                hit.field = QStringLiteral("identity");
                hit.snippet = identity.value;
                hit.highlights = ranges;
                break;
            }
        }
        hits.append(hit);
    }
    return hits;
}

QList<models::SearchHit> CacheStore::searchMessages(const QString &query, int limit,
                                                    qint64 customerId)
{
    QList<models::SearchHit> hits;
    const QString match = matchExpression(query);
    if (match.isEmpty() || limit <= 0)
        return hits;
    // Messages of a burst wait for the index; a search finds them anyway. If this
    // fails (a full disk), what is indexed is still searched and the error is logged.
    indexAllPendingSearch();
    // The index answers in docid (local row) order, newest row first, and stops
    // at the limit: no sort over every match, however common the word.
    const QString columns = QLatin1String(rows::messageColumns);
    const QString sql =
        customerId > 0
            ? QLatin1String("SELECT ") + columns +
                  QLatin1String(" FROM messages WHERE row IN (SELECT docid FROM message_search"
                                " JOIN messages ON messages.row = message_search.docid"
                                " WHERE message_search MATCH ?1 AND messages.customer_id = ?3"
                                " ORDER BY docid DESC LIMIT ?2) ORDER BY row DESC")
            : QLatin1String("SELECT ") + columns +
                  QLatin1String(" FROM messages WHERE row IN (SELECT docid FROM message_search"
                                " WHERE message_search MATCH ?1 ORDER BY docid DESC LIMIT ?2)"
                                " ORDER BY row DESC");
    // Newest first, the messages @p expression matches that @p keep accepts, until
    // @p limit are kept or @p candidates were read; true when every match was read.
    QList<models::Message> found;
    const auto collect = [&](const QString &expression, qint64 candidates,
                             const std::function<bool(const models::Message &)> &keep) {
        found.clear();
        auto s = m_db.prepare(sql);
        s.bind(1, expression).bind(2, candidates);
        if (customerId > 0)
            s.bind(3, customerId);
        qint64 read = 0;
        while (found.size() < limit && s.step() == Step::Row) {
            ++read;
            auto m = rows::readMessage(s);
            if (keep(m))
                found.append(std::move(m));
        }
        noteReadError(s.error());
        return read < candidates;
    };
    // The word still being typed is a prefix, and a short one («١٢٤», "ord") makes
    // FTS4 read and merge the lists of every word it starts before it can answer.
    // With finished words beside it, those alone choose the candidates (newest
    // first, a few hundred at most) and the prefix is checked on their text; the
    // answer is the same, since every match is a candidate and the order is kept.
    // Only when the candidates run out before the results do does the full
    // expression run.
    const QList<SearchToken> words = searchTokens(query);
    const bool lastIsOpen = !query.isEmpty() && !query.back().isSpace();
    bool done = false;
    if (words.size() >= 2 && lastIsOpen) {
        constexpr qint64 kCandidates = 400;
        const QString finished =
            matchExpression(QString(query.left(words.last().start) + QLatin1Char(' ')));
        const QString typing = query.mid(words.last().start);
        const auto startsAWord = [&](const models::Message &m) {
            return !matchRanges(m.subject, typing).isEmpty() ||
                   !matchRanges(m.body, typing).isEmpty();
        };
        done = collect(finished, kCandidates, startsAWord) || found.size() >= limit;
    }
    if (!done)
        collect(match, limit, [](const models::Message &) { return true; });

    QHash<qint64, QString> names;
    for (const auto &m : std::as_const(found)) {
        if (!names.contains(m.customerId)) {
            const auto c = customer(m.customerId);
            names.insert(m.customerId, c ? c->name : QString());
        }
        models::SearchHit hit;
        hit.kind = models::SearchHit::Kind::Message;
        hit.customerId = m.customerId;
        hit.customerName = names.value(m.customerId);
        hit.field = QStringLiteral("message");
        hit.messageId = m.id;
        hit.at = m.at;
        hit.channel = m.channel;
        const bool inBody = !matchRanges(m.body, query).isEmpty();
        const Snippet snippet = makeSnippet(inBody || m.subject.isEmpty() ? m.body : m.subject, query);
        hit.snippet = snippet.text;
        hit.highlights = snippet.highlights;
        hits.append(hit);
    }
    return hits;
}

} // namespace threadline::cache
