// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/session_tokens.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace threadline::server::session_tokens {

QString make()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QStringLiteral("tl1.") + QString::fromLatin1(bytes.toHex());
}

QString hash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool looksValid(const QString &token)
{
    static const QRegularExpression shape(QStringLiteral("^tl1\\.[0-9a-f]{32}$"));
    return shape.match(token).hasMatch();
}

} // namespace threadline::server::session_tokens
