// SPDX-License-Identifier: GPL-3.0-or-later
// threadline-hub --config FILE (packaging/hub.conf.example) and TLS: a hub started from a
// configuration file serves wss:// and https:// to a client that trusts its CA, and a client
// that does not is refused.
#include "server/command_line.h"
#include "server/hub_config.h"
#include "services/protocol/frame_types.h"
#include "tests/support/test_client.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocketHandshakeOptions>

using namespace threadline;
using namespace threadline::server;
using namespace threadline::testing;

namespace {

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

HubOptions parseOk(const QStringList &arguments)
{
    const auto parsed = parseCommandLine(arguments);
    if (const auto *e = std::get_if<UsageError>(&parsed))
        qWarning("unexpected usage error: %s", qUtf8Printable(e->message));
    return std::get<HubOptions>(parsed);
}

// Opens the socket and waits until it is connected or has given up (no fixed wait).
bool connects(QWebSocket &socket, const QUrl &url)
{
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({protocol::kSubprotocol});
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    QSignalSpy failed(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    socket.open(url, options);
    if (!QTest::qWaitFor([&] { return connected.size() + disconnected.size() + failed.size() > 0; },
                         15000))
        return false;
    return connected.size() > 0 && socket.state() == QAbstractSocket::ConnectedState;
}

QString usageError(const QStringList &arguments)
{
    const auto parsed = parseCommandLine(arguments);
    const auto *e = std::get_if<UsageError>(&parsed);
    return e ? e->message : QString();
}

} // namespace

class TestHubConfig : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_openssl;
    // A running hub for the TLS cases.
    QProcess m_hub;
    quint16 m_tlsPort = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool openssl(const QStringList &arguments)
    {
        QProcess p;
        p.setWorkingDirectory(path(QStringLiteral("tls")));
        p.start(m_openssl, arguments);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            qWarning("openssl %s failed: %s", qUtf8Printable(arguments.join(QLatin1Char(' '))),
                     p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    // A CA (CA:TRUE) with its key, as NAME.crt and NAME.key in tls/.
    bool makeCa(const QString &name, const QString &commonName)
    {
        return openssl(
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
             name + QStringLiteral(".crt"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
             QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
             QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    // Runs a hub command line and returns its exit code (stderr shown on failure).
    int runHubCli(const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral(THREADLINE_HUB_BINARY), arguments);
        if (!p.waitForFinished(60000))
            return -1;
        if (p.exitCode() != 0)
            qWarning("threadline-hub %s: %s", qUtf8Printable(arguments.join(QLatin1Char(' '))),
                     p.readAllStandardError().constData());
        return p.exitCode();
    }

    QUrl tlsUrl(const QString &scheme, const QString &path) const
    {
        QUrl url;
        url.setScheme(scheme);
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_tlsPort);
        url.setPath(path);
        return url;
    }

    QSslConfiguration trusting(const QString &caFile) const
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(path(caFile)));
        return configuration;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanupTestCase()
    {
        if (m_hub.state() != QProcess::NotRunning) {
            m_hub.kill();
            m_hub.waitForFinished(10000);
        }
    }

    // --- reading the file -------------------------------------------------------------------

    void theShippedExampleReadsAsTheFlagsItDocuments()
    {
        const QString example = QStringLiteral(THREADLINE_SOURCE_DIR "/packaging/hub.conf.example");
        const auto read = readHubConfig(example);
        if (const auto *error = std::get_if<QString>(&read))
            QFAIL(qUtf8Printable(*error));
        // demo = false and simulate = 0 are left out; everything else is commented out.
        const QList<HubConfigSetting> expected{
            {QStringLiteral("listen"), QStringLiteral("127.0.0.1:8787"), false},
            {QStringLiteral("db"), QStringLiteral("/var/lib/threadline-hub/hub.db"), false},
            {QStringLiteral("log-dir"), QStringLiteral("/var/log/threadline-hub"), false},
            {QStringLiteral("region"), QStringLiteral("IR"), false},
        };
        QCOMPARE(std::get<QList<HubConfigSetting>>(read), expected);

        const HubOptions o = parseOk({QStringLiteral("--config"), example});
        QCOMPARE(o.mode, HubOptions::Mode::Serve);
        QCOMPARE(o.db, QStringLiteral("/var/lib/threadline-hub/hub.db"));
        QCOMPARE(o.logDir, QStringLiteral("/var/log/threadline-hub"));
        QCOMPARE(o.port, quint16(8787));
        QCOMPARE(o.address, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!o.demo);
        QCOMPARE(o.simulate, 0.0);
        QVERIFY(o.tlsCertificateFile.isEmpty());
    }

    void everyKeyBecomesItsFlagAndRelativePathsFollowTheFile()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("etc")));
        const QString conf = path(QStringLiteral("etc/every.conf"));
        QVERIFY(writeFile(conf, "# a comment\n"
                                "[hub]\n"
                                "listen = [::1]:9000\n"
                                "database = data/hub.db\n"
                                "log-dir = /var/log/elsewhere\n"
                                "region = de\n"
                                "demo = yes\n"
                                "simulate = 2.5\n"
                                "[tls]\n"
                                "certificate = tls/hub.crt\n"
                                "key = /etc/ssl/private/hub.key\n"
                                "[channels]\n"
                                "public-url = https://hub.example.com/\n"
                                "twilio-auth-token-file = twilio-token\n"
                                "ingress-secret-file = /etc/threadline/ingress-secret\n"));
        const HubOptions o = parseOk({QStringLiteral("--config"), conf});
        const QString etc = QDir::cleanPath(path(QStringLiteral("etc")));
        QCOMPARE(o.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(o.port, quint16(9000));
        QCOMPARE(o.db, etc + QStringLiteral("/data/hub.db"));
        QCOMPARE(o.logDir, QStringLiteral("/var/log/elsewhere"));
        QCOMPARE(o.region, QStringLiteral("DE"));
        QVERIFY(o.demo);
        QCOMPARE(o.simulate, 2.5);
        QCOMPARE(o.tlsCertificateFile, etc + QStringLiteral("/tls/hub.crt"));
        QCOMPARE(o.tlsKeyFile, QStringLiteral("/etc/ssl/private/hub.key"));
        QCOMPARE(o.publicUrl, QStringLiteral("https://hub.example.com"));
        QCOMPARE(o.twilioAuthTokenFile, etc + QStringLiteral("/twilio-token"));
        QCOMPARE(o.ingressSecretFile, QStringLiteral("/etc/threadline/ingress-secret"));
    }

    void flagsOnTheCommandLineOverrideTheFile()
    {
        const QString conf = path(QStringLiteral("override.conf"));
        QVERIFY(writeFile(conf, "[hub]\nlisten = 127.0.0.1:8787\ndatabase = /srv/hub.db\n"
                                "demo = true\nregion = IR\n"));
        const HubOptions o = parseOk({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                      QStringLiteral("--config=") + conf, QStringLiteral("--db"),
                                      QStringLiteral("/tmp/other.db"), QStringLiteral("--region"),
                                      QStringLiteral("US")});
        QCOMPARE(o.port, quint16(0));
        QCOMPARE(o.db, QStringLiteral("/tmp/other.db"));
        QCOMPARE(o.region, QStringLiteral("US"));
        QVERIFY(o.demo); // not on the command line: the file's value stands
    }

    void theUserAndCustomerCommandsTakeOnlyTheDatabaseAndRegionFromTheFile()
    {
        const QString conf = path(QStringLiteral("commands.conf"));
        QVERIFY(writeFile(conf, "[hub]\nlisten = 127.0.0.1:8787\ndatabase = /srv/hub.db\n"
                                "region = DE\ndemo = true\n[tls]\ncertificate = /c\nkey = /k\n"));
        const HubOptions add = parseOk({QStringLiteral("--config"), conf, QStringLiteral("user"),
                                        QStringLiteral("add"), QStringLiteral("dana"),
                                        QStringLiteral("--role"), QStringLiteral("agent"),
                                        QStringLiteral("--password-file"), QStringLiteral("/pw")});
        QCOMPARE(add.mode, HubOptions::Mode::UserAdd);
        QCOMPARE(add.db, QStringLiteral("/srv/hub.db"));
        const HubOptions find =
            parseOk({QStringLiteral("customer"), QStringLiteral("find"),
                     QStringLiteral("+4915112345678"), QStringLiteral("--config"), conf});
        QCOMPARE(find.mode, HubOptions::Mode::CustomerFind);
        QCOMPARE(find.db, QStringLiteral("/srv/hub.db"));
        QCOMPARE(find.region, QStringLiteral("DE"));
    }

    void aMistakeInTheFileIsASentenceNamingTheFile()
    {
        const QString typo = path(QStringLiteral("typo.conf"));
        QVERIFY(writeFile(typo, "[hub]\nlisten = 127.0.0.1:8787\ndatbase = /srv/hub.db\n"));
        QString error = usageError({QStringLiteral("--config"), typo});
        QVERIFY2(error.contains(typo) && error.contains(QStringLiteral("unknown key \"datbase\"")),
                 qUtf8Printable(error));

        const QString outside = path(QStringLiteral("outside.conf"));
        QVERIFY(writeFile(outside, "listen = 127.0.0.1:8787\n"));
        error = usageError({QStringLiteral("--config"), outside});
        QVERIFY2(error.contains(QStringLiteral("outside a section")), qUtf8Printable(error));

        const QString badListen = path(QStringLiteral("bad-listen.conf"));
        QVERIFY(writeFile(badListen, "[hub]\nlisten = somewhere\ndatabase = /srv/hub.db\n"));
        error = usageError({QStringLiteral("--config"), badListen});
        QVERIFY2(error.contains(QStringLiteral("--listen takes HOST:PORT")) &&
                     error.contains(badListen),
                 qUtf8Printable(error));

        const QString badDemo = path(QStringLiteral("bad-demo.conf"));
        QVERIFY(writeFile(badDemo, "[hub]\ndatabase = /srv/hub.db\ndemo = maybe\n"));
        error = usageError({QStringLiteral("--config"), badDemo});
        QVERIFY2(error.contains(QStringLiteral("[hub] demo takes true or false")),
                 qUtf8Printable(error));

        error = usageError({QStringLiteral("--config"), path(QStringLiteral("missing.conf"))});
        QVERIFY2(error.contains(QStringLiteral("cannot read the configuration file")),
                 qUtf8Printable(error));
    }

    void aCertificateNeedsItsKey()
    {
        QVERIFY(usageError({QStringLiteral("--db"), QStringLiteral("/srv/hub.db"),
                            QStringLiteral("--tls-cert"), QStringLiteral("/c")})
                    .contains(QStringLiteral("--tls-cert FILE and --tls-key FILE go together")));
        QVERIFY(usageError({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x"),
                            QStringLiteral("--role"), QStringLiteral("agent"),
                            QStringLiteral("--password-file"), QStringLiteral("/pw"),
                            QStringLiteral("--db"), QStringLiteral("/srv/hub.db"),
                            QStringLiteral("--tls-key"), QStringLiteral("/k")})
                    .contains(QStringLiteral("does not apply here")));
    }

    void thePingIntervalIsSecondsOrZeroForNever()
    {
        const QStringList db{QStringLiteral("--db"), QStringLiteral("/srv/hub.db")};
        QCOMPARE(parseOk(db).pingSeconds, 30.0);
        QCOMPARE(parseOk(db + QStringList{QStringLiteral("--ping-seconds"), QStringLiteral("0")})
                     .pingSeconds,
                 0.0);
        QCOMPARE(parseOk(db + QStringList{QStringLiteral("--ping-seconds"), QStringLiteral("2.5")})
                     .pingSeconds,
                 2.5);
        for (const char *bad : {"0.1", "-1", "3601", "often", "nan"})
            QVERIFY2(usageError(db + QStringList{QStringLiteral("--ping-seconds"), QLatin1String(bad)})
                         .contains(QStringLiteral("--ping-seconds takes seconds")),
                     bad);
        QVERIFY(usageError({QStringLiteral("customer"), QStringLiteral("find"), QStringLiteral("x"),
                            QStringLiteral("--db"), QStringLiteral("/srv/hub.db"),
                            QStringLiteral("--ping-seconds"), QStringLiteral("5")})
                    .contains(QStringLiteral("does not apply here")));
    }

    // --- TLS, end to end --------------------------------------------------------------------

    void aHubStartedFromAConfigFileServesWssToAClientThatTrustsItsCa()
    {
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (m_openssl.isEmpty())
            QSKIP("the openssl command is missing (Debian package openssl): no test certificates");
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("tls")));
        QVERIFY(makeCa(QStringLiteral("ca"), QStringLiteral("Threadline Test CA")));
        QVERIFY(makeCa(QStringLiteral("other-ca"), QStringLiteral("Someone Else's CA")));
        QVERIFY(
            openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                     QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("hub.key"),
                     QStringLiteral("-out"), QStringLiteral("hub.csr"), QStringLiteral("-subj"),
                     QStringLiteral("/CN=127.0.0.1")}));
        QVERIFY(writeFile(path(QStringLiteral("tls/hub.ext")),
                          "basicConstraints=CA:FALSE\n"
                          "keyUsage=critical,digitalSignature\n"
                          "extendedKeyUsage=serverAuth\n"
                          "subjectAltName=IP:127.0.0.1,DNS:localhost\n"));
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         QStringLiteral("hub.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                         QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("hub.ext"),
                         QStringLiteral("-out"), QStringLiteral("hub.crt")}));

        // Relative paths: the database, logs and certificate live next to the file.
        const QString conf = path(QStringLiteral("hub.conf"));
        QVERIFY(writeFile(conf, "[hub]\n"
                                "listen = 127.0.0.1:0\n"
                                "database = state/hub.db\n"
                                "log-dir = state/logs\n"
                                "[tls]\n"
                                "certificate = tls/hub.crt\n"
                                "key = tls/hub.key\n"));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("state")));
        QVERIFY(writeFile(path(QStringLiteral("password")), "correct horse\n"));
        QCOMPARE(runHubCli({QStringLiteral("--config"), conf, QStringLiteral("user"),
                            QStringLiteral("add"), QStringLiteral("dana"), QStringLiteral("--role"),
                            QStringLiteral("agent"), QStringLiteral("--password-file"),
                            path(QStringLiteral("password"))}),
                 0);

        m_hub.setProgram(QStringLiteral(THREADLINE_HUB_BINARY));
        m_hub.setArguments({QStringLiteral("--config"), conf});
        m_hub.start();
        QVERIFY(m_hub.waitForStarted(30000));
        QTRY_VERIFY2_WITH_TIMEOUT(m_hub.canReadLine() || m_hub.state() == QProcess::NotRunning,
                                  "no 'listening on' line", 60000);
        const QString line = QString::fromUtf8(m_hub.readLine()).trimmed();
        static const QRegularExpression shape(
            QStringLiteral("^threadline-hub listening on wss://127\\.0\\.0\\.1:(\\d+)/ws$"));
        const auto m = shape.match(line);
        QVERIFY2(m.hasMatch(), qUtf8Printable(line + QLatin1Char(' ') +
                                              QString::fromUtf8(m_hub.readAllStandardError())));
        m_tlsPort = quint16(m.captured(1).toUInt());
        QVERIFY(QFile::exists(path(QStringLiteral("state/hub.db"))));

        TestClient client;
        client.socket().setSslConfiguration(trusting(QStringLiteral("tls/ca.crt")));
        QVERIFY(client.connectTo(tlsUrl(QStringLiteral("wss"), QStringLiteral("/ws"))));
        QCOMPARE(client.socket().subprotocol(), protocol::kSubprotocol);
        QVERIFY(client.socket().sslConfiguration().sessionCipher().isNull() == false);
        QCOMPARE(client.socket().sslConfiguration().peerCertificate(),
                 QSslCertificate::fromPath(path(QStringLiteral("tls/hub.crt"))).value(0));
        const auto welcome = client.hello(QStringLiteral("dana"), QStringLiteral("correct horse"));
        QCOMPARE(welcome.type, protocol::type::welcome);
        QCOMPARE(welcome.data.value(QStringLiteral("user")).toString(), QStringLiteral("dana"));
        QCOMPARE(welcome.data.value(QStringLiteral("role")).toString(), QStringLiteral("agent"));
    }

    void healthIsServedOverHttpsOnTheSamePort()
    {
        if (m_tlsPort == 0)
            QSKIP("no TLS hub (see the previous case)");
        QNetworkAccessManager network;
        QNetworkRequest request(tlsUrl(QStringLiteral("https"), QStringLiteral("/health")));
        request.setSslConfiguration(trusting(QStringLiteral("tls/ca.crt")));
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll().contains("ok"));
    }

    void aClientThatDoesNotTrustTheHubsCaIsRefused()
    {
        if (m_tlsPort == 0)
            QSKIP("no TLS hub (see the previous case)");
        TestClient client;
        client.socket().setSslConfiguration(trusting(QStringLiteral("tls/other-ca.crt")));
        QSignalSpy sslErrors(&client.socket(), &QWebSocket::sslErrors);
        QVERIFY(!connects(client.socket(), tlsUrl(QStringLiteral("wss"), QStringLiteral("/ws"))));
        QVERIFY(!client.isConnected());
        QCOMPARE(sslErrors.size(), 1);
        const auto errors = sslErrors.at(0).at(0).value<QList<QSslError>>();
        QVERIFY(!errors.isEmpty());
        QVERIFY2(std::any_of(errors.begin(), errors.end(),
                             [](const QSslError &e) {
                                 return e.error() == QSslError::UnableToGetLocalIssuerCertificate ||
                                        e.error() == QSslError::CertificateUntrusted ||
                                        e.error() == QSslError::UnableToVerifyFirstCertificate;
                             }),
                 qUtf8Printable(errors.constFirst().errorString()));
    }

    void aPlainWebSocketToATlsHubGetsNoSession()
    {
        if (m_tlsPort == 0)
            QSKIP("no TLS hub (see the previous case)");
        TestClient client;
        QVERIFY(!connects(client.socket(), tlsUrl(QStringLiteral("ws"), QStringLiteral("/ws"))));
        // The hub is still there for clients that do speak TLS.
        TestClient trusted;
        trusted.socket().setSslConfiguration(trusting(QStringLiteral("tls/ca.crt")));
        QVERIFY(trusted.connectTo(tlsUrl(QStringLiteral("wss"), QStringLiteral("/ws"))));
    }

    void aKeyFileThatHoldsNoKeyStopsTheHubWithASentence()
    {
        if (m_openssl.isEmpty())
            QSKIP("the openssl command is missing (Debian package openssl)");
        QProcess hub;
        hub.start(QStringLiteral(THREADLINE_HUB_BINARY),
                  {QStringLiteral("--db"), path(QStringLiteral("state/other.db")),
                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--tls-cert"), path(QStringLiteral("tls/hub.crt")),
                   QStringLiteral("--tls-key"), path(QStringLiteral("tls/hub.crt"))});
        QVERIFY(hub.waitForFinished(60000));
        QCOMPARE(hub.exitCode(), 1);
        const QByteArray err = hub.readAllStandardError();
        QVERIFY2(err.contains("holds no unencrypted PEM private key"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestHubConfig)
#include "tst_hub_config.moc"
