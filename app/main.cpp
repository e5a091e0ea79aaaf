// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cache_cli.h"
#include "app/command_line.h"
#include "app/desktop.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLocale>
#include <cstdio>

int main(int argc, char *argv[])
{
    // Support tools run without a window (and without a display).
    if (threadline::app::isCacheCommand(argc, argv)) {
        QCoreApplication tool(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("threadline"));
        return threadline::app::runCacheCommand(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("threadline"));
    QApplication::setOrganizationName(QStringLiteral("Threadline"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    auto parsed = threadline::app::parseCommandLine(QApplication::arguments());
    if (auto *usage = std::get_if<threadline::app::UsageError>(&parsed)) {
        std::fputs(qUtf8Printable(usage->message + QLatin1Char('\n')),
                   usage->exitCode == 0 ? stdout : stderr);
        return usage->exitCode;
    }
    auto options = std::get<threadline::app::Options>(std::move(parsed));
    if (options.language == QLatin1String("fa"))
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
    else if (options.language == QLatin1String("ar"))
        QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::SaudiArabia));
    else if (options.language == QLatin1String("en"))
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QApplication::setLayoutDirection(QLocale().textDirection());
    // fontconfig would pick DejaVu for Persian and Arabic; choose a real Arabic-script face.
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans Arabic"),
                      QStringLiteral("Noto Naskh Arabic"), QStringLiteral("DejaVu Sans")});
    QApplication::setFont(font);

    threadline::app::Desktop desktop(std::move(options));
    QObject::connect(&desktop, &threadline::app::Desktop::finished, &app, &QApplication::exit,
                     Qt::QueuedConnection);
    if (!desktop.start())
        return 1;
    return QApplication::exec();
}
