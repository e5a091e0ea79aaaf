// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/log_call_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QTimer>

namespace threadline::ui {

LogCallDialog::LogCallDialog(const models::Customer &customer, const QJsonArray &dispositions,
                             QWidget *parent)
    : QDialog(parent), m_customerId(customer.id), m_direction(new QComboBox(this)),
      m_number(new QComboBox(this)), m_duration(new QTimeEdit(this)),
      m_timerButton(new QPushButton(this)), m_disposition(new QComboBox(this)),
      m_notes(new QPlainTextEdit(this)), m_timer(new QTimer(this))
{
    setWindowTitle(tr("Log call"));
    m_direction->addItem(tr("Incoming call"), QStringLiteral("in"));
    m_direction->addItem(tr("Outgoing call"), QStringLiteral("out"));
    m_number->setEditable(true);
    for (const auto &identity : customer.identities)
        if (identity.kind == QLatin1String("phone"))
            m_number->addItem(identity.value);
    m_duration->setDisplayFormat(QStringLiteral("HH:mm:ss"));
    m_duration->setTime(QTime(0, 0));
    const QString language = QLocale().name().left(2);
    for (const QJsonValue &v : dispositions) {
        const QJsonObject d = v.toObject();
        QString title = d.value(QStringLiteral("titles")).toObject().value(language).toString();
        if (title.isEmpty())
            title = d.value(QStringLiteral("title")).toString();
        m_disposition->addItem(title, d.value(QStringLiteral("code")).toString());
    }
    m_notes->setPlaceholderText(tr("What was said, what was promised"));
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &LogCallDialog::tick);
    connect(m_timerButton, &QPushButton::clicked, this, &LogCallDialog::toggleTimer);

    auto *durationRow = new QHBoxLayout;
    durationRow->addWidget(m_duration, 1);
    durationRow->addWidget(m_timerButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Direction"), m_direction);
    form->addRow(tr("Number"), m_number);
    form->addRow(tr("Duration"), durationRow);
    form->addRow(tr("Outcome"), m_disposition);
    form->addRow(tr("Notes"), m_notes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log call"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_disposition->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (m_disposition->count() == 0)
        layout->addWidget(new QLabel(tr("The outcomes are not loaded yet; connect to the server "
                                        "to log the call."),
                                     this));
    layout->addWidget(buttons);
    // Most calls are logged while they happen: the timer starts with the dialog.
    toggleTimer();
    setMinimumWidth(460);
}

void LogCallDialog::toggleTimer()
{
    if (m_timer->isActive()) {
        m_before += static_cast<int>(m_running.elapsed() / 1000);
        m_timer->stop();
        m_timerButton->setText(tr("Start timer"));
    } else {
        m_before = QTime(0, 0).secsTo(m_duration->time());
        m_running.start();
        m_timer->start();
        m_timerButton->setText(tr("Stop timer"));
    }
}

void LogCallDialog::tick()
{
    const int seconds = m_before + static_cast<int>(m_running.elapsed() / 1000);
    m_duration->setTime(QTime(0, 0).addSecs(seconds));
}

void LogCallDialog::setDurationSeconds(int seconds)
{
    m_timer->stop();
    m_timerButton->setText(tr("Start timer"));
    m_duration->setTime(QTime(0, 0).addSecs(seconds));
}

QJsonObject LogCallDialog::command() const
{
    return {{QStringLiteral("customer_id"), m_customerId},
            {QStringLiteral("direction"), m_direction->currentData().toString()},
            {QStringLiteral("number"), m_number->currentText().trimmed()},
            {QStringLiteral("duration_s"), QTime(0, 0).secsTo(m_duration->time())},
            {QStringLiteral("disposition"), m_disposition->currentData().toString()},
            {QStringLiteral("notes"), m_notes->toPlainText().trimmed()}};
}

} // namespace threadline::ui
