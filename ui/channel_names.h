// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

namespace threadline::ui {

/// What an agent reads for a channel ("SMS", "Email", ...), translated.
QString channelLabel(const QString &channel);
/// One colour per channel so the channel is seen at a glance.
QColor channelColor(const QString &channel);

} // namespace threadline::ui
