// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/command_line.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace threadline::app {

std::variant<Options, UsageError> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Threadline: one thread per customer across chat, SMS, email, calls and orders."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("The hub, e.g. ws://127.0.0.1:8080/ws."),
                                    QStringLiteral("URL"));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QStringLiteral("Profile folder (encrypted cache, logs, settings)."), QStringLiteral("DIR"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User name."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                          QStringLiteral("Read the password from FILE."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption passphraseFile(
        QStringLiteral("passphrase-file"),
        QStringLiteral("Derive the cache key from the passphrase in FILE instead of the OS "
                       "keychain."),
        QStringLiteral("FILE"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QStringLiteral("Also trust the certificate authority in FILE (PEM) for wss:// servers."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Sign in, open the first customer's thread, save the window to FILE.png "
                       "and exit (non-zero when it cannot)."),
        QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Interface language: en, fa or ar (right-to-left)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QStringLiteral("Page to show after signing in: conversations, monitor (supervisors) or "
                       "orders (store staff)."),
        QStringLiteral("PAGE"));
    parser.addOptions(
        {server, profile, user, passwordFile, passphraseFile, caFile, screenshot, lang, page});
    if (!parser.parse(arguments))
        return UsageError{parser.errorText()};
    if (parser.isSet(QStringLiteral("help")))
        return UsageError{parser.helpText(), 0};
    if (parser.isSet(QStringLiteral("version")))
        return UsageError{QStringLiteral("threadline 0.1.0"), 0};
    if (!parser.positionalArguments().isEmpty())
        return UsageError{QStringLiteral("unexpected argument: ") + parser.positionalArguments().first()};

    Options o;
    if (parser.isSet(server)) {
        o.server = QUrl(parser.value(server), QUrl::StrictMode);
        if (!o.server.isValid()
            || (o.server.scheme() != QLatin1String("ws") && o.server.scheme() != QLatin1String("wss"))
            || o.server.host().isEmpty())
            return UsageError{QStringLiteral("--server must be a ws:// or wss:// URL, e.g. "
                                             "ws://127.0.0.1:8080/ws")};
        if (o.server.path().isEmpty())
            o.server.setPath(QStringLiteral("/ws"));
    }
    o.profileDir = parser.isSet(profile)
                       ? parser.value(profile)
                       : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                             .filePath(QStringLiteral("profiles/default"));
    o.user = parser.value(user);
    o.passwordFile = parser.value(passwordFile);
    o.passphraseFile = parser.value(passphraseFile);
    o.caFile = parser.value(caFile);
    o.screenshot = parser.value(screenshot);
    o.interactive = o.screenshot.isEmpty();
    o.page = parser.value(page);
    if (!o.page.isEmpty() && o.page != QLatin1String("conversations")
        && o.page != QLatin1String("monitor") && o.page != QLatin1String("orders"))
        return UsageError{QStringLiteral("--page must be conversations, monitor or orders")};
    o.language = parser.value(lang);
    // Without --lang, the language chosen in Settings (kept in the profile);
    // --lang wins for this run only and changes nothing saved.
    if (!parser.isSet(lang)) {
        const QString saved = QSettings(QDir(o.profileDir).filePath(QStringLiteral("settings.ini")),
                                        QSettings::IniFormat)
                                  .value(QStringLiteral("language"))
                                  .toString();
        if (saved == QLatin1String("en") || saved == QLatin1String("fa") || saved == QLatin1String("ar"))
            o.language = saved;
    }
    if (!o.language.isEmpty() && o.language != QLatin1String("en")
        && o.language != QLatin1String("fa") && o.language != QLatin1String("ar"))
        return UsageError{QStringLiteral("--lang must be en, fa or ar")};
    if (!o.screenshot.isEmpty()
        && (o.server.isEmpty() || o.user.isEmpty() || o.passwordFile.isEmpty()))
        return UsageError{QStringLiteral(
            "--screenshot needs --server, --user and --password-file (it cannot ask)")};
    return o;
}

std::variant<QString, UsageError> readSecretFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return UsageError{QStringLiteral("cannot read the %1 file %2: %3")
                              .arg(what, path, file.errorString())};
    const QByteArray line = file.readLine(4096);
    const QString secret = QString::fromUtf8(line).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    if (secret.isEmpty())
        return UsageError{QStringLiteral("the %1 file %2 is empty").arg(what, path)};
    return secret;
}

} // namespace threadline::app
