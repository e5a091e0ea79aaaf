// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>

namespace threadline::testing {

/// Debian's aiosmtpd with its Mailbox handler on a loopback port: every message it
/// accepts lands in a Maildir (runs /usr/bin/python3, which sees python3-aiosmtpd).
class MailServer {
public:
    ~MailServer();
    bool start(quint16 port);
    void stop();
    /// The messages received so far, oldest first.
    QList<QByteArray> messages() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

/// A loopback port nothing listens on right now.
quint16 freePort();
/// Whether something accepts connections on the loopback port.
bool accepts(quint16 port);

} // namespace threadline::testing
