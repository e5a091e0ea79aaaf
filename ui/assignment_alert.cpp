// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/assignment_alert.h"

#include "services/text/safe_text.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace threadline::ui {

AssignmentAlert::AssignmentAlert(QWidget *window) : QObject(window), m_window(window) {}

void AssignmentAlert::notify(const models::AssignmentNotice &notice, const QString &customerName)
{
    using Kind = models::AssignmentNotice::Kind;
    const QString who = text::isolate(customerName);
    const QString title = notice.kind == Kind::Assigned ? tr("New conversation for you")
                                                        : tr("Your customer wrote");
    const QString text =
        notice.kind == Kind::Assigned
            ? (notice.by.isEmpty() ? tr("%1 is now yours.").arg(who)
                                   : tr("%1 gave you the conversation with %2.")
                                         .arg(text::isolate(notice.by), who))
            : tr("New message from %1.").arg(who);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(this);
            QIcon icon = QApplication::windowIcon();
            if (icon.isNull())
                icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
            m_tray->setIcon(icon);
            m_tray->setToolTip(tr("Threadline"));
            m_tray->show();
        }
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    } else if (m_window) {
        QApplication::alert(m_window); // the taskbar entry asks for attention
    }
    // No Qt Multimedia in our stack: the system beep is the sound.
    if (m_sound)
        QApplication::beep();
    Q_EMIT shown(title, text, m_sound);
}

} // namespace threadline::ui
