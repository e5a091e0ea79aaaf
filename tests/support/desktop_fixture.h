// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the end-to-end desktop tests share: the files a desktop signs in with, and
// the options of a desktop that signs in without asking.

#include "app/command_line.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace threadline::testing {

/// Writes a small file (a password, a passphrase, a settings.ini); fails the test when
/// it cannot.
inline void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

/// A desktop for @p user on @p server that reads its password and passphrase from the
/// files "password" and "passphrase" in @p dir and never shows the sign-in dialog.
inline app::Options desktopOptions(const QUrl &server, const QTemporaryDir &dir,
                                   const QString &profileDir, const QString &user,
                                   const QString &language = QString())
{
    app::Options o;
    o.server = server;
    o.profileDir = profileDir;
    o.user = user;
    o.passwordFile = dir.filePath(QStringLiteral("password"));
    o.passphraseFile = dir.filePath(QStringLiteral("passphrase"));
    if (!language.isEmpty())
        o.language = language;
    o.interactive = false;
    return o;
}

} // namespace threadline::testing
