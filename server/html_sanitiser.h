// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace threadline::server {

/// Untrusted email HTML made safe to render on a desktop. Parsed with libxml2's HTML parser
/// (no network, errors tolerated) and written back from an allow-list: text formatting,
/// lists, tables, quotes and links survive; script, style, iframe, object, form and their
/// content go; so do every on* handler, style attribute and class. Links keep only http,
/// https and mailto targets; images keep only their alt text, because a remote image is a
/// read receipt and a data: or cid: image can hide anything. Nothing in the result loads
/// anything. Robust to broken markup; the output is always well-formed.
QString sanitiseEmailHtml(const QString &html);

} // namespace threadline::server
