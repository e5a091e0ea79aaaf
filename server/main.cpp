// SPDX-License-Identifier: GPL-3.0-or-later
// threadline-hub: the reference contact-center backend (see hub_cli.cpp).
#include "server/hub_cli.h"

#include <QCoreApplication>
#include <csignal>

int main(int argc, char *argv[])
{
    // Qt's own (poll) event loop rather than GLib's: every frame written to a desktop turns
    // its socket's write notifier on and off again, and GLib finds a notifier by walking the
    // list of all of them, so with 500 desktops that was a third of the hub's time
    // (bench_fanout: p99 at 500 desktops 109 ms with GLib, 24-33 ms without). The hub has no
    // GLib-based code that needs its main loop (GMime parses synchronously).
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("threadline-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    // A desktop vanishing mid-write must not kill the hub.
    std::signal(SIGPIPE, SIG_IGN);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return threadline::server::runHub(args);
}
