// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/maildir_ingress.h"

#include "services/logging/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace threadline::server {
namespace {

// Mail larger than this is not read into memory; it is flagged and left for a person, like
// a body over POST /ingress/email's limit.
constexpr qint64 kMaxMessageBytes = 25 * 1024 * 1024;

// "1732530000.M1P2.host" (or with an info part already) → "1732530000.M1P2.host:2,S".
QString curName(const QString &newName, const QString &flags)
{
    const QString base = newName.section(QLatin1Char(':'), 0, 0);
    return base + QStringLiteral(":2,") + flags;
}

} // namespace

MaildirIngress::MaildirIngress(HubStore &store, PhoneNormaliser phones, QString maildir,
                               QObject *parent)
    : QObject(parent), m_dir(std::move(maildir)), m_resolver(store, std::move(phones)),
      m_ingress(store, m_resolver)
{
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &MaildirIngress::scan);
    connect(&m_rescan, &QTimer::timeout, this, &MaildirIngress::scan);
}

bool MaildirIngress::start(int rescanMs)
{
    QDir dir(m_dir);
    for (const char *sub : {"new", "cur", "tmp"}) {
        if (!dir.mkpath(QLatin1String(sub))) {
            m_error = QStringLiteral("cannot create %1").arg(dir.filePath(QLatin1String(sub)));
            return false;
        }
    }
    m_watcher.addPath(dir.filePath(QStringLiteral("new")));
    scan();
    m_rescan.start(rescanMs);
    TL_LOG("hub", info) << "watching the Maildir " << dir.absolutePath().toStdString();
    return true;
}

void MaildirIngress::scan()
{
    if (m_scanning)
        return;
    m_scanning = true;
    const QDir fresh(QDir(m_dir).filePath(QStringLiteral("new")));
    const QDir cur(QDir(m_dir).filePath(QStringLiteral("cur")));
    int stored = 0, duplicates = 0, refused = 0;
    // Oldest first, so a thread's messages arrive in the order they were delivered. Dot
    // files are a delivery agent's business (Maildir spec), not mail.
    const QFileInfoList files =
        fresh.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Time | QDir::Reversed);
    for (const QFileInfo &file : files) {
        QString flags = QStringLiteral("S");
        if (file.size() > kMaxMessageBytes) {
            TL_LOG("hub", warning) << "maildir: " << file.fileName().toStdString()
                                   << " is larger than 25 MiB; flagged, not stored";
            flags = QStringLiteral("FS");
            ++refused;
        } else {
            QFile f(file.filePath());
            if (!f.open(QIODevice::ReadOnly))
                continue; // still being written or unreadable: the next scan tries again
            const QByteArray raw = f.readAll();
            f.close();
            const IngressAnswer answer = m_ingress.receive(raw);
            if (answer.status >= 500)
                continue; // the database failed: leave it in new/ for the next scan
            if (answer.status >= 400) {
                TL_LOG("hub", warning) << "maildir: " << file.fileName().toStdString()
                                       << " refused (" << answer.body.toStdString()
                                       << "); flagged in cur";
                flags = QStringLiteral("FS");
                ++refused;
            } else if (answer.status == 200) {
                ++duplicates;
            } else {
                ++stored;
            }
        }
        const QString target = cur.filePath(curName(file.fileName(), flags));
        if (!QFile::rename(file.filePath(), target))
            TL_LOG("hub", error) << "maildir: cannot move " << file.fileName().toStdString()
                                 << " to cur; it will be seen again (and deduplicated)";
    }
    m_scanning = false;
    if (stored + duplicates + refused > 0)
        Q_EMIT scanned(stored, duplicates, refused);
}

} // namespace threadline::server
