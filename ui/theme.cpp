// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <cmath>

namespace threadline::ui {

namespace {
QString &chosenTheme()
{
    static QString theme; // GUI thread only
    return theme;
}

double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor dimmed(0x8a, 0x8f, 0x98);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x44));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3f, 0x44));
    p.setColor(QPalette::Mid, QColor(0x2f, 0x31, 0x35));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dimmed);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

void applyTheme(const QString &theme)
{
    const QString name = theme == QLatin1String("light") || theme == QLatin1String("dark")
                             ? theme
                             : QString();
    chosenTheme() = name;
    if (!name.isEmpty() && QApplication::style()->name().compare(u"fusion", Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (name == QLatin1String("dark"))
        QApplication::setPalette(darkPalette());
    else
        QApplication::setPalette(QApplication::style()->standardPalette());
}

QString currentTheme()
{
    return chosenTheme();
}

QColor bubbleFill(Bubble kind, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (kind) {
    case Bubble::Note: // an internal note: amber, so it is never taken for a reply
        return dark ? QColor(0x4a, 0x3f, 0x12) : QColor(0xff, 0xf4, 0xc2);
    case Bubble::Outbound:
        return dark ? QColor(0x1c, 0x34, 0x52) : QColor(0xe3, 0xf0, 0xff);
    case Bubble::Order:
        return dark ? QColor(0x2f, 0x38, 0x3d) : QColor(0xec, 0xef, 0xf1);
    case Bubble::System: // who did what: quiet, not a message
        return palette.color(QPalette::Base);
    case Bubble::Inbound:
        break;
    }
    return dark ? QColor(0x2c, 0x2e, 0x32) : QColor(0xf5, 0xf5, 0xf5);
}

QColor selectionFill(const QPalette &palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    return isDark(palette) ? highlight.darker(170) : highlight.lighter(170);
}

QColor readableAccent(const QColor &accent, const QPalette &palette)
{
    if (!isDark(palette))
        return accent;
    // Lighten until it reads on the dark base (the light accents are dark tones).
    QColor c = accent;
    for (int i = 0; i < 8 && contrastRatio(c, palette.color(QPalette::Base)) < 4.5; ++i)
        c = c.lighter(125);
    return c;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace threadline::ui
