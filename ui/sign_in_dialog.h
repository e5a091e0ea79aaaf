// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;

namespace threadline::ui {

/// Why the last sign-in did not work, as the dialog explains it. The kinds and
/// detail/reason names are the session's stable ones (unreachable: refused,
/// host_not_found, timeout, network; certificate reasons: expired,
/// not_yet_valid, self_signed, host_name_mismatch, unknown_issuer, revoked,
/// untrusted).
struct SignInProblem {
    enum class Kind { None, Unreachable, CertificateUntrusted, WrongCredentials, ServerTooOld, Refused };
    Kind kind = Kind::None;
    QString detail;
    QString server; ///< the address that was tried (untrusted text)
    // CertificateUntrusted only:
    QString subject;
    QString issuer;
    QString sha256;
    QStringList reasons;
};

/// Server, user name and password; explains in plain words what went wrong
/// and puts the fix in reach (for an untrusted certificate: trusting the
/// company's certificate authority, never ignoring the error).
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);
    void setServer(const QString &url);
    void setUser(const QString &user);
    void setError(const QString &sentence);
    /// Shows the problem in plain words (Kind::None clears it).
    void setProblem(const SignInProblem &problem);
    QString server() const;
    QString user() const;
    QString password() const;
    /// The sentences setProblem shows, for the log-free command line too.
    static QString describe(const SignInProblem &problem);

public Q_SLOTS:
    /// The agent picked a certificate authority file (the button's file dialog
    /// ends here); emits authorityFileChosen for the app to check and keep.
    void chooseAuthorityFile(const QString &path);
    /// The app kept the authority: say so; signing in again will use it.
    void authorityTrusted(const QString &subject);
    /// The app refused the file: `code` is unreadable, not_pem, expired or unwritable.
    void authorityRefused(const QString &code);

Q_SIGNALS:
    void authorityFileChosen(const QString &path);

private:
    void pickAuthorityFile();

    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_error;
    QLabel *m_certificate;
    QPushButton *m_trust;
    QLabel *m_trustResult;
};

} // namespace threadline::ui
