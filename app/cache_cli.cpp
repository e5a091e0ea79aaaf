// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cache_cli.h"

#include "app/command_line.h"
#include "services/cache/cache_store.h"
#include "services/cache/keychain_key_store.h"
#include "services/cache/passphrase_key_store.h"
#include "services/logging/log.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <cstdio>
#include <cstring>

namespace threadline::app {
namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(message));
    return 2;
}

int failure(const QString &message)
{
    std::fprintf(stderr, "threadline cache: %s\n", qUtf8Printable(message));
    return 1;
}

/// Waits for the key store's answer (QtKeychain answers through the event loop).
std::variant<QByteArray, cache::CacheError> fetchKey(cache::KeyStore &store, const QString &id)
{
    std::variant<QByteArray, cache::CacheError> result =
        cache::CacheError{QStringLiteral("keychain"), QStringLiteral("no answer")};
    QEventLoop loop;
    QObject::connect(&store, &cache::KeyStore::keyReady, &loop, [&](const QByteArray &key) {
        result = key;
        loop.quit();
    });
    QObject::connect(&store, &cache::KeyStore::failed, &loop, [&](const cache::CacheError &e) {
        result = e;
        loop.quit();
    });
    store.loadOrCreate(id);
    loop.exec();
    return result;
}

} // namespace

bool isCacheCommand(int argc, char **argv)
{
    return argc >= 2 && std::strcmp(argv[1], "cache") == 0;
}

int runCacheCommand(const QStringList &arguments)
{
    logging::initConsole();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "threadline cache stats|verify --profile DIR [--passphrase-file FILE]\n"
        "  stats   rows per table, last applied sequence number, file size, cipher version\n"
        "  verify  integrity and cipher check of the encrypted cache"));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Profile folder."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption passphraseFile(
        QStringLiteral("passphrase-file"),
        QStringLiteral("The cache is protected by the passphrase in FILE (no keychain)."),
        QStringLiteral("FILE"));
    parser.addOptions({profile, passphraseFile});
    parser.addPositionalArgument(QStringLiteral("cache"), QString());
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("stats or verify"));
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qUtf8Printable(parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2
        || (positional.at(1) != QLatin1String("stats") && positional.at(1) != QLatin1String("verify")))
        return usage(QStringLiteral("usage: threadline cache stats|verify --profile DIR "
                                    "[--passphrase-file FILE]"));
    if (!parser.isSet(profile))
        return usage(QStringLiteral("--profile DIR is required"));

    const QFileInfo dir(QDir(parser.value(profile)).absolutePath());
    const QString cachePath = QDir(dir.absoluteFilePath()).filePath(QStringLiteral("cache.db"));
    if (!QFileInfo::exists(cachePath))
        return failure(QStringLiteral("no cache in %1").arg(dir.absoluteFilePath()));

    std::variant<QByteArray, cache::CacheError> key;
    if (parser.isSet(passphraseFile)) {
        auto secret = readSecretFile(parser.value(passphraseFile), QStringLiteral("passphrase"));
        if (auto *error = std::get_if<UsageError>(&secret))
            return usage(error->message);
        cache::PassphraseKeyStore store(dir.absolutePath());
        store.setPassphrase(std::get<QString>(secret));
        key = fetchKey(store, dir.fileName());
    } else {
        const QSettings settings(QDir(dir.absoluteFilePath()).filePath(QStringLiteral("settings.ini")),
                                 QSettings::IniFormat);
        const QString id = settings.value(QStringLiteral("profile_id")).toString();
        if (!cache::isValidProfileId(id))
            return failure(QStringLiteral("this profile keeps no keychain entry; try --passphrase-file"));
        cache::KeychainKeyStore store;
        key = fetchKey(store, id);
    }
    if (auto *error = std::get_if<cache::CacheError>(&key))
        return failure(QStringLiteral("no key (%1): %2").arg(error->code, error->message));

    auto opened = cache::CacheStore::open(cachePath, std::get<QByteArray>(key));
    if (auto *error = std::get_if<cache::CacheError>(&opened))
        return failure(QStringLiteral("%1: %2").arg(error->code, error->message));
    auto &store = std::get<std::unique_ptr<cache::CacheStore>>(opened);

    if (positional.at(1) == QLatin1String("verify")) {
        if (auto error = store->verify())
            return failure(QStringLiteral("%1: %2").arg(error->code, error->message));
        std::puts("ok");
        return 0;
    }
    const auto stats = store->stats();
    QJsonObject tables;
    for (auto it = stats.rowsPerTable.cbegin(); it != stats.rowsPerTable.cend(); ++it)
        tables.insert(it.key(), it.value());
    const QJsonObject out{{QStringLiteral("profile"), dir.absoluteFilePath()},
                          {QStringLiteral("tables"), tables},
                          {QStringLiteral("last_seq"), stats.lastSeq},
                          {QStringLiteral("file_bytes"), stats.fileBytes},
                          {QStringLiteral("cipher_version"), stats.cipherVersion}};
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}

} // namespace threadline::app
