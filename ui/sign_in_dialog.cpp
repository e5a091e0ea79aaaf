// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sign_in_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace threadline::ui {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent), m_server(new QLineEdit(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Sign in to Threadline"));
    m_server->setPlaceholderText(QStringLiteral("ws://127.0.0.1:8080/ws"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Server"), m_server);
    form->addRow(tr("User name"), m_user);
    form->addRow(tr("Password"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void SignInDialog::setServer(const QString &url) { m_server->setText(url); }
void SignInDialog::setUser(const QString &user) { m_user->setText(user); }

void SignInDialog::setError(const QString &sentence)
{
    m_error->setText(sentence);
    m_error->setVisible(!sentence.isEmpty());
    m_password->clear();
    m_password->setFocus();
}

QString SignInDialog::server() const { return m_server->text().trimmed(); }
QString SignInDialog::user() const { return m_user->text().trimmed(); }
QString SignInDialog::password() const { return m_password->text(); }

} // namespace threadline::ui
