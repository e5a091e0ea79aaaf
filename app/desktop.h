// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/command_line.h"
#include "app/service_host.h"
#include "models/inbox_model.h"
#include "models/timeline_model.h"

#include <QLockFile>
#include <QObject>
#include <QTimer>
#include <memory>

namespace threadline::cache {
class KeyStore;
}
namespace threadline::ui {
struct SignInProblem;
class AssignmentAlert;
class MainWindow;
}

namespace threadline::app {

/// The composition root: builds the service host, the models and the window,
/// and connects them. Nothing else knows about more than one layer.
class Desktop : public QObject {
    Q_OBJECT
public:
    explicit Desktop(Options options, QObject *parent = nullptr);
    ~Desktop() override;

    /// Starts signing in; returns false when the user cancelled the dialog.
    bool start();
    ui::MainWindow *window() const { return m_window.get(); }
    /// Tray message and sound for a conversation handed to the agent.
    ui::AssignmentAlert *assignmentAlert() const { return m_alert; }
    /// Stops the session; with `removeLocalData` deletes the cache, its WAL and
    /// key (nothing left to decrypt). Then asks to sign in again, or finishes.
    void signOut(bool removeLocalData);

Q_SIGNALS:
    /// The desktop has to stop (screenshot done or failed, fatal error).
    void finished(int exitCode);
    /// Sign-out removed the cache and its key.
    void localDataRemoved();

private:
    /// Takes the profile's lock file, or says who holds it and returns false.
    bool lockProfile();
    bool askForCredentials(const ui::SignInProblem &problem);
    void obtainKey();
    void useKeyStore(std::unique_ptr<cache::KeyStore> keys, const QString &profileId);
    void usePassphrase(const QString &passphrase);
    void openCache(const QByteArray &key);
    void onServicesReady(services::SyncService *sync);
    /// Merge with…, Undo merge, and what a merge on any desktop changes on screen.
    void wireMerges(services::SyncService *sync);
    void onSessionFailed(const services::SessionFailure &failure);
    void fail(const QString &sentence);
    void armScreenshot();
    void maybeTakeScreenshot();
    void takeScreenshot();

    Options m_options;
    /// One desktop per profile: the cache has one writer, and two desktops would both
    /// send what waits in the outbox. Held from start() to the end.
    std::unique_ptr<QLockFile> m_profileLock;
    QString m_password;
    models::InboxModel m_inbox;
    models::TimelineModel m_timeline;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::AssignmentAlert *m_alert; ///< owned by the window
    std::unique_ptr<ServiceHost> m_host;
    std::unique_ptr<cache::KeyStore> m_keys;
    QTimer m_screenshotDeadline;
    QString m_user;
    bool m_signedIn = false;
    qint64 m_signedInAt = 0;     ///< older thread items are not news
    bool m_askedThisRun = false; ///< the agent typed server and password in this run
    bool m_usingPassphrase = false;
    bool m_floorSeen = false;
    QString m_role;
    QString m_profileId; ///< the key store's name for this profile
};

} // namespace threadline::app
