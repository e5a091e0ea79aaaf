// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/channel_names.h"

#include <QCoreApplication>

namespace threadline::ui {

QString channelLabel(const QString &channel)
{
    if (channel == QLatin1String("chat"))
        return QCoreApplication::translate("Channel", "Chat");
    if (channel == QLatin1String("sms"))
        return QCoreApplication::translate("Channel", "SMS");
    if (channel == QLatin1String("email"))
        return QCoreApplication::translate("Channel", "Email");
    if (channel == QLatin1String("phone"))
        return QCoreApplication::translate("Channel", "Call");
    if (channel == QLatin1String("note"))
        return QCoreApplication::translate("Channel", "Note");
    if (channel == QLatin1String("order"))
        return QCoreApplication::translate("Channel", "Order");
    return channel;
}

QColor channelColor(const QString &channel)
{
    if (channel == QLatin1String("chat"))
        return QColor(0x2e, 0x7d, 0x32);
    if (channel == QLatin1String("sms"))
        return QColor(0x15, 0x65, 0xc0);
    if (channel == QLatin1String("email"))
        return QColor(0x6a, 0x1b, 0x9a);
    if (channel == QLatin1String("phone"))
        return QColor(0xe6, 0x51, 0x00);
    if (channel == QLatin1String("note"))
        return QColor(0x9e, 0x7c, 0x00);
    return QColor(0x45, 0x5a, 0x64);
}

} // namespace threadline::ui
