// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <variant>

namespace threadline::server {

/// One setting read from a hub configuration file, as the command-line flag it stands for
/// (e.g. {"db", "/var/lib/threadline-hub/hub.db"}; a switch such as "demo" has no value).
struct HubConfigSetting {
    QString flag;
    QString value;
    bool isSwitch = false;

    friend bool operator==(const HubConfigSetting &, const HubConfigSetting &) = default;
};

/// Reads `threadline-hub --config FILE` (INI, packaging/hub.conf.example documents every
/// key). Sections and keys map onto flags: [hub] listen, database (--db), log-dir, region,
/// demo, simulate; [tls] certificate (--tls-cert), key (--tls-key); [channels] public-url,
/// twilio-auth-token-file, ingress-secret-file, maildir; [sms] api-url, account-sid, auth-token-file,
/// from; [smtp] host, port, starttls, user, password-file, from, ca-file; [outbound] attempts,
/// retry-seconds, lease-seconds. Empty values, `demo = false` and
/// `simulate = 0|off` are left out; relative paths are made relative to FILE's folder.
/// Returns the settings in file order, or a sentence naming FILE when it cannot be read,
/// is malformed or has a key that does not exist.
std::variant<QList<HubConfigSetting>, QString> readHubConfig(const QString &path);

/// The command line with `--config FILE` taken out and the file's settings added as flags
/// where `wanted(flag)` says so (the caller leaves out flags the command line sets itself,
/// so flags override the file, and flags that do not apply to the command).
QStringList withHubConfig(const QStringList &arguments, const QList<HubConfigSetting> &settings,
                          const std::function<bool(const QString &flag)> &wanted);

} // namespace threadline::server
