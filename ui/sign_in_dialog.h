// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace threadline::ui {

/// Server, user name and password; explains in plain words what went wrong.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);
    void setServer(const QString &url);
    void setUser(const QString &user);
    void setError(const QString &sentence);
    QString server() const;
    QString user() const;
    QString password() const;

private:
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_error;
};

} // namespace threadline::ui
