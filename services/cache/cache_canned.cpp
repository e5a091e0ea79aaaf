// SPDX-License-Identifier: GPL-3.0-or-later
// CacheStore and the shared canned responses (canned.list, canned.upserted, canned.deleted).
#include "services/cache/cache_store.h"

#include <QJsonDocument>

namespace threadline::cache {

QJsonArray CacheStore::cannedResponses()
{
    QJsonArray out;
    auto s = m_db.prepare(
        QStringLiteral("SELECT data FROM canned_responses ORDER BY language, title, id"));
    while (s.step() == Statement::Step::Row)
        out.append(QJsonDocument::fromJson(s.columnText(0).toUtf8()).object());
    noteReadError(s.error());
    return out;
}

std::optional<CacheError> CacheStore::upsertCannedResponse(const QJsonObject &r)
{
    const qint64 id = r.value(QStringLiteral("id")).toInteger();
    if (id <= 0)
        return makeError(errc::invalid, QStringLiteral("A canned response needs an id."));
    auto s = m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO canned_responses"
                                         " (id, language, title, data) VALUES (?1, ?2, ?3, ?4)"));
    s.bind(1, id)
        .bind(2, r.value(QStringLiteral("language")).toString(QStringLiteral("")))
        .bind(3, r.value(QStringLiteral("title")).toString(QStringLiteral("")))
        .bind(4, QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact)));
    return failed(s.exec());
}

std::optional<CacheError> CacheStore::deleteCannedResponse(qint64 id)
{
    auto s = m_db.prepare(QStringLiteral("DELETE FROM canned_responses WHERE id = ?1"));
    s.bind(1, id);
    return failed(s.exec());
}

std::optional<CacheError> CacheStore::replaceCannedResponses(const QJsonArray &all)
{
    Transaction tx(m_db);
    if (auto e = tx.begin())
        return failed(e);
    if (auto e = failed(m_db.exec(QStringLiteral("DELETE FROM canned_responses"))))
        return e;
    for (const QJsonValue &v : all)
        if (v.toObject().value(QStringLiteral("id")).toInteger() > 0)
            if (auto e = upsertCannedResponse(v.toObject()))
                return e;
    return failed(tx.commit());
}

} // namespace threadline::cache
