// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <boost/log/sources/record_ostream.hpp>
#include <boost/log/sources/severity_channel_logger.hpp>
#include <boost/log/trivial.hpp>

/// Logging through Boost.Log with one named channel per subsystem:
/// net, sync, db, ui, hub. Never log tokens, passwords, keys or message bodies;
/// customer identifiers go through redact().
namespace threadline::logging {

using Severity = boost::log::trivial::severity_level;
using Logger = boost::log::sources::severity_channel_logger_mt<Severity, std::string>;

/// Sends records to FOLDER/STEM_N.log, rotated at 5 MiB, keeping 50 MiB in all.
/// Records at `minimum` and above are written; warnings and errors also go to
/// stderr. Safe to call once per process; a second call is ignored.
void init(const QString &folder, const QString &stem, Severity minimum = Severity::info);

/// Only stderr (command-line tools and tests).
void initConsole(Severity minimum = Severity::warning);

Logger &channel(const char *name);

/// Keeps the first and last character and the length class, e.g. "+98•••••67".
std::string redact(const QString &identifier);

} // namespace threadline::logging

std::ostream &operator<<(std::ostream &os, const QString &s);

#define TL_LOG(chan, sev)                                                                         \
    BOOST_LOG_SEV(::threadline::logging::channel(chan), ::threadline::logging::Severity::sev)
