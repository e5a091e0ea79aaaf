// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace threadline::testing {

/// scripts/sms_api.py on a free loopback port: a Twilio-compatible Messages API that keeps
/// what it took, lists it (GET Messages.json?To=&From=) and calls each StatusCallback with
/// sent, then delivered (again while the hub is away). Runs Debian's /usr/bin/python3.
class SmsApi {
public:
    static constexpr char kAccountSid[] = "ACfa0175a0b1c2d3e4f5a6b7c8d9e0f1a2";
    static constexpr char kFrom[] = "+982191000000";

    ~SmsApi();
    /// Starts it; `callbackDelaySeconds` before each status callback, `answerDelaySeconds`
    /// between keeping a message and answering its POST.
    bool start(double callbackDelaySeconds = 0.2, double answerDelaySeconds = 0);
    void stop();
    quint16 port() const { return m_port; }
    /// The hub's --sms-* flags for this API (token file in a temporary folder).
    QStringList hubArguments() const;

    /// Every message it took, oldest first (sid, to, from, body, status, status_callback).
    QJsonArray messages() const;
    /// How many messages it took with exactly this body.
    int countWithBody(const QString &body) const;
    /// normal, hold (keep the message, never answer the POST) or unavailable (503).
    bool setMode(const QString &mode) const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace threadline::testing
