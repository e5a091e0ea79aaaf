// SPDX-License-Identifier: GPL-3.0-or-later
// threadline-hub: the reference contact-center backend (see hub_cli.cpp).
#include "server/hub_cli.h"

#include <QCoreApplication>
#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("threadline-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    // A desktop vanishing mid-write must not kill the hub.
    std::signal(SIGPIPE, SIG_IGN);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return threadline::server::runHub(args);
}
