// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/settings_profile.h"

namespace threadline::ui {

/// Applies what the interface shows from @p settings at once: calendar, digits,
/// first day of the week in every date picker, and the theme. The language is
/// chosen at start (see useInterfaceLanguage); retention and sound belong to
/// their owners. Owners of cached layouts relayout afterwards.
void applyDisplaySettings(const DesktopSettings &settings);

} // namespace threadline::ui
