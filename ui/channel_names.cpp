// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/channel_names.h"

#include "services/text/safe_text.h"

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
    if (channel == QLatin1String("system"))
        return QCoreApplication::translate("Channel", "Activity");
    return text::isolate(channel);
}

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("agent"))
        return QCoreApplication::translate("Role", "agent");
    if (role == QLatin1String("supervisor"))
        return QCoreApplication::translate("Role", "supervisor");
    if (role == QLatin1String("store"))
        return QCoreApplication::translate("Role", "store");
    return text::isolate(role);
}

QString orderStatusLabel(const QString &status)
{
    if (status == QLatin1String("placed"))
        return QCoreApplication::translate("OrderStatus", "placed");
    if (status == QLatin1String("paid"))
        return QCoreApplication::translate("OrderStatus", "paid");
    if (status == QLatin1String("shipped"))
        return QCoreApplication::translate("OrderStatus", "shipped");
    if (status == QLatin1String("ready_for_pickup"))
        return QCoreApplication::translate("OrderStatus", "ready for pickup");
    if (status == QLatin1String("picked_up"))
        return QCoreApplication::translate("OrderStatus", "picked up");
    if (status == QLatin1String("delivered"))
        return QCoreApplication::translate("OrderStatus", "delivered");
    if (status == QLatin1String("refunded"))
        return QCoreApplication::translate("OrderStatus", "refunded");
    if (status == QLatin1String("cancelled"))
        return QCoreApplication::translate("OrderStatus", "cancelled");
    return text::isolate(status);
}

QString callDispositionLabel(const QString &disposition)
{
    if (disposition == QLatin1String("resolved"))
        return QCoreApplication::translate("CallDisposition", "resolved");
    if (disposition == QLatin1String("callback_promised"))
        return QCoreApplication::translate("CallDisposition", "callback promised");
    if (disposition == QLatin1String("escalated"))
        return QCoreApplication::translate("CallDisposition", "escalated");
    if (disposition == QLatin1String("no_answer"))
        return QCoreApplication::translate("CallDisposition", "no answer");
    return text::isolate(disposition);
}

QString identityKindLabel(const QString &kind)
{
    if (kind == QLatin1String("phone"))
        return QCoreApplication::translate("Identity", "Phone");
    if (kind == QLatin1String("email"))
        return QCoreApplication::translate("Identity", "Email");
    if (kind == QLatin1String("chat"))
        return QCoreApplication::translate("Identity", "Web chat");
    return text::isolate(kind);
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
