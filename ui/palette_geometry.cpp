// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/palette_geometry.h"

#include <QWidget>

#include <algorithm>

namespace threadline::ui {

void placeOverWindow(QWidget *palette)
{
    constexpr int kMaxWidth = 720;
    constexpr int kMaxHeight = 520;
    QWidget *window = palette->parentWidget();
    if (!window)
        return;
    const int width = std::min(kMaxWidth, window->width() - 40);
    const int height = std::min(kMaxHeight, window->height() - 80);
    palette->setGeometry((window->width() - width) / 2, 48, width, height);
}

} // namespace threadline::ui
