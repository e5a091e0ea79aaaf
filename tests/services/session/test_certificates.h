// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Throwaway certificates made with the openssl command at test time: a test CA,
// a hub certificate it signed for 127.0.0.1, and one it signed for another host.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace threadline::testing {

class TestCertificates {
public:
    explicit TestCertificates(QString folder) : m_folder(std::move(folder)) {}

    /// False when openssl is missing or refused (see the warning).
    bool make()
    {
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (m_openssl.isEmpty() || !QDir().mkpath(m_folder))
            return false;
        return makeCa() && makeLeaf(QStringLiteral("hub"), QStringLiteral("127.0.0.1"),
                                    QStringLiteral("IP:127.0.0.1,DNS:localhost"))
               && makeLeaf(QStringLiteral("elsewhere"), QStringLiteral("elsewhere.example"),
                           QStringLiteral("DNS:elsewhere.example"));
    }

    QString path(const QString &name) const { return QDir(m_folder).filePath(name); }
    QString caFile() const { return path(QStringLiteral("ca.crt")); }

private:
    bool run(const QStringList &arguments)
    {
        QProcess p;
        p.setWorkingDirectory(m_folder);
        p.start(m_openssl, arguments);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("openssl %s failed: %s", qUtf8Printable(arguments.join(QLatin1Char(' '))),
                     p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    bool makeCa()
    {
        return run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                    QStringLiteral("ca.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=Threadline Test CA"),
                    QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    bool makeLeaf(const QString &name, const QString &commonName, const QString &altNames)
    {
        QFile ext(path(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                  "extendedKeyUsage=serverAuth\nsubjectAltName=");
        ext.write(altNames.toUtf8() + '\n');
        ext.close();
        return run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName})
               && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                       name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                       QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                       QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-extfile"), name + QStringLiteral(".ext"),
                       QStringLiteral("-out"), name + QStringLiteral(".crt")});
    }

    QString m_folder;
    QString m_openssl;
};

} // namespace threadline::testing
