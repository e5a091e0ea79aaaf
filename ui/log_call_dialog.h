// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimeEdit;
class QTimer;

namespace threadline::ui {

/// "Log call": direction, the number, a running timer, the wrap-up code the hub
/// defines and notes — what a colleague needs to pick the story up later.
class LogCallDialog : public QDialog {
    Q_OBJECT
public:
    /// `dispositions` as the hub lists them: [{code, title, titles: {en, fa, ar}}].
    LogCallDialog(const models::Customer &customer, const QJsonArray &dispositions,
                  QWidget *parent = nullptr);

    /// The `log_call` command's data, once accepted.
    QJsonObject command() const;
    void setDurationSeconds(int seconds);

private:
    void tick();
    void toggleTimer();

    qint64 m_customerId;
    QComboBox *m_direction;
    QComboBox *m_number;
    QTimeEdit *m_duration;
    QPushButton *m_timerButton;
    QComboBox *m_disposition;
    QPlainTextEdit *m_notes;
    QTimer *m_timer;
    QElapsedTimer m_running;
    int m_before = 0; ///< seconds counted before the timer was last started
};

} // namespace threadline::ui
