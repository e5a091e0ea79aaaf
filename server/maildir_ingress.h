// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/email_ingress.h"
#include "server/identity_resolver.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace threadline::server {

/// Watches a Maildir (--maildir DIR): each message delivered into DIR/new goes through the
/// same EmailIngress as POST /ingress/email and is then moved to DIR/cur with the ":2,S"
/// (seen) info suffix. Ingress deduplicates by Message-ID, so a message ingested but not
/// yet moved when the hub stopped is moved, not stored twice, on the next scan. A message
/// the ingress refuses (no From address, not a message at all) is moved to cur as ":2,FS"
/// (flagged) and never deleted: the Maildir keeps it for a person to look at. Mail the
/// ingress cannot take now (its database failed) stays in new/ for the next scan.
class MaildirIngress : public QObject {
    Q_OBJECT
public:
    MaildirIngress(HubStore &store, PhoneNormaliser phones, QString maildir,
                   QObject *parent = nullptr);

    /// Creates new/, cur/ and tmp/ when missing, scans once and starts watching. False with
    /// lastError() when the folders cannot be made.
    bool start(int rescanMs = 10000);
    QString lastError() const { return m_error; }

Q_SIGNALS:
    /// After each scan that moved something: how many were stored, duplicates, refused.
    void scanned(int stored, int duplicates, int refused);

private:
    void scan();

    QString m_dir;
    IdentityResolver m_resolver;
    EmailIngress m_ingress;
    QFileSystemWatcher m_watcher;
    // inotify can miss events (overflow, network file systems): a periodic scan catches up.
    QTimer m_rescan;
    QString m_error;
    bool m_scanning = false;
};

} // namespace threadline::server
