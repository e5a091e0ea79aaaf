// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/assignment_notice.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace threadline::ui {

/// Tells the agent about a notice: a system tray message where the desktop has
/// a tray, otherwise the window asks for attention (QApplication::alert); and
/// a short beep unless the sound is off. The text names the customer
/// (isolated), never what they wrote.
class AssignmentAlert : public QObject {
    Q_OBJECT
public:
    explicit AssignmentAlert(QWidget *window);

    void setSoundEnabled(bool on) { m_sound = on; }
    bool soundEnabled() const { return m_sound; }
    void notify(const threadline::models::AssignmentNotice &notice, const QString &customerName);

Q_SIGNALS:
    /// What was shown (for tests and the log): the title and text, and whether it beeped.
    void shown(const QString &title, const QString &text, bool beeped);

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_sound = true;
};

} // namespace threadline::ui
