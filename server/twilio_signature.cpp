// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/twilio_signature.h"

#include <QMessageAuthenticationCode>
#include <QUrl>
#include <algorithm>

namespace threadline::server {

FormFields parseForm(const QByteArray &body)
{
    FormFields out;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                    QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return out;
}

QString formValue(const FormFields &form, const QString &name)
{
    for (const auto &field : form)
        if (field.first == name)
            return field.second;
    return {};
}

namespace twilio_signature {

QByteArray compute(const QByteArray &authToken, const QString &url, const FormFields &params)
{
    FormFields sorted = params;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QByteArray data = url.toUtf8();
    for (const auto &p : std::as_const(sorted))
        data += p.first.toUtf8() + p.second.toUtf8();
    return QMessageAuthenticationCode::hash(data, authToken, QCryptographicHash::Sha1).toBase64();
}

namespace {
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}
} // namespace

bool verify(const QByteArray &authToken, const QString &url, const FormFields &params,
            const QByteArray &signature)
{
    if (authToken.isEmpty() || signature.isEmpty())
        return false;
    QStringList candidates{url};
    QUrl parsed(url, QUrl::StrictMode);
    if (parsed.isValid()) {
        if (parsed.port() != -1)
            parsed.setPort(-1);
        else
            parsed.setPort(parsed.scheme() == QLatin1String("https") ? 443 : 80);
        candidates.append(parsed.toString(QUrl::FullyEncoded));
    }
    bool ok = false;
    for (const QString &candidate : std::as_const(candidates))
        ok |= sameBytes(compute(authToken, candidate, params), signature.trimmed());
    return ok;
}

} // namespace twilio_signature
} // namespace threadline::server
