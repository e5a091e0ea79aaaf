// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/hub_cli.h"

#include "server/command_line.h"
#include "server/database_url.h"
#include "server/demo_seeder.h"
#include "server/hub_commands.h"
#include "server/hub_server.h"
#include "server/hub_store.h"
#include "server/ingress_routes.h"
#include "server/ingress_store.h"
#include "server/maildir_ingress.h"
#include "server/outbound_dispatcher.h"
#include "server/password_hash.h"
#include "server/phone_normaliser.h"
#include "server/queue_monitor.h"
#include "server/snooze_waker.h"
#include "server/traffic_simulator.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTimer>
#include <cstdio>

namespace threadline::server {
namespace {

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fputs("\n", stderr);
}

void printOut(const QByteArray &text)
{
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

int openStore(HubStore &store, const QString &path, HubStore::OpenMode mode)
{
    const QString error = store.open(path, mode);
    if (!error.isEmpty()) {
        printErr(QStringLiteral("threadline-hub: ") + error);
        return 1;
    }
    return 0;
}

int userAdd(const HubOptions &o)
{
    QFile file(o.passwordFile);
    if (!file.open(QIODevice::ReadOnly)) {
        printErr(
            QStringLiteral("threadline-hub: cannot read the password file %1").arg(o.passwordFile));
        return 2;
    }
    QString password = QString::fromUtf8(file.readLine(4096));
    while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    if (password.isEmpty()) {
        printErr(QStringLiteral("threadline-hub: the password file is empty"));
        return 2;
    }
    HubStore store;
    if (const int rc = openStore(store, o.db, HubStore::OpenMode::CreateIfMissing))
        return rc;
    const QString error = store.addUser(o.userName, o.role, password_hash::make(password));
    if (!error.isEmpty()) {
        printErr(QStringLiteral("threadline-hub: ") + error);
        return 1;
    }
    printOut(QStringLiteral("added user %1 (%2)\n").arg(o.userName, o.role).toUtf8());
    return 0;
}

int customerFind(const HubOptions &o)
{
    HubStore store;
    if (const int rc = openStore(store, o.db, HubStore::OpenMode::MustExist))
        return rc;
    const QString written = withAsciiDigits(o.identity);
    std::optional<qint64> id;
    if (written.contains(QLatin1Char('@'))) {
        id = store.customerIdByIdentity(QStringLiteral("email"), written.toLower());
    } else {
        if (const auto e164 = PhoneNormaliser(o.region).toE164(written))
            id = store.customerIdByIdentity(QStringLiteral("phone"), *e164);
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
        if (!id && digits.match(written).hasMatch() && store.customer(written.toLongLong()))
            id = written.toLongLong();
        if (!id)
            id = store.customerIdByIdentity(QStringLiteral("chat"), written);
    }
    const auto customer = id ? store.customer(*id) : std::nullopt;
    if (!customer) {
        printErr(QStringLiteral("threadline-hub: no customer matches %1").arg(o.identity));
        return 3;
    }
    QJsonArray items;
    bool more = true;
    qint64 before = 0;
    while (more) {
        const auto page = store.historyPage(customer->id, before, 500, &more);
        for (const auto &m : page)
            items.append(m.toJson());
        if (page.isEmpty())
            break;
        before = page.last().id;
    }
    // Oldest first reads like a thread.
    QJsonArray chronological;
    for (qsizetype i = items.size() - 1; i >= 0; --i)
        chronological.append(items.at(i));
    QJsonObject out = customer->toJson();
    out.insert(QStringLiteral("items"), chronological);
    IngressStore ingress(store);
    QJsonArray orders;
    for (const OrderRecord &order : ingress.ordersOfCustomer(customer->id))
        orders.append(order.toJson());
    out.insert(QStringLiteral("orders"), orders);
    QJsonArray attachments;
    for (const AttachmentRecord &a : ingress.attachmentsOfCustomer(customer->id))
        attachments.append(QJsonObject{{QStringLiteral("id"), a.id},
                                       {QStringLiteral("message_id"), a.messageId},
                                       {QStringLiteral("name"), a.name},
                                       {QStringLiteral("type"), a.contentType},
                                       {QStringLiteral("size"), a.size}});
    out.insert(QStringLiteral("attachments"), attachments);
    printOut(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return 0;
}

// The first line of a secret file, without its line break; empty when unreadable.
QByteArray firstLineOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readLine(4096).trimmed();
}

int serve(const HubOptions &o)
{
    IngressOptions ingress;
    ingress.publicUrl = o.publicUrl;
    OutboundSettings outbound;
    outbound.sms = SmsProviderSettings{o.smsApiUrl, o.smsAccountSid, {}, o.smsFrom};
    outbound.smtp = SmtpSettings{o.smtpHost, o.smtpPort,      o.smtpStartTls, o.smtpCaFile,
                                 o.smtpUser, /*password*/ {}, o.smtpFrom};
    outbound.attempts = o.outboundAttempts;
    outbound.firstRetryMs = qint64(o.outboundRetrySeconds * 1000);
    outbound.leaseMs = qint64(o.outboundLeaseSeconds * 1000);
    // Every secret comes from the first line of a file, never from the command line.
    for (const auto &[path, target, what] :
         {std::tuple{o.twilioAuthTokenFile, &ingress.twilioAuthToken, "Twilio auth token"},
          std::tuple{o.ingressSecretFile, &ingress.ingressSecret, "ingress secret"},
          std::tuple{o.smsAuthTokenFile, &outbound.sms.authToken, "SMS API auth token"},
          std::tuple{o.smtpPasswordFile, &outbound.smtp.password, "SMTP password"}}) {
        if (path.isEmpty())
            continue;
        *target = firstLineOf(path);
        if (target->isEmpty()) {
            printErr(QStringLiteral("threadline-hub: cannot read the %1 from %2 (missing or empty)")
                         .arg(QLatin1String(what), path));
            return 2;
        }
    }

    if (!o.smtpCaFile.isEmpty() && QSslCertificate::fromPath(o.smtpCaFile).isEmpty()) {
        printErr(QStringLiteral("threadline-hub: no PEM certificate in %1 (--smtp-ca-file)")
                     .arg(o.smtpCaFile));
        return 2;
    }

    // A PostgreSQL database has no folder to sit next to: the current one, then.
    const QString logDir =
        !o.logDir.isEmpty()          ? o.logDir
        : looksLikeDatabaseUrl(o.db) ? QDir::current().filePath(QStringLiteral("logs"))
                                     : QFileInfo(o.db).absoluteDir().filePath(QStringLiteral("logs"));
    logging::init(logDir, QStringLiteral("hub"));

    HubStore store;
    if (const int rc = openStore(store, o.db, HubStore::OpenMode::CreateIfMissing))
        return rc;
    if (o.demo) {
        const QString error = DemoSeeder(store).seed();
        if (!error.isEmpty()) {
            printErr(QStringLiteral("threadline-hub: ") + error);
            return 1;
        }
    }
    store.forgetCommandsBefore(QDateTime::currentMSecsSinceEpoch() - protocol::kCommandMemoryMs);
    QTimer forget;
    QObject::connect(&forget, &QTimer::timeout, &store, [&store] {
        store.forgetCommandsBefore(QDateTime::currentMSecsSinceEpoch() -
                                   protocol::kCommandMemoryMs);
    });
    forget.start(60 * 60 * 1000);

    AgentFloor floor;
    HubCommands commands(store, PhoneNormaliser(o.region), floor);
    QueueMonitor monitor(store, floor);
    SnoozeWaker snoozes(store);
    snoozes.start();
    // Before the server, so it outlives the routes' handlers.
    IngressRoutes ingressRoutes(store, PhoneNormaliser(o.region), ingress);
    MaildirIngress maildir(store, PhoneNormaliser(o.region), o.maildir);
    if (!o.maildir.isEmpty() && !maildir.start()) {
        printErr(QStringLiteral("threadline-hub: ") + maildir.lastError());
        return 1;
    }
    HubServer server(store, commands, floor, monitor);
    server.setPingInterval(int(o.pingSeconds * 1000));
    if (!o.tlsCertificateFile.isEmpty()) {
        if (const QString error = server.useTls(o.tlsCertificateFile, o.tlsKeyFile);
            !error.isEmpty()) {
            printErr(QStringLiteral("threadline-hub: ") + error);
            return 1;
        }
    }
    ingressRoutes.install(server.http());
    const quint16 port = server.listen(o.address, o.port);
    if (port == 0) {
        printErr(QStringLiteral("threadline-hub: cannot listen on %1:%2")
                     .arg(o.address.toString())
                     .arg(o.port));
        return 1;
    }
    // Replies by SMS and email; Twilio calls back where it can reach the hub. The owner
    // name holds this hub's claims: only one process can listen on this host and port, and
    // a restart on them takes its predecessor's claims back at once (docs/outbound.md).
    outbound.owner = QHostInfo::localHostName() + QLatin1Char(':') + QString::number(port);
    OutboundDispatcher dispatcher(store, outbound);
    TrafficSimulator simulator(store, o.simulate);
    if (o.simulate > 0)
        simulator.start();

    const QString host = o.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + o.address.toString() + QLatin1Char(']')
                             : o.address.toString();
    const QString tls = server.isTls() ? QStringLiteral("s") : QString();
    ingressRoutes.setListenBase(QStringLiteral("http%1://%2:%3").arg(tls, host).arg(port));
    dispatcher.setCallbackBase(o.publicUrl.isEmpty()
                                   ? QStringLiteral("http%1://%2:%3").arg(tls, host).arg(port)
                                   : o.publicUrl);
    dispatcher.start();
    TL_LOG("hub", info) << "listening on " << host << ":" << port
                        << (server.isTls() ? " (TLS)" : "");
    printOut(QStringLiteral("threadline-hub listening on ws%1://%2:%3/ws\n")
                 .arg(tls, host)
                 .arg(port)
                 .toUtf8());
    return QCoreApplication::exec();
}

} // namespace

int runHub(const QStringList &arguments)
{
    const auto parsed = parseCommandLine(arguments);
    if (const auto *error = std::get_if<UsageError>(&parsed)) {
        printErr(QStringLiteral("threadline-hub: ") + error->message);
        return 2;
    }
    const HubOptions &o = std::get<HubOptions>(parsed);
    switch (o.mode) {
    case HubOptions::Mode::Help:
        printOut(helpText().toUtf8());
        return 0;
    case HubOptions::Mode::Version:
        printOut(QByteArrayLiteral("threadline-hub ") +
                 QCoreApplication::applicationVersion().toUtf8() + '\n');
        return 0;
    case HubOptions::Mode::UserAdd:
        logging::initConsole();
        return userAdd(o);
    case HubOptions::Mode::CustomerFind:
        logging::initConsole();
        return customerFind(o);
    case HubOptions::Mode::Serve:
        break;
    }
    return serve(o);
}

} // namespace threadline::server
