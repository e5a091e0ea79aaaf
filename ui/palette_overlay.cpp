// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/palette_overlay.h"

#include <QKeyEvent>
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

bool handlePaletteKey(const QKeyEvent *key, int page, const std::function<void(int)> &move,
                      const std::function<void()> &close)
{
    switch (key->key()) {
    case Qt::Key_Escape:
        close();
        return true;
    case Qt::Key_Down:
        move(1);
        return true;
    case Qt::Key_Up:
        move(-1);
        return true;
    case Qt::Key_PageDown:
        move(page);
        return true;
    case Qt::Key_PageUp:
        move(-page);
        return true;
    default:
        return false;
    }
}

} // namespace threadline::ui
