// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace threadline::server {

/// Runs threadline-hub with its arguments (without the program name) and returns
/// the exit code. Serving runs the event loop of the existing QCoreApplication.
int runHub(const QStringList &arguments);

} // namespace threadline::server
