// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/interface_language.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace threadline::ui {

namespace {

QLocale localeFor(const QString &code)
{
    if (code == QLatin1String("fa"))
        return QLocale(QLocale::Persian, QLocale::Iran);
    if (code == QLatin1String("ar"))
        return QLocale(QLocale::Arabic, QLocale::SaudiArabia);
    if (code == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale::system();
}

/// The translators this function installed, so a second call can replace them.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

void install(std::unique_ptr<QTranslator> translator)
{
    QCoreApplication::installTranslator(translator.get());
    translator->setParent(QCoreApplication::instance());
    installed().append(translator.release());
}

} // namespace

QStringList interfaceFontFamilies(const QLocale &locale)
{
    // Noto Sans Arabic: a clear sans face for UI sizes with Persian letters and
    // digits (fonts-noto-core); Naskh as the fallback for rarer characters.
    const QStringList arabicScript = {QStringLiteral("Noto Sans Arabic"),
                                      QStringLiteral("Noto Naskh Arabic")};
    if (locale.script() == QLocale::ArabicScript)
        return arabicScript + QStringList{QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans"),
                                          QStringLiteral("Noto Color Emoji")};
    // Customers write Persian and Arabic into an English UI too — and emoji.
    return QStringList{QStringLiteral("Noto Sans")} + arabicScript
           + QStringList{QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Color Emoji")};
}

QLocale useInterfaceLanguage(const QString &code)
{
    for (const QPointer<QTranslator> &t : std::as_const(installed()))
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    installed().clear();

    const QLocale locale = localeFor(code);
    // English is the source language: a locale we have no translation for
    // shows English, left to right, with the locale's own date and number formats.
    auto ours = std::make_unique<QTranslator>();
    const bool translated = ours->load(locale, QStringLiteral("threadline"), QStringLiteral("_"),
                                       QStringLiteral(":/i18n"));
    if (translated) {
        install(std::move(ours));
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            install(std::move(qt));
    }
    QLocale::setDefault(locale);
    QApplication::setLayoutDirection(translated ? locale.textDirection() : Qt::LeftToRight);
    if (qobject_cast<QApplication *>(QCoreApplication::instance())) {
        QFont font = QApplication::font();
        font.setFamilies(interfaceFontFamilies(locale));
        QApplication::setFont(font);
    }
    return locale;
}

} // namespace threadline::ui
