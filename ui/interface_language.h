// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace threadline::ui {

/// Puts the interface in one language: the default QLocale (digits, dates),
/// the layout direction, Threadline's and Qt's own translations, and a font
/// that has the script. @p code is "en", "fa", "ar", or empty for the system
/// locale (a language without a translation falls back to English).
/// Calling it again replaces the previous language. Returns the locale in use.
QLocale useInterfaceLanguage(const QString &code);

/// The font families for a locale: an Arabic-script face first for Persian and
/// Arabic (fontconfig would otherwise pick DejaVu Sans), Noto Sans for Latin.
QStringList interfaceFontFamilies(const QLocale &locale);

} // namespace threadline::ui
