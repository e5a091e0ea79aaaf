// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/logging/log.h"

#include <QDir>
#include <boost/core/null_deleter.hpp>
#include <boost/log/attributes/current_thread_id.hpp>
#include <boost/log/core.hpp>
#include <boost/log/expressions.hpp>
#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_file_backend.hpp>
#include <boost/log/sinks/text_ostream_backend.hpp>
#include <boost/log/support/date_time.hpp>
#include <boost/log/utility/setup/common_attributes.hpp>
#include <iostream>
#include <map>
#include <mutex>

namespace logging = boost::log;
namespace expr = boost::log::expressions;
namespace sinks = boost::log::sinks;

BOOST_LOG_ATTRIBUTE_KEYWORD(tl_severity, "Severity", threadline::logging::Severity)
BOOST_LOG_ATTRIBUTE_KEYWORD(tl_channel, "Channel", std::string)
BOOST_LOG_ATTRIBUTE_KEYWORD(tl_timestamp, "TimeStamp", boost::posix_time::ptime)

std::ostream &operator<<(std::ostream &os, const QString &s)
{
    return os << s.toStdString();
}

namespace threadline::logging {
namespace {

std::once_flag g_initOnce;

auto formatter()
{
    return expr::stream << expr::format_date_time(tl_timestamp, "%Y-%m-%d %H:%M:%S.%f") << " ["
                        << tl_channel << "] " << tl_severity << ": " << expr::smessage;
}

void addConsole(Severity minimum)
{
    using Backend = sinks::text_ostream_backend;
    auto backend = boost::make_shared<Backend>();
    backend->add_stream(boost::shared_ptr<std::ostream>(&std::clog, boost::null_deleter()));
    backend->auto_flush(true);
    auto sink = boost::make_shared<sinks::synchronous_sink<Backend>>(backend);
    sink->set_formatter(formatter());
    sink->set_filter(tl_severity >= std::max(minimum, Severity::warning));
    ::boost::log::core::get()->add_sink(sink);
}

} // namespace

void init(const QString &folder, const QString &stem, Severity minimum)
{
    std::call_once(g_initOnce, [&] {
        ::boost::log::add_common_attributes();
        QDir().mkpath(folder);
        const std::string base = QDir(folder).filePath(stem).toStdString();
        using Backend = sinks::text_file_backend;
        auto backend = boost::make_shared<Backend>(
            ::boost::log::keywords::file_name = base + "_%N.log",
            ::boost::log::keywords::rotation_size = 5 * 1024 * 1024,
            ::boost::log::keywords::open_mode = std::ios_base::app);
        backend->set_file_collector(sinks::file::make_collector(
            ::boost::log::keywords::target = folder.toStdString(),
            ::boost::log::keywords::max_size = 50 * 1024 * 1024));
        backend->scan_for_files();
        backend->auto_flush(true);
        auto sink = boost::make_shared<sinks::synchronous_sink<Backend>>(backend);
        sink->set_formatter(formatter());
        sink->set_filter(tl_severity >= minimum);
        ::boost::log::core::get()->add_sink(sink);
        addConsole(minimum);
    });
}

void initConsole(Severity minimum)
{
    std::call_once(g_initOnce, [&] {
        ::boost::log::add_common_attributes();
        addConsole(minimum);
    });
}

Logger &channel(const char *name)
{
    // One logger per channel, created on first use; loggers are thread-safe (_mt).
    static std::mutex mutex;
    static std::map<std::string, Logger> loggers;
    std::lock_guard lock(mutex);
    auto it = loggers.find(name);
    if (it == loggers.end())
        it = loggers.emplace(name, Logger(::boost::log::keywords::channel = std::string(name))).first;
    return it->second;
}

std::string redact(const QString &identifier)
{
    if (identifier.size() <= 4)
        return std::string(static_cast<size_t>(identifier.size()), '*');
    return QString(identifier.left(3) + QString(identifier.size() - 5, QLatin1Char('*'))
            + identifier.right(2))
        .toStdString();
}

} // namespace threadline::logging
