// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace threadline::app {

/// `threadline cache stats|verify --profile DIR [--passphrase-file FILE]`:
/// support tools that open a profile's encrypted cache without a window.
/// Returns the process exit code (0 ok, 1 failure, 2 usage).
int runCacheCommand(const QStringList &arguments);

/// True when the arguments ask for a command-line tool rather than the window.
bool isCacheCommand(int argc, char **argv);

} // namespace threadline::app
