// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace threadline::ui {

/// Where a palette sits over its window: centred near the top, at most
/// 720 × 520 and never wider or taller than the window allows.
void placeOverWindow(QWidget *palette);

} // namespace threadline::ui
