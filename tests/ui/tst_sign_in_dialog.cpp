// SPDX-License-Identifier: GPL-3.0-or-later
// The sign-in screen says in plain words what went wrong and puts the fix in
// reach; end to end, a desktop meets a wss:// hub it does not trust yet, the
// agent trusts the company's certificate authority and signs in.
// With THREADLINE_SCREENSHOT_DIR set, it also saves sign-in-certificate-{en,fa,ar}.png.
#include "app/desktop.h"
#include "ui/interface_language.h"
#include "ui/main_window.h"
#include "ui/sign_in_dialog.h"
#include "tests/services/session/test_certificates.h"
#include "tests/support/desktop_fixture.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace threadline;
using ui::SignInDialog;
using ui::SignInProblem;

namespace {
constexpr int kWaitMs = 30000;

QString shown(const SignInDialog &dialog, const char *name)
{
    auto *label = dialog.findChild<QLabel *>(QLatin1String(name));
    return label && label->isVisibleTo(&dialog) ? label->text() : QString();
}

bool trustButtonShown(const SignInDialog &dialog)
{
    return dialog.findChild<QPushButton *>(QStringLiteral("trustAuthority"))->isVisibleTo(&dialog);
}

SignInProblem untrusted(const QStringList &reasons)
{
    SignInProblem p;
    p.kind = SignInProblem::Kind::CertificateUntrusted;
    p.detail = reasons.value(0);
    p.server = QStringLiteral("wss://hub.example.com:8443/ws");
    p.subject = QStringLiteral("hub.example.com");
    p.issuer = QStringLiteral("Example Corp Internal CA");
    p.sha256 = QStringLiteral("AB:CD:EF:01");
    p.reasons = reasons;
    return p;
}

using testing::writeFile;

/// threadline-hub with demo data serving wss:// with the test certificate.
class DemoTlsHub {
public:
    ~DemoTlsHub()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    bool start(const QString &folder, const QString &certificate, const QString &key)
    {
        m_process.start(QStringLiteral(THREADLINE_HUB_BINARY),
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--db"), folder + QStringLiteral("/hub.db"),
                         QStringLiteral("--log-dir"), folder + QStringLiteral("/logs"),
                         QStringLiteral("--demo"), QStringLiteral("--tls-cert"), certificate,
                         QStringLiteral("--tls-key"), key});
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression shape(
            QStringLiteral("^threadline-hub listening on wss://127\\.0\\.0\\.1:(\\d+)/ws$"));
        while (m_process.state() == QProcess::Running) {
            if (!m_process.canReadLine() && !m_process.waitForReadyRead(60000))
                break;
            const auto m = shape.match(QString::fromUtf8(m_process.readLine()).trimmed());
            if (m.hasMatch()) {
                m_url = QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(m.captured(1)));
                return true;
            }
        }
        return false;
    }
    QUrl url() const { return m_url; }

private:
    QProcess m_process;
    QUrl m_url;
};

/// Errors the desktop prints when it cannot ask (qCritical), collected.
QStringList g_critical;
void collectCritical(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtCriticalMsg)
        g_critical << message;
}

} // namespace

class TestSignInDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<testing::TestCertificates> m_certificates;
    std::unique_ptr<DemoTlsHub> m_hub;

    /// Answers the next sign-in dialog that opens with `answer`, once.
    void whenTheDialogOpens(std::function<void(SignInDialog *)> answer)
    {
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [poll, answer] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *dialog = qobject_cast<SignInDialog *>(w);
                if (dialog && dialog->isVisible()) {
                    poll->deleteLater();
                    poll->stop();
                    answer(dialog);
                    return;
                }
            }
        });
        poll->start(50);
    }

    app::Options options(const QString &profile) const
    {
        app::Options o;
        o.profileDir = m_dir.filePath(profile);
        o.passphraseFile = m_dir.filePath(QStringLiteral("passphrase"));
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeFile(m_dir.filePath(QStringLiteral("passphrase")), "correct horse battery\n");
        writeFile(m_dir.filePath(QStringLiteral("password")), "demo\n");
    }

    void anUntrustedCertificateIsExplainedWithItsFingerprintAndTheWayToTrustIt()
    {
        SignInDialog dialog;
        dialog.setProblem(untrusted({QStringLiteral("unknown_issuer")}));
        const QString problem = shown(dialog, "signInProblem");
        QVERIFY2(problem.contains(QStringLiteral("certificate is not trusted")), qPrintable(problem));
        QVERIFY(problem.contains(QStringLiteral("certificate authority this computer does not know")));
        const QString facts = shown(dialog, "certificateFacts");
        QVERIFY(facts.contains(QStringLiteral("AB:CD:EF:01")));
        QVERIFY(facts.contains(QStringLiteral("hub.example.com")));
        QVERIFY(facts.contains(QStringLiteral("Example Corp Internal CA")));
        QVERIFY(trustButtonShown(dialog));
        QVERIFY(dialog.password().isEmpty());
    }

    void aCertificateForAnotherServerNamesTheHostItWasMeantFor()
    {
        SignInDialog dialog;
        dialog.setProblem(untrusted({QStringLiteral("host_name_mismatch")}));
        const QString problem = shown(dialog, "signInProblem");
        QVERIFY2(problem.contains(QStringLiteral("issued for another server name")), qPrintable(problem));
        QVERIFY(problem.contains(QStringLiteral("hub.example.com")));
        QVERIFY(!problem.contains(QStringLiteral("does not know")));
    }

    void everyOtherProblemHasItsOwnPlainSentenceAndNoTrustButton()
    {
        const auto sentence = [](SignInProblem::Kind kind, const QString &detail) {
            SignInDialog dialog;
            SignInProblem p;
            p.kind = kind;
            p.detail = detail;
            p.server = QStringLiteral("ws://10.0.0.5:8080/ws");
            dialog.setProblem(p);
            [&] { QVERIFY(!trustButtonShown(dialog)); }();
            return shown(dialog, "signInProblem");
        };
        QVERIFY(sentence(SignInProblem::Kind::Unreachable, QStringLiteral("refused"))
                    .startsWith(QStringLiteral("Nothing answers at")));
        QVERIFY(sentence(SignInProblem::Kind::Unreachable, QStringLiteral("host_not_found"))
                    .contains(QStringLiteral("was not found")));
        QVERIFY(sentence(SignInProblem::Kind::Unreachable, QStringLiteral("timeout"))
                    .contains(QStringLiteral("did not answer in time")));
        QCOMPARE(sentence(SignInProblem::Kind::WrongCredentials, QStringLiteral("unauthenticated")),
                 QStringLiteral("The user name or password is wrong."));
        QVERIFY(sentence(SignInProblem::Kind::ServerTooOld, QStringLiteral("bad_request"))
                    .contains(QStringLiteral("older version of Threadline")));
        QVERIFY(sentence(SignInProblem::Kind::Refused, QStringLiteral("rate_limited"))
                    .contains(QStringLiteral("rate_limited")));
        SignInDialog cleared;
        cleared.setProblem({});
        QVERIFY(shown(cleared, "signInProblem").isEmpty());
    }

    void aChosenAuthorityFileIsHandedOnAndTheOutcomeShown()
    {
        SignInDialog dialog;
        dialog.setProblem(untrusted({QStringLiteral("self_signed")}));
        QSignalSpy chosen(&dialog, &SignInDialog::authorityFileChosen);
        dialog.chooseAuthorityFile(QStringLiteral("/etc/company-ca.pem"));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("/etc/company-ca.pem"));
        dialog.authorityRefused(QStringLiteral("not_pem"));
        QVERIFY(shown(dialog, "trustResult").contains(QStringLiteral("PEM")));
        dialog.authorityTrusted(QStringLiteral("Example Corp Internal CA"));
        QVERIFY(shown(dialog, "trustResult").contains(QStringLiteral("now trusts")));
    }

    void theCertificateProblemReadsRightInEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fa") << QStringLiteral("fa");
        QTest::newRow("ar") << QStringLiteral("ar");
    }

    void theCertificateProblemReadsRightInEveryLanguage()
    {
        QFETCH(QString, language);
        ui::useInterfaceLanguage(language);
        SignInDialog dialog;
        dialog.setServer(QStringLiteral("wss://hub.example.com:8443/ws"));
        dialog.setUser(QStringLiteral("sara"));
        dialog.setProblem(untrusted({QStringLiteral("unknown_issuer"), QStringLiteral("host_name_mismatch")}));
        const QString problem = shown(dialog, "signInProblem");
        if (language == QLatin1String("en"))
            QVERIFY(problem.contains(QStringLiteral("not trusted")));
        else // translated, not English, and mirrored
            QVERIFY2(!problem.contains(QStringLiteral("not trusted")), qPrintable(problem));
        QCOMPARE(dialog.layoutDirection(),
                 language == QLatin1String("en") ? Qt::LeftToRight : Qt::RightToLeft);
        const QString dir = qEnvironmentVariable("THREADLINE_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(
                QDir(dir).filePath(QStringLiteral("sign-in-certificate-%1.png").arg(language))));
        }
        ui::useInterfaceLanguage(QStringLiteral("en"));
    }

    // --- End to end: a real wss:// hub ----------------------------------------------------

    void startTheTlsHub()
    {
        m_certificates = std::make_unique<testing::TestCertificates>(m_dir.filePath(QStringLiteral("tls")));
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is missing (Debian package openssl): no test certificates");
        QVERIFY(m_certificates->make());
        m_hub = std::make_unique<DemoTlsHub>();
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("hub")));
        QVERIFY(m_hub->start(m_dir.filePath(QStringLiteral("hub")),
                             m_certificates->path(QStringLiteral("hub.crt")),
                             m_certificates->path(QStringLiteral("hub.key"))));
    }

    void withoutTheCaAScreenshotRunStopsSayingTheCertificateIsNotTrusted()
    {
        if (!m_hub)
            QSKIP("no TLS hub");
        app::Options o = options(QStringLiteral("no-ca"));
        o.server = m_hub->url();
        o.user = QStringLiteral("agent");
        o.passwordFile = m_dir.filePath(QStringLiteral("password"));
        o.interactive = false;
        app::Desktop desktop(o);
        QSignalSpy finished(&desktop, &app::Desktop::finished);
        g_critical.clear();
        const auto previous = qInstallMessageHandler(collectCritical);
        QVERIFY(desktop.start());
        const bool ended = finished.wait(kWaitMs);
        qInstallMessageHandler(previous);
        QVERIFY(ended);
        QCOMPARE(finished.first().first().toInt(), 1);
        const QString said = g_critical.join(QLatin1Char('\n'));
        QVERIFY2(said.contains(QStringLiteral("certificate is not trusted")), qPrintable(said));
        QVERIFY(said.contains(QStringLiteral("does not know")));
    }

    void withCaFileTheSameRunSignsIn()
    {
        if (!m_hub)
            QSKIP("no TLS hub");
        app::Options o = options(QStringLiteral("ca-file"));
        o.server = m_hub->url();
        o.user = QStringLiteral("agent");
        o.passwordFile = m_dir.filePath(QStringLiteral("password"));
        o.caFile = m_certificates->caFile();
        o.interactive = false;
        app::Desktop desktop(o);
        QVERIFY(desktop.start());
        QTRY_VERIFY_WITH_TIMEOUT(desktop.window()->currentCustomer() != 0, kWaitMs);
    }

    void theAgentTrustsTheCompanyCaInTheDialogAndEveryLaterRunUsesIt()
    {
        if (!m_hub)
            QSKIP("no TLS hub");
        const QString profile = m_dir.filePath(QStringLiteral("first-run"));
        {
            app::Options o = options(QStringLiteral("first-run"));
            app::Desktop desktop(o);
            // First run: nothing known yet; the agent types it all in.
            whenTheDialogOpens([this](SignInDialog *dialog) {
                dialog->findChildren<QLineEdit *>().at(0)->setText(m_hub->url().toString());
                dialog->findChildren<QLineEdit *>().at(1)->setText(QStringLiteral("agent"));
                dialog->findChildren<QLineEdit *>().at(2)->setText(QStringLiteral("demo"));
                dialog->accept();
            });
            QVERIFY(desktop.start());
            // The hub's certificate is not trusted: the dialog comes back and says so.
            bool explained = false;
            whenTheDialogOpens([&](SignInDialog *dialog) {
                explained = shown(*dialog, "signInProblem").contains(QStringLiteral("not trusted"))
                            && shown(*dialog, "certificateFacts").contains(QStringLiteral("Threadline Test CA"))
                            && trustButtonShown(*dialog);
                dialog->chooseAuthorityFile(m_dir.filePath(QStringLiteral("tls/ca.key")));
                explained = explained && shown(*dialog, "trustResult").contains(QStringLiteral("PEM"));
                dialog->chooseAuthorityFile(m_certificates->caFile());
                explained = explained && shown(*dialog, "trustResult").contains(QStringLiteral("now trusts"));
                dialog->findChildren<QLineEdit *>().at(2)->setText(QStringLiteral("demo"));
                dialog->accept();
            });
            QTRY_VERIFY_WITH_TIMEOUT(desktop.window()->currentCustomer() != 0, kWaitMs);
            QVERIFY(explained);
        }
        QVERIFY(QFile::exists(profile + QStringLiteral("/trusted-ca.pem")));
        // Server and user are remembered; the password is not written anywhere in the profile.
        QSettings settings(profile + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("server")).toUrl(), m_hub->url());
        QCOMPARE(settings.value(QStringLiteral("user")).toString(), QStringLiteral("agent"));
        QFile ini(profile + QStringLiteral("/settings.ini"));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("demo"));

        // A later run with only the password: the stored CA is trusted, no question asked.
        app::Options later = options(QStringLiteral("first-run"));
        later.passwordFile = m_dir.filePath(QStringLiteral("password"));
        later.interactive = false;
        app::Desktop desktop(later);
        QVERIFY(desktop.start());
        QTRY_VERIFY_WITH_TIMEOUT(desktop.window()->currentCustomer() != 0, kWaitMs);
    }

    void cleanupTestCase() { m_hub.reset(); }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_sign_in_dialog.moc"
