// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace threadline::server {

/// Plain text from untrusted email HTML, for the thread and for quote separation. Never
/// renders or fetches anything: tags are dropped (script, style, head and their content
/// entirely), block elements become line breaks, <blockquote> lines get "> " prefixes and
/// character references are decoded. Robust to broken markup; linear time.
QString htmlToText(const QString &html);

} // namespace threadline::server
