// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/desk_store.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace threadline::server {
namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

CannedResponse readCanned(const QSqlQuery &q)
{
    return CannedResponse{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toString(),   q.value(4).toString(), q.value(5).toLongLong()};
}

const QString kCannedColumns =
    QStringLiteral("id, title, body, language, updated_by, updated_at");

} // namespace

QJsonObject CannedResponse::toJson() const
{
    return {{k("id"), id},
            {k("title"), title},
            {k("body"), body},
            {k("language"), language},
            {k("updated_by"), updatedBy},
            {k("updated_at"), updatedAt}};
}

bool DeskStore::fail(const QString &why)
{
    m_lastError = why;
    return false;
}

QJsonArray DeskStore::dispositions()
{
    QJsonArray out;
    QSqlQuery q(m_store.database());
    if (q.exec(QStringLiteral(
            "SELECT code, title_en, title_fa, title_ar FROM dispositions ORDER BY position")))
        while (q.next())
            out.append(QJsonObject{{k("code"), q.value(0).toString()},
                                   {k("title"), q.value(1).toString()},
                                   {k("titles"), QJsonObject{{k("en"), q.value(1).toString()},
                                                             {k("fa"), q.value(2).toString()},
                                                             {k("ar"), q.value(3).toString()}}}});
    return out;
}

bool DeskStore::isDisposition(const QString &code)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT 1 FROM dispositions WHERE code = ?"));
    q.addBindValue(code);
    return q.exec() && q.next();
}

QList<CannedResponse> DeskStore::canned(const QString &language)
{
    QList<CannedResponse> out;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kCannedColumns +
              QStringLiteral(" FROM canned_responses WHERE COALESCE(?, '') = '' OR language = ? OR language = ''"
                             " ORDER BY language, title, id"));
    q.addBindValue(language);
    q.addBindValue(language);
    if (q.exec())
        while (q.next())
            out.append(readCanned(q));
    return out;
}

std::optional<CannedResponse> DeskStore::cannedById(qint64 id)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kCannedColumns +
              QStringLiteral(" FROM canned_responses WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readCanned(q);
}

bool DeskStore::saveCanned(CannedResponse &c)
{
    c.updatedAt = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_store.database());
    if (c.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO canned_responses (title, body, language, updated_by,"
                                 " updated_at) VALUES (?, ?, COALESCE(?, ''), COALESCE(?, ''), ?)"));
    } else {
        q.prepare(QStringLiteral("UPDATE canned_responses SET title = ?, body = ?,"
                                 " language = COALESCE(?, ''), updated_by = COALESCE(?, ''),"
                                 " updated_at = ? WHERE id = ?"));
    }
    for (const QVariant &v : {QVariant(c.title), QVariant(c.body), QVariant(c.language),
                              QVariant(c.updatedBy), QVariant(c.updatedAt)})
        q.addBindValue(v);
    if (c.id != 0)
        q.addBindValue(c.id);
    if (!q.exec())
        return fail(q.lastError().text());
    if (c.id == 0)
        c.id = q.lastInsertId().toLongLong();
    else if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("no canned response %1").arg(c.id));
    return true;
}

bool DeskStore::deleteCanned(qint64 id)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("DELETE FROM canned_responses WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() || fail(q.lastError().text());
}

} // namespace threadline::server
