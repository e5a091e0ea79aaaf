// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace threadline::resources {

/// The interface languages compiled into this binary besides English (the
/// source language), as codes: "ar", "fa".
QStringList shippedLanguages();

} // namespace threadline::resources
