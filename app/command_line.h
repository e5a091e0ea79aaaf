// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <variant>

namespace threadline::app {

/// What the desktop was asked to do on its command line.
struct Options {
    QUrl server;
    QString profileDir;
    QString user;
    QString passwordFile;
    QString passphraseFile; ///< derive the cache key from this instead of the keychain
    QString caFile; ///< a PEM certificate authority trusted for wss:// this run (besides the profile's)
    QString screenshot;     ///< sign in, open the first thread, save the window, exit
    QString language;       ///< en, fa or ar; empty: follow the system locale
    QString page;           ///< the page to show after signing in: conversations, monitor, orders
    bool interactive = true; ///< may ask and show dialogs (false for --screenshot and tests)
};

/// A refusal with the sentence to print and the exit code (2 for usage errors).
struct UsageError {
    QString message;
    int exitCode = 2;
};

std::variant<Options, UsageError> parseCommandLine(const QStringList &arguments);

/// Reads a secret from a file: the first line, without its line break.
std::variant<QString, UsageError> readSecretFile(const QString &path, const QString &what);

} // namespace threadline::app
