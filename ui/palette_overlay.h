// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

class QKeyEvent;
class QWidget;

namespace threadline::ui {

/// Where a palette sits over its window: centred near the top, at most
/// 720 × 520 and never wider or taller than the window allows.
void placeOverWindow(QWidget *palette);

/// The keys every palette takes from its query field: Esc closes, ↑/↓ move the
/// choice by one and Page Up/Down by @p page rows. True when @p key was one of them.
bool handlePaletteKey(const QKeyEvent *key, int page, const std::function<void(int)> &move,
                      const std::function<void()> &close);

} // namespace threadline::ui
