// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace threadline::ui {

/// Puts the whole application in a theme: "light", "dark", or "" for what the
/// platform gives. Light and dark use the Fusion style, the one that honours a
/// palette everywhere. Widgets repaint; cached layouts must be redone by their owners.
void applyTheme(const QString &theme);
QString currentTheme();

/// A palette with dark window and base colours (text light on dark).
QPalette darkPalette();
bool isDark(const QPalette &palette);

/// The kinds of card the thread draws, each with its own fill.
enum class Bubble { Inbound, Outbound, Note, Order, System };
/// The fill for a card, following the palette: pale tints on light themes,
/// deep ones on dark themes, so palette(Text) stays readable on every card.
QColor bubbleFill(Bubble kind, const QPalette &palette);
/// The background of a selected row in a list the delegate paints itself: a
/// pale tint of the highlight on light themes, a deep one on dark themes.
QColor selectionFill(const QPalette &palette);
/// A channel's accent made readable on the palette's base (lighter on dark themes).
QColor readableAccent(const QColor &accent, const QPalette &palette);

/// WCAG contrast ratio between two colours (1 to 21); 4.5 is enough for text.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace threadline::ui
