// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"

#include <QJsonObject>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QToolButton;

namespace threadline::models {
class InboxModel;
}

namespace threadline::ui {

class MergeDialog;

/// Working the open conversation: take it, hand it over, resolve or reopen,
/// snooze, label, log a call. Each action becomes one hub command. Each is one
/// QAction (commands()) that the buttons, the keys and the command palette share;
/// when the bar is narrow the less frequent ones move into a "More" menu.
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
    /// Take, transfer, resolve, snooze, labels, log call, merge: for the desk's registry.
    QList<QAction *> commands() const { return m_commands; }
    /// Room for the frequent actions and "More" only: the rest give way.
    QSize minimumSizeHint() const override;
    /// Opens "Merge with…" for the open customer (also Ctrl+Shift+M).
    void mergeWith();

Q_SIGNALS:
    /// A hub command for this conversation (assign, transfer, set_status, snooze, label,
    /// customer.merge).
    void commandRequested(const QString &type, const QJsonObject &data);
    void logCallRequested();
    /// "Merge with…" is open (modal, until it returns): connect its hub search.
    void mergeDialogOpened(threadline::ui::MergeDialog *dialog);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitButtons();
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
    QToolButton *m_more;         ///< what does not fit, at narrow widths
    QMenu *m_snoozeMenu;
    QList<QAction *> m_commands;
    QAction *m_takeAction;
    QAction *m_resolveAction;
    const models::InboxModel *m_inbox = nullptr;
    bool m_online = false;
};

} // namespace threadline::ui
