// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sign_in_dialog.h"

#include "services/text/safe_text.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace threadline::ui {

namespace {

QString hostOf(const QString &server)
{
    const QUrl url(server);
    return url.host().isEmpty() ? server : url.host();
}

QString reasonSentence(const QString &reason, const QString &host)
{
    if (reason == QLatin1String("expired"))
        return SignInDialog::tr("It has expired.");
    if (reason == QLatin1String("not_yet_valid"))
        return SignInDialog::tr("It is not valid yet (check this computer's date and time).");
    if (reason == QLatin1String("self_signed"))
        return SignInDialog::tr("It is self-signed: no certificate authority vouches for it.");
    if (reason == QLatin1String("host_name_mismatch"))
        return SignInDialog::tr("It was issued for another server name, not for %1.")
            .arg(text::isolate(host));
    if (reason == QLatin1String("unknown_issuer"))
        return SignInDialog::tr("It was issued by a certificate authority this computer does not "
                                "know.");
    if (reason == QLatin1String("revoked"))
        return SignInDialog::tr("It has been revoked.");
    return SignInDialog::tr("It could not be verified.");
}

} // namespace

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent), m_server(new QLineEdit(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_error(new QLabel(this)), m_certificate(new QLabel(this)),
      m_trust(new QPushButton(tr("Trust a certificate authority…"), this)),
      m_trustResult(new QLabel(this))
{
    setWindowTitle(tr("Sign in to Threadline"));
    m_server->setPlaceholderText(QStringLiteral("wss://threadline.example.com/ws"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("signInProblem"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    // The facts an IT person asks for on the phone; selectable to paste.
    m_certificate->setObjectName(QStringLiteral("certificateFacts"));
    m_certificate->setWordWrap(true);
    m_certificate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_certificate->hide();
    m_trust->setObjectName(QStringLiteral("trustAuthority"));
    m_trust->hide();
    m_trustResult->setObjectName(QStringLiteral("trustResult"));
    m_trustResult->setWordWrap(true);
    m_trustResult->hide();
    connect(m_trust, &QPushButton::clicked, this, &SignInDialog::pickAuthorityFile);
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
    layout->addWidget(m_certificate);
    layout->addWidget(m_trust, 0, Qt::AlignLeading);
    layout->addWidget(m_trustResult);
    layout->addWidget(buttons);
    setMinimumWidth(480);
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

QString SignInDialog::describe(const SignInProblem &p)
{
    const QString server = text::isolate(p.server);
    const QString host = text::isolate(hostOf(p.server));
    switch (p.kind) {
    case SignInProblem::Kind::None:
        return {};
    case SignInProblem::Kind::Unreachable:
        if (p.detail == QLatin1String("refused"))
            return tr("Nothing answers at %1. Check the server address, or ask your IT team "
                      "whether the Threadline server is running.")
                .arg(server);
        if (p.detail == QLatin1String("host_not_found"))
            return tr("The server name %1 was not found. Check the address for typing mistakes.")
                .arg(host);
        if (p.detail == QLatin1String("timeout"))
            return tr("The server at %1 did not answer in time. Check your network connection.")
                .arg(server);
        return tr("The server at %1 cannot be reached. Check your network connection.").arg(server);
    case SignInProblem::Kind::CertificateUntrusted: {
        QStringList sentences{tr("The server's certificate is not trusted, so Threadline did not "
                                 "connect.")};
        for (const QString &reason : p.reasons)
            sentences << reasonSentence(reason, hostOf(p.server));
        sentences << tr("If your IT team gave you a certificate authority file, choose “Trust a "
                        "certificate authority…”.");
        return sentences.join(QLatin1Char(' '));
    }
    case SignInProblem::Kind::WrongCredentials:
        return tr("The user name or password is wrong.");
    case SignInProblem::Kind::ServerTooOld:
        return tr("The server at %1 runs an older version of Threadline (or another program) that "
                  "this desktop cannot talk to. Ask your IT team to update the server.")
            .arg(server);
    case SignInProblem::Kind::Refused:
        break;
    }
    return tr("The server refused the sign-in (%1).").arg(text::isolate(p.detail));
}

void SignInDialog::setProblem(const SignInProblem &problem)
{
    setError(describe(problem));
    const bool certificate = problem.kind == SignInProblem::Kind::CertificateUntrusted;
    m_certificate->setVisible(certificate);
    m_trust->setVisible(certificate);
    m_trustResult->hide();
    if (!certificate)
        return;
    m_certificate->setText(tr("Issued to: %1\nIssued by: %2\nSHA-256 fingerprint: %3")
                               .arg(text::isolate(problem.subject), text::isolate(problem.issuer),
                                    problem.sha256));
}

void SignInDialog::pickAuthorityFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Trust a certificate authority"), QString(),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        chooseAuthorityFile(path);
}

void SignInDialog::chooseAuthorityFile(const QString &path)
{
    Q_EMIT authorityFileChosen(path);
}

void SignInDialog::authorityTrusted(const QString &subject)
{
    m_trustResult->setStyleSheet(QString());
    m_trustResult->setText(tr("This computer now trusts %1 for Threadline. Enter your password "
                              "and sign in again.")
                               .arg(text::isolate(subject)));
    m_trustResult->show();
    m_password->setFocus();
}

void SignInDialog::authorityRefused(const QString &code)
{
    QString sentence;
    if (code == QLatin1String("unreadable"))
        sentence = tr("That file cannot be read.");
    else if (code == QLatin1String("expired"))
        sentence = tr("That certificate authority has expired or is not valid yet.");
    else if (code == QLatin1String("unwritable"))
        sentence = tr("The profile folder cannot keep the certificate authority.");
    else
        sentence = tr("That file holds no certificate in PEM format (“BEGIN CERTIFICATE”).");
    m_trustResult->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_trustResult->setText(sentence);
    m_trustResult->show();
}

QString SignInDialog::server() const { return m_server->text().trimmed(); }
QString SignInDialog::user() const { return m_user->text().trimmed(); }
QString SignInDialog::password() const { return m_password->text(); }

} // namespace threadline::ui
