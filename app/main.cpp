// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cache_cli.h"
#include "app/command_line.h"
#include "app/desktop.h"
#include "ui/interface_language.h"

#include <QApplication>
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
    // Locale, right-to-left layout, our and Qt's translations, an Arabic-script font.
    threadline::ui::useInterfaceLanguage(options.language);

    threadline::app::Desktop desktop(std::move(options));
    QObject::connect(&desktop, &threadline::app::Desktop::finished, &app, &QApplication::exit,
                     Qt::QueuedConnection);
    if (!desktop.start())
        return 1;
    return QApplication::exec();
}
