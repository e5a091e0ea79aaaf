// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktop.h"

#include "services/cache/keychain_key_store.h"
#include "services/cache/passphrase_key_store.h"
#include "services/logging/log.h"
#include "services/session/trusted_authorities.h"
#include "models/assignment_notice.h"
#include "services/sync/attachment_prefetch.h"
#include "services/sync/attachment_saver.h"
#include "ui/assignment_alert.h"
#include "ui/attachment_actions.h"
#include "ui/calendar_format.h"
#include "ui/settings_apply.h"
#include "models/customer_merges.h"
#include "models/timeline_roles.h"
#include "services/protocol/frame_types.h"
#include "ui/conversation_bar.h"
#include "ui/customer_panel.h"
#include "ui/main_window.h"
#include "ui/order_desk_view.h"
#include "ui/merge_dialog.h"
#include "ui/search_palette.h"
#include "ui/sign_in_dialog.h"
#include "ui/storage_banner.h"

#include <QApplication>
#include <QWindow>
#include <QJsonArray>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QUuid>

namespace threadline::app {

using services::Outgoing;
using services::SyncService;

namespace {
constexpr int kScreenshotTimeoutMs = 60000;

/// The sign-in screen's view of a session failure (the ui knows no services).
ui::SignInProblem problemFor(const services::SessionFailure &f, const QUrl &server)
{
    using Kind = services::SessionFailure::Kind;
    ui::SignInProblem p;
    switch (f.kind) {
    case Kind::Unreachable: p.kind = ui::SignInProblem::Kind::Unreachable; break;
    case Kind::CertificateUntrusted: p.kind = ui::SignInProblem::Kind::CertificateUntrusted; break;
    case Kind::WrongCredentials: p.kind = ui::SignInProblem::Kind::WrongCredentials; break;
    case Kind::ServerTooOld: p.kind = ui::SignInProblem::Kind::ServerTooOld; break;
    case Kind::Refused: p.kind = ui::SignInProblem::Kind::Refused; break;
    }
    p.detail = f.detail;
    p.server = server.toString();
    p.subject = f.certificate.subject;
    p.issuer = f.certificate.issuer;
    p.sha256 = f.certificate.sha256;
    p.reasons = f.certificate.reasons;
    return p;
}

/// Hands the session its URL and the authorities to trust, read on the
/// service thread (files, never on the GUI thread), then signs in.
void startSession(SyncService *sync, const QUrl &server, const QString &profileDir,
                  const QString &caFile, const QString &user, const QString &password)
{
    QMetaObject::invokeMethod(sync, [=] {
        QList<QSslCertificate> authorities = services::trust::stored(profileDir);
        if (!caFile.isEmpty()) {
            auto read = services::trust::readPemFile(caFile);
            if (auto *certificates = std::get_if<QList<QSslCertificate>>(&read))
                authorities += *certificates;
        }
        sync->session()->setUrl(server);
        sync->session()->setTrustedAuthorities(authorities);
        sync->start(user, password, QString());
    });
}
} // namespace

Desktop::Desktop(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_window(std::make_unique<ui::MainWindow>(&m_inbox, &m_timeline)),
      m_alert(new ui::AssignmentAlert(m_window.get()))
{
    qRegisterMetaType<QList<models::Customer>>();
    qRegisterMetaType<QList<models::Message>>();
    qRegisterMetaType<models::Delivery>();
    qRegisterMetaType<Outgoing>();
    qRegisterMetaType<models::Draft>();
    qRegisterMetaType<models::FloorSnapshot>();
    qRegisterMetaType<models::Order>();
    qRegisterMetaType<QList<models::Order>>();
    qRegisterMetaType<QList<models::Draft>>();
    qRegisterMetaType<QList<models::QueueSla>>();
    qRegisterMetaType<QList<models::SearchHit>>();
    m_screenshotDeadline.setSingleShot(true);
    connect(&m_screenshotDeadline, &QTimer::timeout, this, [this] {
        fail(tr("The thread did not appear within a minute; no screenshot was taken."));
    });
    connect(m_window.get(), &ui::MainWindow::signOutRequested, this, &Desktop::signOut);
    // Across the top while the cache cannot be written (disk full, read-only).
    m_window->addToolBar(Qt::TopToolBarArea, new ui::StorageBanner(m_window.get()));
    // Settings are saved to settings.ini by the dialog; the app takes the sound.
    connect(m_window.get(), &ui::MainWindow::settingsApplied, this,
            [this](const ui::DesktopSettings &s) { m_alert->setSoundEnabled(s.sound); });
    connect(m_window.get(), &ui::MainWindow::sendRequested, this,
            [this](qint64 customerId, const QString &channel, const QString &identity,
                   const QString &subject, const QString &body) {
                if (!m_host || !m_host->sync())
                    return;
                Outgoing out{QUuid::createUuid().toString(QUuid::WithoutBraces),
                             customerId, channel, identity, subject, body, m_user,
                             QDateTime::currentMSecsSinceEpoch()};
                QMetaObject::invokeMethod(m_host->sync(), [sync = m_host->sync(), out] {
                    sync->send(out);
                });
            });
}

Desktop::~Desktop()
{
    // Queued ahead of the service thread's shutdown, so the last keystrokes land.
    m_window->flushDraft();
    m_host.reset();
}

void Desktop::signOut(bool removeLocalData)
{
    TL_LOG("ui", info) << "signing out" << (removeLocalData ? " and removing local data" : "");
    m_window->flushDraft();
    m_host.reset(); // stops the session and closes the cache on its thread
    m_signedIn = false;
    m_timeline.showCustomer(0);
    m_inbox.clear();
    auto carryOn = [this] {
        if (!m_options.interactive) {
            Q_EMIT finished(0);
            return;
        }
        m_password.clear();
        m_options.passwordFile.clear();
        if (!start())
            Q_EMIT finished(0);
    };
    if (!removeLocalData || !m_keys)
        return carryOn();
    const QDir profile(m_options.profileDir);
    for (const char *name : {"cache.db", "cache.db-wal", "cache.db-shm", "cache.db-journal"})
        QFile::remove(profile.filePath(QLatin1String(name)));
    // The key (keychain entry or passphrase salt) goes too; wait until it has,
    // so a new sign-in cannot pick up the old one.
    auto *keys = m_keys.get();
    auto once = std::make_shared<bool>(false);
    auto done = [this, carryOn, once] {
        if (std::exchange(*once, true))
            return;
        Q_EMIT localDataRemoved();
        carryOn();
    };
    connect(keys, &cache::KeyStore::removed, this, done, Qt::SingleShotConnection);
    connect(keys, &cache::KeyStore::failed, this, [this, done](const cache::CacheError &e) {
        m_window->showProblem(tr("The cache key could not be removed: %1").arg(e.message));
        done();
    }, Qt::SingleShotConnection);
    keys->remove(m_profileId);
}

bool Desktop::start()
{
    QDir().mkpath(m_options.profileDir);
    logging::init(QDir(m_options.profileDir).filePath(QStringLiteral("logs")),
                  QStringLiteral("threadline"));
    TL_LOG("ui", info) << "starting with profile " << m_options.profileDir;
    if (!lockProfile())
        return false;

    // Server and user are remembered (they are not secrets); the password never is.
    QSettings settings(QDir(m_options.profileDir).filePath(QStringLiteral("settings.ini")),
                       QSettings::IniFormat);
    if (m_options.server.isEmpty())
        m_options.server = settings.value(QStringLiteral("server")).toUrl();
    if (m_options.user.isEmpty())
        m_options.user = settings.value(QStringLiteral("user")).toString();
    if (!m_options.caFile.isEmpty()) {
        auto read = services::trust::readPemFile(m_options.caFile);
        if (auto *refusal = std::get_if<services::trust::Refusal>(&read)) {
            fail(tr("The certificate authority file %1 cannot be used (%2).")
                     .arg(m_options.caFile, refusal->code));
            return false;
        }
    }
    if (!m_options.passwordFile.isEmpty()) {
        auto secret = readSecretFile(m_options.passwordFile, QStringLiteral("password"));
        if (auto *error = std::get_if<UsageError>(&secret)) {
            fail(error->message);
            return false;
        }
        m_password = std::get<QString>(secret);
    }
    if ((m_options.server.isEmpty() || m_options.user.isEmpty() || m_password.isEmpty())
        && !askForCredentials({}))
        return false;
    {
        // Calendar, digits, week start and theme as chosen in Settings (the
        // language was chosen before the window was built: see parseCommandLine).
        const QString iniPath = QDir(m_options.profileDir).filePath(QStringLiteral("settings.ini"));
        const ui::DesktopSettings chosen = ui::loadDesktopSettings(iniPath);
        ui::applyDisplaySettings(chosen);
        m_window->setSettingsPath(iniPath);
        m_alert->setSoundEnabled(chosen.sound);
    }
    settings.setValue(QStringLiteral("server"), m_options.server);
    settings.setValue(QStringLiteral("user"), m_options.user);
    m_user = m_options.user;
    m_window->show();
    obtainKey();
    return true;
}

bool Desktop::askForCredentials(const ui::SignInProblem &problem)
{
    if (!m_options.interactive)
        return false;
    ui::SignInDialog dialog;
    dialog.setServer(m_options.server.toString());
    dialog.setUser(m_options.user);
    dialog.setProblem(problem);
    // A certificate authority the agent picks is checked and kept in the
    // profile; the next connection (and every later one) trusts it.
    connect(&dialog, &ui::SignInDialog::authorityFileChosen, this,
            [this, &dialog](const QString &path) {
                auto read = services::trust::readPemFile(path);
                if (auto *refusal = std::get_if<services::trust::Refusal>(&read))
                    return dialog.authorityRefused(refusal->code);
                const auto &certificates = std::get<QList<QSslCertificate>>(read);
                if (auto refusal = services::trust::store(m_options.profileDir, certificates))
                    return dialog.authorityRefused(refusal->code);
                TL_LOG("net", info) << "trusting a certificate authority chosen by the agent";
                dialog.authorityTrusted(certificates.first().subjectDisplayName());
            });
    while (dialog.exec() == QDialog::Accepted) {
        QUrl url(dialog.server(), QUrl::StrictMode);
        if (url.path().isEmpty())
            url.setPath(QStringLiteral("/ws"));
        if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
            dialog.setError(tr("The server address must start with ws:// or wss://."));
            continue;
        }
        if (dialog.user().isEmpty() || dialog.password().isEmpty()) {
            dialog.setError(tr("Please enter your user name and password."));
            continue;
        }
        m_options.server = url;
        m_options.user = dialog.user();
        m_password = dialog.password();
        m_askedThisRun = true;
        return true;
    }
    return false;
}

void Desktop::obtainKey()
{
    if (!m_options.passphraseFile.isEmpty()) {
        auto secret = readSecretFile(m_options.passphraseFile, QStringLiteral("passphrase"));
        if (auto *error = std::get_if<UsageError>(&secret))
            return fail(error->message);
        m_window->showProblem(
            tr("No keychain in use: the local cache is protected by your passphrase."));
        m_usingPassphrase = true;
        return usePassphrase(std::get<QString>(secret));
    }
    // The keychain entry is named by an id kept in the profile, so two profiles
    // never share a key even when their folders have the same name.
    QSettings settings(QDir(m_options.profileDir).filePath(QStringLiteral("settings.ini")),
                       QSettings::IniFormat);
    QString id = settings.value(QStringLiteral("profile_id")).toString();
    if (!cache::isValidProfileId(id)) {
        id = QStringLiteral("p-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        settings.setValue(QStringLiteral("profile_id"), id);
    }
    useKeyStore(std::make_unique<cache::KeychainKeyStore>(), id);
}

void Desktop::usePassphrase(const QString &passphrase)
{
    // The salt lives in the profile folder: <parent>/<folder name>/cache.salt.
    const QFileInfo profile(QDir(m_options.profileDir).absolutePath());
    if (!cache::isValidProfileId(profile.fileName()))
        return fail(tr("The profile folder name may only use letters, digits, '-', '_' and '.'."));
    auto keys = std::make_unique<cache::PassphraseKeyStore>(profile.absolutePath());
    keys->setPassphrase(passphrase);
    useKeyStore(std::move(keys), profile.fileName());
}

void Desktop::useKeyStore(std::unique_ptr<cache::KeyStore> keys, const QString &profileId)
{
    if (m_keys) // we may be inside one of its signals: let it finish first
        m_keys.release()->deleteLater();
    m_keys = std::move(keys);
    m_profileId = profileId;
    connect(m_keys.get(), &cache::KeyStore::keyReady, this, &Desktop::openCache);
    connect(m_keys.get(), &cache::KeyStore::failed, this, [this](const cache::CacheError &error) {
        // Only a missing keychain falls back to a passphrase: a locked or refused
        // one keeps the key we already have, and a new key would orphan the cache.
        if (!m_options.interactive || m_usingPassphrase
            || error.code != QLatin1String("keychain_unavailable"))
            return fail(tr("The cache key is not available: %1").arg(error.message));
        // No keychain here: protect the cache with a passphrase instead of ever
        // writing it unencrypted, and say so.
        bool ok = false;
        const QString passphrase = QInputDialog::getText(
            m_window.get(), tr("Protect the local cache"),
            tr("No system keychain is available (%1).\nChoose a passphrase to encrypt this "
               "computer's copy of your conversations:")
                .arg(error.message),
            QLineEdit::Password, QString(), &ok);
        if (!ok || passphrase.isEmpty())
            return fail(tr("The local cache needs a keychain or a passphrase."));
        m_usingPassphrase = true;
        usePassphrase(passphrase);
    });
    m_keys->loadOrCreate(profileId);
}

void Desktop::openCache(const QByteArray &key)
{
    m_host = std::make_unique<ServiceHost>();
    connect(m_host.get(), &ServiceHost::ready, this, &Desktop::onServicesReady);
    connect(m_host.get(), &ServiceHost::cacheRefused, this,
            [this, key](const QString &code, const QString &message) {
                // With a passphrase, "wrong key" may be a typo or a damaged file; the
                // agent decides. A fresh cache loses nothing the hub has; the old
                // file is kept beside it.
                if (code == QLatin1String("wrong_key") && m_options.interactive
                    && QMessageBox::question(
                           m_window.get(), tr("Threadline"),
                           tr("This passphrase does not open the local cache. Start a fresh "
                              "cache from the server? The old file is kept, not deleted."))
                           == QMessageBox::Yes) {
                    m_host->open(QDir(m_options.profileDir).filePath(QStringLiteral("cache.db")),
                                 key, m_options.server, true);
                    return;
                }
                fail(code == QLatin1String("wrong_key")
                         ? tr("The passphrase does not open this computer's cache.")
                         : tr("The local cache cannot be opened (%1): %2").arg(code, message));
            });
    connect(m_host.get(), &ServiceHost::cacheMovedAside, this,
            [this](const QString &code, const QString &movedTo) {
                TL_LOG("db", warning) << "cache unreadable (" << code << "), moved aside";
                m_window->showProblem(
                    tr("The local cache could not be read (%1). It was kept as %2 and a fresh "
                       "copy is being rebuilt from the server.")
                        .arg(code, movedTo));
            });
    // With a passphrase, a wrong key means a mistyped passphrase, not damage.
    m_host->open(QDir(m_options.profileDir).filePath(QStringLiteral("cache.db")), key,
                 m_options.server, !m_usingPassphrase);
}

void Desktop::onServicesReady(SyncService *sync)
{
    // Every connection crosses threads, so each is queued: the GUI receives
    // ready-made batches and never waits for the service thread.
    connect(sync, &SyncService::customersChanged, &m_inbox, &models::InboxModel::applyCustomers);
    connect(sync, &SyncService::messagesChanged, &m_timeline, &models::TimelineModel::applyMessages);
    connect(sync, &SyncService::pageReady, &m_timeline, &models::TimelineModel::applyPage);
    connect(sync, &SyncService::deliveryChanged, &m_timeline, &models::TimelineModel::applyDelivery);
    connect(sync, &SyncService::queuesKnown, &m_inbox, &models::InboxModel::setQueues);
    connect(&m_timeline, &models::TimelineModel::pageWanted, sync, &SyncService::requestPage);
    // Seeing the newest item of the open thread reads it, on every desktop of this agent;
    // only while the window is in front (visible and focused) does the agent see it.
    connect(&m_timeline, &models::TimelineModel::readUpTo, sync, &SyncService::markRead);
    const auto attend = [this] {
        m_timeline.setAttended(m_window->isVisible() && !m_window->isMinimized() &&
                               m_window->isActiveWindow());
    };
    connect(qApp, &QGuiApplication::focusWindowChanged, this, attend);
    attend();
    // The order desk's thread is fed the same way as the agent's.
    models::TimelineModel *deskThread = m_window->orderTimeline();
    connect(deskThread, &models::TimelineModel::pageWanted, sync, &SyncService::requestPage);
    connect(sync, &SyncService::pageReady, deskThread, &models::TimelineModel::applyPage);
    connect(sync, &SyncService::messagesChanged, deskThread, &models::TimelineModel::applyMessages);
    connect(sync, &SyncService::deliveryChanged, deskThread, &models::TimelineModel::applyDelivery);
    connect(m_window.get(), &ui::MainWindow::orderLookupRequested, sync, &SyncService::lookupOrders);
    connect(sync, &SyncService::ordersFound, m_window.get(), &ui::MainWindow::showOrders);
    connect(sync, &SyncService::orderChanged, m_window.get(), &ui::MainWindow::applyOrder);
    connect(sync, &SyncService::floorUpdated, m_window.get(), &ui::MainWindow::applyFloor);
    connect(sync, &SyncService::floorUpdated, this, [this] {
        m_floorSeen = true;
        maybeTakeScreenshot();
    });
    connect(sync, &SyncService::connectionChanged, m_window.get(), &ui::MainWindow::setConnection);
    connect(sync, &SyncService::connectionChanged, this, [this](bool online, const QString &detail) {
        // A screenshot cannot wait for a hub that is not there: say why and stop.
        if (!online && !m_signedIn && !m_options.screenshot.isEmpty() && !detail.isEmpty())
            fail(tr("Cannot reach the server at %1: %2").arg(m_options.server.toString(), detail));
    });
    connect(sync, &SyncService::outboxChanged, m_window.get(), &ui::MainWindow::setOutboxCount);
    connect(sync, &SyncService::draftsLoaded, m_window.get(), &ui::MainWindow::setDrafts);
    connect(m_window.get(), &ui::MainWindow::draftSaved, sync, &SyncService::saveDraft);
    connect(m_window.get(), &ui::MainWindow::retentionChanged, sync, &SyncService::setRetentionDays);
    connect(m_window.get(), &ui::MainWindow::commandRequested, sync, &SyncService::enqueue);
    // Canned responses: the cache's list at once, then whatever the hub says (the list
    // when Settings opens or at sign-in, and every change anyone makes, this desk's too).
    connect(sync, &SyncService::cannedResponses, m_window.get(),
            &ui::MainWindow::setCannedResponses);
    connect(m_window.get(), &ui::MainWindow::cannedListWanted, sync, &SyncService::refreshCanned);
    // A conversation handed to me, or my customer writing while I look elsewhere.
    connect(sync, &SyncService::messagesChanged, this, [this](const QList<models::Message> &batch) {
        if (!m_signedIn)
            return;
        const auto notices = models::assignmentNotices(
            batch, m_user,
            [this](qint64 id) {
                const auto c = m_inbox.customer(id);
                return c ? c->assignee : QString();
            },
            m_window->isActiveWindow(), m_signedInAt);
        for (const models::AssignmentNotice &notice : notices) {
            const auto customer = m_inbox.customer(notice.customerId);
            m_alert->notify(notice, customer ? customer->name : tr("a customer"));
        }
    });
    // Collision and presence are of the moment: asked, never queued.
    connect(m_window.get(), &ui::MainWindow::viewingChanged, this, [sync](qint64 customerId) {
        QMetaObject::invokeMethod(sync, [sync, customerId] {
            sync->ask(QStringLiteral("viewing"), QStringLiteral("viewing"),
                      {{QStringLiteral("customer_id"), customerId}});
        });
    });
    connect(m_window.get(), &ui::MainWindow::typingChanged, this, [sync](qint64 customerId, bool typing) {
        if (customerId <= 0)
            return;
        QMetaObject::invokeMethod(sync, [sync, customerId, typing] {
            sync->ask(QStringLiteral("typing"), QStringLiteral("typing"),
                      {{QStringLiteral("customer_id"), customerId},
                       {QStringLiteral("typing"), typing}});
        });
    });
    connect(m_window.get(), &ui::MainWindow::customerOrdersWanted, sync,
            &SyncService::lookupCustomerOrders);
    connect(sync, &SyncService::customerOrdersFound, m_window.get(),
            &ui::MainWindow::setCustomerOrders);
    // Global search: asked and answered on the service thread, shown in the palette.
    connect(m_window->searchPalette(), &ui::SearchPalette::searchRequested, sync,
            &SyncService::search);
    connect(sync, &SyncService::searchResults, m_window->searchPalette(),
            &ui::SearchPalette::applyResults);
    // Email attachments and original formatting: chosen on the GUI thread, fetched and
    // written on the service thread.
    auto *emailActions = new ui::AttachmentActions(m_window.get());
    emailActions->watch(m_window->timelineView());
    emailActions->watch(m_window->orderDesk()->threadView()); // the store's order desk too
    services::AttachmentSaver *saver = sync->attachments();
    connect(emailActions, &ui::AttachmentActions::saveRequested, saver,
            &services::AttachmentSaver::save);
    connect(emailActions, &ui::AttachmentActions::htmlRequested, saver,
            &services::AttachmentSaver::loadHtml);
    connect(saver, &services::AttachmentSaver::saved, emailActions,
            &ui::AttachmentActions::onSaved);
    connect(saver, &services::AttachmentSaver::saveFailed, emailActions,
            &ui::AttachmentActions::onSaveFailed);
    connect(saver, &services::AttachmentSaver::htmlReady, emailActions,
            &ui::AttachmentActions::onHtml);
    connect(saver, &services::AttachmentSaver::htmlFailed, emailActions,
            &ui::AttachmentActions::onHtmlFailed);
    // Offline, the lines of what the cache did not keep say they need the hub.
    connect(saver, &services::AttachmentSaver::partsKept, emailActions,
            &ui::AttachmentActions::onPartsKept);
    connect(sync, &SyncService::connectionChanged, emailActions,
            [emailActions](bool online) { emailActions->onConnectionChanged(online); });
    connect(emailActions, &ui::AttachmentActions::notice, m_window.get(),
            [this](const QString &text) { m_window->statusBar()->showMessage(text, 6000); });
    wireMerges(sync);
    connect(m_window.get(), &ui::MainWindow::presenceChosen, this, [sync](const QString &presence) {
        QMetaObject::invokeMethod(sync, [sync, presence] {
            sync->ask(QStringLiteral("presence"), QStringLiteral("set_presence"),
                      {{QStringLiteral("presence"), presence}});
        });
    });
    connect(sync, &SyncService::ephemeral, this, [this](const QString &type, const QJsonObject &data) {
        const qint64 customerId = data.value(QStringLiteral("customer_id")).toInteger();
        if (type == QLatin1String("viewing")) {
            QStringList viewers;
            for (const QJsonValue &v : data.value(QStringLiteral("viewers")).toArray())
                viewers << v.toString();
            m_window->setViewers(customerId, viewers);
        } else if (type == QLatin1String("typing")) {
            m_window->setTyping(customerId, data.value(QStringLiteral("user")).toString(),
                                data.value(QStringLiteral("typing")).toBool());
        }
    });
    connect(sync, &SyncService::commandRefused, this,
            [this](const QString &type, const QString &code, const QString &message) {
                if (type.startsWith(QLatin1String("canned.")))
                    m_window->showCannedRefusal(code, message);
                m_window->showProblem(tr("The server refused that (%1): %2").arg(code, message));
            });
    connect(sync, &SyncService::answered, this,
            [this](const QString &tag, bool ok, const QJsonObject &data) {
                if (tag == QLatin1String("dispositions") && ok)
                    m_window->setDispositions(data.value(QStringLiteral("dispositions")).toArray());
                if (tag == QLatin1String("viewing") && ok) {
                    QStringList viewers;
                    for (const QJsonValue &v : data.value(QStringLiteral("viewers")).toArray())
                        viewers << v.toString();
                    m_window->setViewers(data.value(QStringLiteral("customer_id")).toInteger(), viewers);
                }
            });
    {
        const QSettings settings(QDir(m_options.profileDir).filePath(QStringLiteral("settings.ini")),
                                 QSettings::IniFormat);
        const int days = settings.value(QStringLiteral("retention_days"), 0).toInt();
        m_window->setRetentionDays(days);
        QMetaObject::invokeMethod(sync, [sync, days] { sync->setRetentionDays(days); });
        // How much of emails' attachments is fetched ahead for offline use (0: none).
        services::PrefetchLimits limits;
        limits.total = std::clamp(settings.value(QStringLiteral("offline_attachments_mib"),
                                                 int(limits.total >> 20))
                                      .toLongLong(),
                                  0LL, 1LL << 20)
                       << 20;
        QMetaObject::invokeMethod(sync, [sync, limits] {
            sync->attachments()->prefetcher()->setLimits(limits);
        });
    }
    connect(sync, &SyncService::signedIn, this, [this](const QString &user, const QString &role) {
        m_signedIn = true;
        // Items from before this sign-in are history, not news (a minute of
        // slack for the hub's clock).
        m_signedInAt = QDateTime::currentMSecsSinceEpoch() - 60 * 1000;
        m_role = role;
        m_window->setUser(user, role);
        if (!m_options.page.isEmpty() && !m_window->showPage(m_options.page))
            m_window->showProblem(tr("That page is not for your role."));
        if (m_window->currentCustomer() == 0)
            m_window->openFirstCustomer();
        else // shown from the cache while offline: now the hub can fill it in
            m_timeline.showCustomer(m_window->currentCustomer());
        maybeTakeScreenshot();
        QMetaObject::invokeMethod(m_host->sync(), [sync = m_host->sync(),
                                                   viewing = m_window->currentCustomer()] {
            if (viewing > 0) // colleagues see who is on the thread (collision)
                sync->ask(QStringLiteral("viewing"), QStringLiteral("viewing"),
                          {{QStringLiteral("customer_id"), viewing}});
            sync->ask(QStringLiteral("dispositions"), QStringLiteral("dispositions.list"), {});
            sync->refreshCanned();
        });
    });
    connect(sync, &SyncService::resynced, this, [this] {
        // The hub's snapshot replaced what the cache had: reload the open thread.
        if (m_window->currentCustomer() != 0)
            m_timeline.showCustomer(m_window->currentCustomer());
    });
    connect(sync->session(), &services::HubSession::failed, this, &Desktop::onSessionFailed);
    // The models keep what they show; the banner says new things are not kept.
    auto *banner = m_window->findChild<ui::StorageBanner *>();
    connect(sync, &SyncService::cacheFailed, banner, &ui::StorageBanner::showProblem);
    connect(sync, &SyncService::sendRefused, m_window.get(),
            [window = m_window.get()](const Outgoing &out, const QString &code) {
                window->returnUnsent({out.customerId, out.channel, out.identity, out.subject,
                                      out.body, out.at},
                                     code);
            });
    connect(sync, &SyncService::cacheRecovered, banner, &ui::StorageBanner::clearProblem);
    connect(&m_inbox, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_window->currentCustomer() == 0)
            m_window->openFirstCustomer();
    });
    if (!m_options.screenshot.isEmpty())
        armScreenshot();
    startSession(sync, m_options.server, m_options.profileDir, m_options.caFile, m_options.user,
                 m_password);
    m_password.clear();
}

void Desktop::wireMerges(SyncService *sync)
{
    // "Merge with…" (conversation bar) offers the customers of the inbox and sends
    // customer.merge through the outbox; "Undo merge" (side panel) customer.unmerge.
    // Both widgets live inside the window, which builds them.
    if (auto *bar = m_window->findChild<ui::ConversationBar *>()) {
        bar->setMergeCandidates(&m_inbox);
        connect(sync, &SyncService::connectionChanged, bar,
                [bar](bool online, const QString &) { bar->setOnline(online); });
        // Online, "Merge with…" also finds customers only the hub knows (global search,
        // which caches them, so the inbox can describe them); gone with the dialog.
        connect(bar, &ui::ConversationBar::mergeDialogOpened, this, [sync](ui::MergeDialog *d) {
            connect(d, &ui::MergeDialog::searchRequested, sync,
                    [sync](const QString &tag, const QString &query) { sync->search(tag, query); });
            connect(sync, &SyncService::searchResults, d, &ui::MergeDialog::applySearchResults);
        });
    }
    if (auto *panel = m_window->findChild<ui::CustomerPanel *>()) {
        connect(panel, &ui::CustomerPanel::unmergeRequested, sync, [sync](qint64 mergeId) {
            sync->enqueue(protocol::type::customerUnmerge, {{QStringLiteral("merge_id"), mergeId}});
        });
        // The merges standing in the open thread, read from its system items once the
        // rows settle (coalesced: pages arrive in bursts).
        auto *settle = new QTimer(this);
        settle->setSingleShot(true);
        settle->setInterval(100);
        connect(settle, &QTimer::timeout, panel, [this, panel] {
            QList<models::Message> items;
            for (int row = 0; row < m_timeline.rowCount(); ++row) {
                const QModelIndex index = m_timeline.index(row);
                if (index.data(models::ChannelRole).toString() == QLatin1String("system"))
                    items.append(index.data(models::MessageRole).value<models::Message>());
            }
            panel->setMerges(models::standingMerges(items));
        });
        const auto later = [settle] { settle->start(); };
        connect(&m_timeline, &QAbstractItemModel::rowsInserted, settle, later);
        connect(&m_timeline, &QAbstractItemModel::modelReset, settle, later);
        connect(&m_timeline, &QAbstractItemModel::dataChanged, settle, later);
    }
    connect(sync, &SyncService::customerMergeChanged, this,
            [this](qint64 into, qint64 from, bool undone) {
                const qint64 open = m_window->currentCustomer();
                // Move to the survivor before the absorbed row leaves the inbox.
                if (!undone && open == from)
                    m_window->openCustomer(into);
                else if (open == into || open == from)
                    m_timeline.showCustomer(open); // its items changed owner on the hub
                if (!undone)
                    m_inbox.removeCustomers({from});
            });
    connect(sync, &SyncService::customersGone, this, [this](const QList<qint64> &ids) {
        const bool openGone = ids.contains(m_window->currentCustomer());
        m_inbox.removeCustomers(ids);
        if (openGone)
            m_window->openFirstCustomer();
    });
}

void Desktop::onSessionFailed(const services::SessionFailure &failure)
{
    using Kind = services::SessionFailure::Kind;
    TL_LOG("net", warning) << "sign-in failed: " << services::failureKindName(failure.kind) << " ("
                           << failure.detail << ")";
    // Once signed in, a lost connection is the status bar's business (the
    // session keeps retrying); so it is when the agent did not just type the
    // address in (the screenshot run reports it through connectionChanged).
    if (failure.kind == Kind::Unreachable && (m_signedIn || !m_askedThisRun || !m_options.interactive))
        return;
    const ui::SignInProblem problem = problemFor(failure, m_options.server);
    if (!m_host || !m_host->sync())
        return;
    SyncService *sync = m_host->sync();
    QMetaObject::invokeMethod(sync, [sync] { sync->stop(); });
    if (!askForCredentials(problem))
        return fail(ui::SignInDialog::describe(problem));
    QSettings settings(QDir(m_options.profileDir).filePath(QStringLiteral("settings.ini")),
                       QSettings::IniFormat);
    settings.setValue(QStringLiteral("server"), m_options.server);
    settings.setValue(QStringLiteral("user"), m_options.user);
    m_user = m_options.user;
    startSession(sync, m_options.server, m_options.profileDir, m_options.caFile, m_options.user,
                 m_password);
    m_password.clear();
}

bool Desktop::lockProfile()
{
    auto lock = std::make_unique<QLockFile>(
        QDir(m_options.profileDir).filePath(QStringLiteral("profile.lock")));
    // Never stale by age: a desktop runs for days. QLockFile still takes over the lock
    // of a process that is gone (a crash, a power cut), by its pid and host name.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        m_profileLock = std::move(lock);
        return true;
    }
    if (lock->error() != QLockFile::LockFailedError) {
        // A read-only profile folder: the desktop still shows what its cache holds (and
        // says the cache cannot be written to); a second one could not write either.
        TL_LOG("ui", warning) << "no profile lock (error " << int(lock->error()) << "); going on";
        return true;
    }
    qint64 pid = 0;
    QString host, application;
    lock->getLockInfo(&pid, &host, &application);
    TL_LOG("ui", warning) << "profile in use by process " << pid;
    QLocale digits; // the language's digits, and no group separator in a process id
    digits.setNumberOptions(QLocale::OmitGroupSeparator);
    fail(tr("This profile is already open in Threadline (process %1 on %2). Switch to that "
            "window, or start with another --profile.")
             .arg(ui::formatNumber(pid, digits), host));
    return false;
}

void Desktop::fail(const QString &sentence)
{
    TL_LOG("ui", error) << "stopping: " << sentence;
    if (m_options.interactive)
        QMessageBox::critical(m_window && m_window->isVisible() ? m_window.get() : nullptr,
                              tr("Threadline"), sentence);
    else
        qCritical("threadline: %s", qUtf8Printable(sentence));
    Q_EMIT finished(1);
}

void Desktop::armScreenshot()
{
    m_screenshotDeadline.start(kScreenshotTimeoutMs);
    connect(&m_timeline, &models::TimelineModel::loadingChanged, this,
            &Desktop::maybeTakeScreenshot);
    connect(&m_timeline, &QAbstractItemModel::rowsInserted, this, &Desktop::maybeTakeScreenshot);
}

void Desktop::maybeTakeScreenshot()
{
    if (m_options.screenshot.isEmpty() || !m_signedIn)
        return;
    // What "painted" means depends on the page: the open thread, the floor, the desk.
    bool ready = m_window->currentCustomer() != 0 && !m_timeline.isLoading()
                 && m_timeline.rowCount() > 0;
    if (m_options.page == QLatin1String("monitor"))
        ready = m_floorSeen;
    else if (m_role == QLatin1String("store"))
        ready = true;
    if (ready)
        QTimer::singleShot(800, this, &Desktop::takeScreenshot); // let the view paint
}

void Desktop::takeScreenshot()
{
    if (!m_screenshotDeadline.isActive())
        return; // already taken
    m_screenshotDeadline.stop();
    const QPixmap shot = m_window->grab();
    if (shot.isNull() || !shot.save(m_options.screenshot, "PNG"))
        return fail(tr("Could not write the screenshot to %1.").arg(m_options.screenshot));
    TL_LOG("ui", info) << "screenshot saved";
    Q_EMIT finished(0);
}

} // namespace threadline::app
