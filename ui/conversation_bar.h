// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QToolButton;

namespace threadline::models {
class InboxModel;
}

namespace threadline::ui {

/// Working the open conversation: take it, hand it over, resolve or reopen,
/// snooze, label, log a call. Each action becomes one hub command.
class ConversationBar : public QWidget {
    Q_OBJECT
public:
    explicit ConversationBar(QWidget *parent = nullptr);

    void setCustomer(const std::optional<models::Customer> &customer);
    /// Who is signed in: "Take" means them, so it waits for this.
    void setUser(const QString &user);
    /// Queues and agents offered when transferring.
    void setDirectory(const QStringList &queues, const QStringList &agents);
    /// Colleagues who have this conversation open, and who of them is typing.
    void setColleagues(const QStringList &viewing, const QStringList &typing);
    /// The customers "Merge with…" offers (those this desktop knows).
    void setMergeCandidates(const models::InboxModel *inbox) { m_inbox = inbox; }
    /// Merging needs the hub; offline the dialog says so.
    void setOnline(bool online) { m_online = online; }
    /// Opens "Merge with…" for the open customer (also Ctrl+Shift+M).
    void mergeWith();

Q_SIGNALS:
    /// A hub command for this conversation (assign, transfer, set_status, snooze, label,
    /// customer.merge).
    void commandRequested(const QString &type, const QJsonObject &data);
    void logCallRequested();

private:
    void take();
    void transfer();
    void toggleResolved();
    void snoozeUntil(qint64 ms);
    void editLabels();
    QJsonObject base() const;

    std::optional<models::Customer> m_customer;
    QString m_user;
    QStringList m_queues;
    QStringList m_agents;
    QStringList m_viewing;
    QStringList m_typing;
    QLabel *m_state;
    QToolButton *m_take;
    QToolButton *m_transfer;
    QToolButton *m_resolve;
    QToolButton *m_snooze;
    QToolButton *m_labels;
    QToolButton *m_call;
    QToolButton *m_merge;
    const models::InboxModel *m_inbox = nullptr;
    bool m_online = false;
};

} // namespace threadline::ui
