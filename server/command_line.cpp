// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/command_line.h"

#include "server/database_url.h"
#include "server/hub_commands.h"
#include "server/hub_config.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QUrl>

namespace threadline::server {
namespace {

UsageError usage(const QString &message)
{
    return UsageError{message + QStringLiteral("\nTry 'threadline-hub --help'.")};
}

bool parseListen(const QString &text, QHostAddress &address, quint16 &port)
{
    static const QRegularExpression shape(QStringLiteral("^\\[?([^\\]]+?)\\]?:(\\d{1,5})$"));
    const auto m = shape.match(text);
    if (!m.hasMatch())
        return false;
    QHostAddress a;
    const QString host = m.captured(1);
    if (host == QLatin1String("localhost"))
        a = QHostAddress::LocalHost;
    else if (!a.setAddress(host))
        return false;
    const uint p = m.captured(2).toUInt();
    if (p > 65535)
        return false;
    address = a;
    port = quint16(p);
    return true;
}

// --sms-* and --smtp-*: all or nothing per provider, checked here so the hub never
// starts half configured.
QString readOutbound(const QCommandLineParser &parser, HubOptions &o)
{
    auto value = [&](const char *name) { return parser.value(QLatin1String(name)).trimmed(); };
    o.smsApiUrl = value("sms-api-url");
    o.smsAccountSid = value("sms-account-sid");
    o.smsAuthTokenFile = value("sms-auth-token-file");
    o.smsFrom = value("sms-from");
    const bool anySms = !o.smsApiUrl.isEmpty() || !o.smsAccountSid.isEmpty() ||
                        !o.smsAuthTokenFile.isEmpty() || !o.smsFrom.isEmpty();
    if (anySms) {
        if (o.smsApiUrl.isEmpty() || o.smsAccountSid.isEmpty() || o.smsAuthTokenFile.isEmpty() ||
            o.smsFrom.isEmpty())
            return QStringLiteral("--sms-api-url, --sms-account-sid, --sms-auth-token-file and "
                                  "--sms-from go together");
        const QUrl url(o.smsApiUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            url.hasQuery() || url.hasFragment())
            return QStringLiteral(
                "--sms-api-url takes an http or https base URL, e.g. https://api.twilio.com");
        while (o.smsApiUrl.endsWith(QLatin1Char('/')))
            o.smsApiUrl.chop(1);
    }
    o.smtpHost = value("smtp-host");
    o.smtpUser = value("smtp-user");
    o.smtpPasswordFile = value("smtp-password-file");
    o.smtpFrom = value("smtp-from");
    o.smtpStartTls = parser.isSet(QStringLiteral("smtp-starttls"));
    o.smtpCaFile = value("smtp-ca-file");
    const bool anySmtp = !o.smtpHost.isEmpty() || !o.smtpUser.isEmpty() ||
                         !o.smtpPasswordFile.isEmpty() || !o.smtpFrom.isEmpty() ||
                         o.smtpStartTls || parser.isSet(QStringLiteral("smtp-port")) ||
                         !o.smtpCaFile.isEmpty();
    if (anySmtp) {
        if (o.smtpHost.isEmpty() || o.smtpFrom.isEmpty())
            return QStringLiteral("the SMTP settings need --smtp-host and --smtp-from");
        static const QRegularExpression address(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
        if (!address.match(o.smtpFrom).hasMatch())
            return QStringLiteral("--smtp-from takes an address such as shop@example.com");
        if (o.smtpUser.isEmpty() != o.smtpPasswordFile.isEmpty())
            return QStringLiteral("--smtp-user and --smtp-password-file go together");
        if (!o.smtpCaFile.isEmpty() && !o.smtpStartTls)
            return QStringLiteral("--smtp-ca-file needs --smtp-starttls");
        o.smtpPort = o.smtpStartTls ? 587 : 25;
        if (parser.isSet(QStringLiteral("smtp-port"))) {
            bool ok = false;
            const uint port = value("smtp-port").toUInt(&ok);
            if (!ok || port == 0 || port > 65535)
                return QStringLiteral("--smtp-port takes a port number");
            o.smtpPort = quint16(port);
        }
    }
    if (parser.isSet(QStringLiteral("outbound-attempts"))) {
        bool ok = false;
        o.outboundAttempts = value("outbound-attempts").toInt(&ok);
        if (!ok || o.outboundAttempts < 1 || o.outboundAttempts > 100)
            return QStringLiteral("--outbound-attempts takes a number from 1 to 100");
    }
    if (parser.isSet(QStringLiteral("outbound-retry-seconds"))) {
        bool ok = false;
        o.outboundRetrySeconds = value("outbound-retry-seconds").toDouble(&ok);
        if (!ok || !(o.outboundRetrySeconds >= 0.05) || o.outboundRetrySeconds > 3600)
            return QStringLiteral("--outbound-retry-seconds takes seconds from 0.05 to 3600");
    }
    if (parser.isSet(QStringLiteral("outbound-lease-seconds"))) {
        bool ok = false;
        o.outboundLeaseSeconds = value("outbound-lease-seconds").toDouble(&ok);
        if (!ok || !(o.outboundLeaseSeconds >= 0.3) || o.outboundLeaseSeconds > 3600)
            return QStringLiteral("--outbound-lease-seconds takes seconds from 0.3 to 3600");
    }
    return {};
}

} // namespace

QString helpText()
{
    return QStringLiteral(
        "Usage:\n"
        "  threadline-hub --db PATH [--listen HOST:PORT] [--demo] [--simulate RATE] [--log-dir "
        "DIR]\n"
        "                 [--public-url URL] [--twilio-auth-token-file FILE]\n"
        "                 [--ingress-secret-file FILE] [--tls-cert FILE --tls-key FILE]\n"
        "                 [--maildir DIR]\n"
        "                 [--sms-api-url URL --sms-account-sid SID --sms-auth-token-file FILE\n"
        "                  --sms-from NUMBER] [--smtp-host HOST [--smtp-port PORT] [--smtp-starttls]\n"
        "                  [--smtp-user USER --smtp-password-file FILE] --smtp-from ADDRESS]\n"
        "                  [--smtp-ca-file FILE]\n"
        "                 [--outbound-attempts N] [--outbound-retry-seconds S]\n"
        "                 [--outbound-lease-seconds S] [--ping-seconds S]\n"
        "  threadline-hub --config FILE [flags]\n"
        "      Serve the threadline.v1 WebSocket API at ws://HOST:PORT/ws and GET /health on the\n"
        "      same address. PORT 0 picks a free port. On start one line is printed:\n"
        "      \"threadline-hub listening on ws://HOST:PORT/ws\" (wss:// with TLS).\n"
        "      --config FILE       read settings from FILE (INI; /etc/threadline/hub.conf for the\n"
        "                          systemd service, documented key by key in it); flags given\n"
        "                          on the command line override the file. Also works before\n"
        "                          the user and customer commands (it gives them --db).\n"
        "      --listen HOST:PORT  address to listen on (default 127.0.0.1:8787)\n"
        "      --db PATH           SQLite database; created when missing, never overwritten\n"
        "      --db postgresql://USER:PASSWORD@HOST:PORT/DATABASE\n"
        "                          PostgreSQL instead (postgres:// too; ?host=/socket/folder for\n"
        "                          a Unix socket, ?sslmode=require, ?connect_timeout=S). The\n"
        "                          database must exist; the hub creates its tables. Several hubs\n"
        "                          may share it: each desktop sees every hub's events in order.\n"
        "      --demo              seed demo users (agent, supervisor, store; password \"demo\")\n"
        "                          and 210 customers with history, when the database has none\n"
        "      --simulate RATE     keep inbound messages arriving, RATE per second (e.g. 0.5)\n"
        "      --log-dir DIR       log folder (default: a \"logs\" folder next to the database;\n"
        "                          with PostgreSQL, in the current folder)\n"
        "      --region CC         default region for phone numbers (default IR)\n"
        "      --public-url URL    the hub's public base URL (e.g. https://hub.example.com behind\n"
        "                          a proxy); Twilio signatures are checked against it\n"
        "                          (default http://HOST:PORT of --listen)\n"
        "      --twilio-auth-token-file FILE\n"
        "                          check X-Twilio-Signature on POST /ingress/sms/twilio with the\n"
        "                          auth token on FILE's first line (403 when it does not match)\n"
        "      --ingress-secret-file FILE\n"
        "                          require the secret on FILE's first line in the header\n"
        "                          X-Threadline-Ingress-Secret on /ingress/email and "
        "/ingress/orders/*\n"
        "      --maildir DIR       also take email from the Maildir DIR: each message delivered\n"
        "                          to DIR/new is stored like POST /ingress/email and moved to\n"
        "                          DIR/cur as seen (\":2,S\"; refused mail is kept, flagged)\n"
        "      --tls-cert FILE --tls-key FILE\n"
        "                          serve https:// and wss:// with this PEM certificate (chain,\n"
        "                          server certificate first) and its PEM private key\n"
        "      Outbound replies (docs/outbound.md); without a provider a reply on that channel\n"
        "      fails with \"no SMS provider configured\" or \"no email server configured\":\n"
        "      --sms-api-url URL   Twilio-compatible API base, e.g. https://api.twilio.com; POSTs to\n"
        "                          URL/2010-04-01/Accounts/SID/Messages.json\n"
        "      --sms-account-sid SID --sms-auth-token-file FILE --sms-from NUMBER\n"
        "                          basic auth SID and the token on FILE's first line; the sender\n"
        "      --smtp-host HOST --smtp-port PORT (default 25, 587 with --smtp-starttls)\n"
        "      --smtp-starttls     require STARTTLS (certificate checked against the system CAs)\n"
        "      --smtp-user USER --smtp-password-file FILE\n"
        "                          AUTH PLAIN (only over TLS, or to a loopback server)\n"
        "      --smtp-from ADDRESS the From address of replies\n"
        "      --smtp-ca-file FILE trust these PEM CAs for STARTTLS instead of the system's\n"
        "      --outbound-attempts N       tries per reply before it fails (default 6)\n"
        "      --outbound-retry-seconds S  wait after the first failed try, doubling (default 30)\n"
        "      --outbound-lease-seconds S  how long a hub holds a reply without renewing it;\n"
        "                                  another hub on the database takes it after that\n"
        "                                  (default 60)\n"
        "      --ping-seconds S  ping every connection this often; one silent since the last\n"
        "                        ping is dropped (a dead network), 0 never (default 30)\n"
        "      Channel ingress on the same address (docs/ingress.md): POST /ingress/sms/twilio,\n"
        "      /ingress/email (message/rfc822), /ingress/orders/woocommerce, "
        "/ingress/orders/shopify.\n"
        "\n"
        "  threadline-hub user add NAME --role agent|supervisor|store --password-file FILE --db "
        "PATH\n"
        "      Add a user. The first line of FILE is the password; only a salted PBKDF2 hash is "
        "stored.\n"
        "\n"
        "  threadline-hub customer find IDENTITY --db PATH [--region CC]\n"
        "      Print one customer with identities, every thread item, orders and attachments\n"
        "      (name, type, size) as JSON. IDENTITY is a\n"
        "      phone number in any common format (Persian and Arabic-Indic digits too), an email\n"
        "      address (any case) or a numeric customer id.\n"
        "\n"
        "  threadline-hub --help | --version\n"
        "\n"
        "Exit codes: 0 success, 1 failure (e.g. the database cannot be used), 2 bad arguments,\n"
        "3 not found (customer find).\n");
}

std::variant<HubOptions, UsageError> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version(QStringLiteral("version"), QString());
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption listen(QStringLiteral("listen"), QString(),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption demo(QStringLiteral("demo"), QString());
    const QCommandLineOption simulate(QStringLiteral("simulate"), QString(),
                                      QStringLiteral("RATE"));
    const QCommandLineOption logDir(QStringLiteral("log-dir"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption region(QStringLiteral("region"), QString(), QStringLiteral("CC"));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"), QString(),
                                       QStringLiteral("URL"));
    const QCommandLineOption twilioToken(QStringLiteral("twilio-auth-token-file"), QString(),
                                         QStringLiteral("FILE"));
    const QCommandLineOption ingressSecret(QStringLiteral("ingress-secret-file"), QString(),
                                           QStringLiteral("FILE"));
    const QCommandLineOption role(QStringLiteral("role"), QString(), QStringLiteral("ROLE"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"), QString(),
                                          QStringLiteral("FILE"));
    const QCommandLineOption config(QStringLiteral("config"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption smsApiUrl(QStringLiteral("sms-api-url"), QString(),
                                       QStringLiteral("URL"));
    const QCommandLineOption smsSid(QStringLiteral("sms-account-sid"), QString(),
                                    QStringLiteral("SID"));
    const QCommandLineOption smsToken(QStringLiteral("sms-auth-token-file"), QString(),
                                      QStringLiteral("FILE"));
    const QCommandLineOption smsFrom(QStringLiteral("sms-from"), QString(),
                                     QStringLiteral("NUMBER"));
    const QCommandLineOption smtpHost(QStringLiteral("smtp-host"), QString(),
                                      QStringLiteral("HOST"));
    const QCommandLineOption smtpPort(QStringLiteral("smtp-port"), QString(),
                                      QStringLiteral("PORT"));
    const QCommandLineOption smtpStartTls(QStringLiteral("smtp-starttls"), QString());
    const QCommandLineOption smtpUser(QStringLiteral("smtp-user"), QString(),
                                      QStringLiteral("USER"));
    const QCommandLineOption smtpPassword(QStringLiteral("smtp-password-file"), QString(),
                                          QStringLiteral("FILE"));
    const QCommandLineOption smtpFrom(QStringLiteral("smtp-from"), QString(),
                                      QStringLiteral("ADDRESS"));
    const QCommandLineOption attempts(QStringLiteral("outbound-attempts"), QString(),
                                      QStringLiteral("N"));
    const QCommandLineOption retry(QStringLiteral("outbound-retry-seconds"), QString(),
                                   QStringLiteral("S"));
    const QCommandLineOption lease(QStringLiteral("outbound-lease-seconds"), QString(),
                                   QStringLiteral("S"));
    const QCommandLineOption smtpCa(QStringLiteral("smtp-ca-file"), QString(),
                                    QStringLiteral("FILE"));
    const QCommandLineOption maildir(QStringLiteral("maildir"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption ping(QStringLiteral("ping-seconds"), QString(), QStringLiteral("S"));
    parser.addOptions({help, version, db, listen, demo, simulate, logDir, region, role,
                       passwordFile, publicUrl, twilioToken, ingressSecret, config, tlsCert,
                       tlsKey, ping});
    const QList<const QCommandLineOption *> outbound{
        &smsApiUrl, &smsSid,   &smsToken,     &smsFrom,  &smtpHost, &smtpPort,
        &smtpStartTls, &smtpUser, &smtpPassword, &smtpFrom, &attempts, &retry,
        &lease,        &smtpCa};
    for (const QCommandLineOption *opt : outbound)
        parser.addOption(*opt);
    parser.addOption(maildir);
    // parse() expects the program name first.
    if (!parser.parse(QStringList{QStringLiteral("threadline-hub")} + arguments))
        return usage(parser.errorText());

    HubOptions o;
    if (parser.isSet(help)) {
        o.mode = HubOptions::Mode::Help;
        return o;
    }
    if (parser.isSet(version)) {
        o.mode = HubOptions::Mode::Version;
        return o;
    }
    const QStringList args = parser.positionalArguments();
    if (parser.isSet(config)) {
        // The file's settings become flags (the command line's own flags win); parse again.
        const auto read = readHubConfig(parser.value(config));
        if (const auto *error = std::get_if<QString>(&read))
            return usage(*error);
        const bool forUser = !args.isEmpty() && args.at(0) == QLatin1String("user");
        const bool forCustomer = !args.isEmpty() && args.at(0) == QLatin1String("customer");
        const QStringList expanded = withHubConfig(
            arguments, std::get<QList<HubConfigSetting>>(read), [&](const QString &flag) {
                if (parser.isSet(flag))
                    return false;
                if (forUser)
                    return flag == QLatin1String("db");
                if (forCustomer)
                    return flag == QLatin1String("db") || flag == QLatin1String("region");
                return true;
            });
        auto parsed = parseCommandLine(expanded);
        if (auto *error = std::get_if<UsageError>(&parsed))
            error->message +=
                QStringLiteral("\n(Settings were read from %1.)").arg(parser.value(config));
        return parsed;
    }
    auto onlyFor = [&](const QList<const QCommandLineOption *> &allowed) -> QString {
        for (const QCommandLineOption *opt :
             {&listen, &demo, &simulate, &logDir, &region, &role, &passwordFile, &publicUrl,
              &twilioToken, &ingressSecret, &tlsCert, &tlsKey, &ping})
            if (parser.isSet(*opt) && !allowed.contains(opt))
                return QStringLiteral("--%1 does not apply here").arg(opt->names().constLast());
        for (const QCommandLineOption *opt : outbound)
            if (parser.isSet(*opt) && !allowed.contains(opt))
                return QStringLiteral("--%1 does not apply here").arg(opt->names().constLast());
        return {};
    };

    o.db = parser.value(db);
    if (!parser.isSet(db) || o.db.isEmpty())
        return usage(QStringLiteral("--db PATH or --db postgresql://... is required"));
    // A PostgreSQL URL is checked here, so a typo is a usage error (exit 2), not a failure.
    if (const auto where = parseDatabaseLocation(o.db); std::holds_alternative<QString>(where))
        return usage(std::get<QString>(where));
    if (parser.isSet(region)) {
        o.region = parser.value(region).toUpper();
        if (o.region.size() != 2)
            return usage(QStringLiteral("--region takes a two-letter country code such as IR"));
    }

    if (!args.isEmpty() && parser.isSet(maildir))
        return usage(QStringLiteral("--maildir does not apply here"));
    if (args.isEmpty()) {
        o.mode = HubOptions::Mode::Serve;
        if (parser.isSet(maildir)) {
            o.maildir = parser.value(maildir);
            if (o.maildir.isEmpty())
                return usage(QStringLiteral("--maildir takes a DIR"));
        }
        if (const QString e = onlyFor(QList<const QCommandLineOption *>{
                                          &listen, &demo, &simulate, &logDir, &region, &publicUrl,
                                          &twilioToken, &ingressSecret, &tlsCert, &tlsKey, &ping} +
                                      outbound);
            !e.isEmpty())
            return usage(e);
        if (const QString e = readOutbound(parser, o); !e.isEmpty())
            return usage(e);
        if (parser.isSet(publicUrl)) {
            const QUrl url(parser.value(publicUrl), QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
                url.hasQuery() || url.hasFragment())
                return usage(QStringLiteral(
                    "--public-url takes an http or https base URL, e.g. https://hub.example.com"));
            o.publicUrl = url.toString(QUrl::FullyEncoded);
            while (o.publicUrl.endsWith(QLatin1Char('/')))
                o.publicUrl.chop(1);
        }
        if (parser.isSet(twilioToken)) {
            o.twilioAuthTokenFile = parser.value(twilioToken);
            if (o.twilioAuthTokenFile.isEmpty())
                return usage(QStringLiteral("--twilio-auth-token-file takes a FILE"));
        }
        if (parser.isSet(ingressSecret)) {
            o.ingressSecretFile = parser.value(ingressSecret);
            if (o.ingressSecretFile.isEmpty())
                return usage(QStringLiteral("--ingress-secret-file takes a FILE"));
        }
        o.tlsCertificateFile = parser.value(tlsCert);
        o.tlsKeyFile = parser.value(tlsKey);
        if (o.tlsCertificateFile.isEmpty() != o.tlsKeyFile.isEmpty())
            return usage(QStringLiteral("--tls-cert FILE and --tls-key FILE go together"));
        if (parser.isSet(listen) && !parseListen(parser.value(listen), o.address, o.port))
            return usage(QStringLiteral("--listen takes HOST:PORT, e.g. 127.0.0.1:8787"));
        o.demo = parser.isSet(demo);
        if (parser.isSet(simulate)) {
            bool ok = false;
            o.simulate = parser.value(simulate).toDouble(&ok);
            if (!ok || !(o.simulate > 0) || o.simulate > 1000)
                return usage(
                    QStringLiteral("--simulate takes messages per second, between 0 and 1000"));
        }
        if (parser.isSet(ping)) {
            bool ok = false;
            o.pingSeconds = parser.value(ping).toDouble(&ok);
            if (!ok || !(o.pingSeconds == 0 || o.pingSeconds >= 0.2) || o.pingSeconds > 3600)
                return usage(QStringLiteral("--ping-seconds takes seconds from 0.2 to 3600, or 0"));
        }
        o.logDir = parser.value(logDir);
        return o;
    }
    if (args.at(0) == QLatin1String("user")) {
        if (args.size() != 3 || args.at(1) != QLatin1String("add"))
            return usage(QStringLiteral(
                "usage: threadline-hub user add NAME --role ROLE --password-file FILE --db PATH"));
        if (const QString e = onlyFor({&role, &passwordFile}); !e.isEmpty())
            return usage(e);
        o.mode = HubOptions::Mode::UserAdd;
        o.userName = args.at(2).trimmed();
        static const QRegularExpression nameShape(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
        if (!nameShape.match(o.userName).hasMatch())
            return usage(QStringLiteral("a user name is 1 to 64 letters, digits or . _ @ -"));
        o.role = parser.value(role);
        if (!role::isKnown(o.role))
            return usage(QStringLiteral("--role must be agent, supervisor or store"));
        o.passwordFile = parser.value(passwordFile);
        if (o.passwordFile.isEmpty())
            return usage(QStringLiteral("--password-file FILE is required"));
        return o;
    }
    if (args.at(0) == QLatin1String("customer")) {
        if (args.size() != 3 || args.at(1) != QLatin1String("find"))
            return usage(QStringLiteral("usage: threadline-hub customer find IDENTITY --db PATH"));
        if (const QString e = onlyFor({&region}); !e.isEmpty())
            return usage(e);
        o.mode = HubOptions::Mode::CustomerFind;
        o.identity = args.at(2).trimmed();
        if (o.identity.isEmpty())
            return usage(QStringLiteral("IDENTITY must not be empty"));
        return o;
    }
    return usage(QStringLiteral("unknown command '%1'").arg(args.at(0)));
}

} // namespace threadline::server
