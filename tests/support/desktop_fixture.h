// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the end-to-end desktop tests share: the files a desktop signs in with, and
// the options of a desktop that signs in without asking.

#include "app/command_line.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QKeyEvent>
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

/// Types like a Persian keyboard does: one key event per character, with its text
/// (QTest::keyClicks knows only Latin-1 keys).
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(widget, &release);
    }
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
