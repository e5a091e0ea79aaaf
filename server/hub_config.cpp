// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_config.h"

#include "server/database_url.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace threadline::server {
namespace {

enum class Kind { Text, Path, Database, Switch, Rate };

struct KeySpec {
    const char *key; ///< "section/name" as QSettings spells it
    const char *flag;
    Kind kind;
};

constexpr KeySpec kKeys[] = {
    {"hub/listen", "listen", Kind::Text},
    {"hub/database", "db", Kind::Database},
    {"hub/log-dir", "log-dir", Kind::Path},
    {"hub/region", "region", Kind::Text},
    {"hub/demo", "demo", Kind::Switch},
    {"hub/simulate", "simulate", Kind::Rate},
    {"hub/ping-seconds", "ping-seconds", Kind::Text},
    {"tls/certificate", "tls-cert", Kind::Path},
    {"tls/key", "tls-key", Kind::Path},
    {"channels/public-url", "public-url", Kind::Text},
    {"channels/twilio-auth-token-file", "twilio-auth-token-file", Kind::Path},
    {"channels/ingress-secret-file", "ingress-secret-file", Kind::Path},
    {"channels/maildir", "maildir", Kind::Path},
    {"sms/api-url", "sms-api-url", Kind::Text},
    {"sms/account-sid", "sms-account-sid", Kind::Text},
    {"sms/auth-token-file", "sms-auth-token-file", Kind::Path},
    {"sms/from", "sms-from", Kind::Text},
    {"smtp/host", "smtp-host", Kind::Text},
    {"smtp/port", "smtp-port", Kind::Text},
    {"smtp/starttls", "smtp-starttls", Kind::Switch},
    {"smtp/user", "smtp-user", Kind::Text},
    {"smtp/password-file", "smtp-password-file", Kind::Path},
    {"smtp/from", "smtp-from", Kind::Text},
    {"smtp/ca-file", "smtp-ca-file", Kind::Path},
    {"outbound/attempts", "outbound-attempts", Kind::Text},
    {"outbound/retry-seconds", "outbound-retry-seconds", Kind::Text},
    {"outbound/lease-seconds", "outbound-lease-seconds", Kind::Text},
};

const KeySpec *specFor(const QString &key)
{
    for (const KeySpec &spec : kKeys)
        if (key == QLatin1String(spec.key))
            return &spec;
    return nullptr;
}

// "key = a, b" comes back from QSettings as a list; the hub's values are plain text.
QString textOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1Char(','));
    return value.toString();
}

// --name VALUE, --name=VALUE, -name VALUE, -name=VALUE (single-dash words are long options).
bool isConfigFlag(const QString &argument, bool *takesNext)
{
    for (const QLatin1String name : {QLatin1String("--config"), QLatin1String("-config")}) {
        if (argument == name) {
            *takesNext = true;
            return true;
        }
        if (argument.startsWith(name + QLatin1Char('='))) {
            *takesNext = false;
            return true;
        }
    }
    return false;
}

} // namespace

std::variant<QList<HubConfigSetting>, QString> readHubConfig(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable() || !QFile(path).open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the configuration file %1").arg(path);
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError)
        return QStringLiteral("the configuration file %1 is not a valid INI file").arg(path);

    QList<HubConfigSetting> settings;
    const QStringList keys = file.allKeys();
    for (const QString &key : keys) {
        const KeySpec *spec = specFor(key);
        if (!spec) {
            const qsizetype slash = key.indexOf(QLatin1Char('/'));
            return slash < 0 ? QStringLiteral("%1: \"%2\" is outside a section ([hub], [tls], "
                                              "[channels], [sms], [smtp] or [outbound])")
                                   .arg(path, key)
                             : QStringLiteral("%1: unknown key \"%2\" in [%3]")
                                   .arg(path, key.mid(slash + 1), key.left(slash));
        }
        const QString value = textOf(file.value(key)).trimmed();
        if (value.isEmpty())
            continue;
        HubConfigSetting s{QLatin1String(spec->flag), value, false};
        switch (spec->kind) {
        case Kind::Text:
            break;
        case Kind::Path:
            s.value = QDir::cleanPath(info.absoluteDir().absoluteFilePath(value));
            break;
        case Kind::Database:
            // A postgresql:// URL stays as written; a file is relative to the config file.
            if (!looksLikeDatabaseUrl(value))
                s.value = QDir::cleanPath(info.absoluteDir().absoluteFilePath(value));
            break;
        case Kind::Switch: {
            const QString v = value.toLower();
            if (v == QLatin1String("true") || v == QLatin1String("yes") ||
                v == QLatin1String("on") || v == QLatin1String("1")) {
                s.isSwitch = true;
                s.value.clear();
            } else if (v == QLatin1String("false") || v == QLatin1String("no") ||
                       v == QLatin1String("off") || v == QLatin1String("0")) {
                continue;
            } else {
                return QStringLiteral("%1: [%2] %3 takes true or false, not \"%4\"")
                    .arg(path, key.section(QLatin1Char('/'), 0, 0),
                         key.section(QLatin1Char('/'), 1), value);
            }
            break;
        }
        case Kind::Rate:
            if (value.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
                continue;
            if (bool ok = false; value.toDouble(&ok) == 0 && ok)
                continue;
            break;
        }
        settings.append(s);
    }
    // QSettings sorts keys; keep the documented order instead, which is stable.
    std::stable_sort(settings.begin(), settings.end(),
                     [](const HubConfigSetting &a, const HubConfigSetting &b) {
                         auto rank = [](const QString &flag) {
                             for (int i = 0; i < int(std::size(kKeys)); ++i)
                                 if (flag == QLatin1String(kKeys[i].flag))
                                     return i;
                             return int(std::size(kKeys));
                         };
                         return rank(a.flag) < rank(b.flag);
                     });
    return settings;
}

QStringList withHubConfig(const QStringList &arguments, const QList<HubConfigSetting> &settings,
                          const std::function<bool(const QString &flag)> &wanted)
{
    QStringList out;
    QStringList rest; // from "--" on: positional arguments only
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        bool takesNext = false;
        if (arguments.at(i) == QLatin1String("--")) {
            rest = arguments.mid(i);
            break;
        }
        if (isConfigFlag(arguments.at(i), &takesNext)) {
            i += takesNext ? 1 : 0;
            continue;
        }
        out.append(arguments.at(i));
    }
    for (const HubConfigSetting &s : settings) {
        if (!wanted(s.flag))
            continue;
        out.append(QStringLiteral("--") + s.flag);
        if (!s.isSwitch)
            out.append(s.value);
    }
    return out + rest;
}

} // namespace threadline::server
