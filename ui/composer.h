// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/draft.h"

#include <QHash>
#include <QJsonArray>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QCompleter;
class QStringListModel;

namespace threadline::ui {

/// Where the agent writes: a reply on chat, SMS or email, or an internal note.
/// The channel picker offers only what the customer has (which phone, which
/// address); Ctrl+1..4 switch channel, Ctrl+Enter sends.
class Composer : public QWidget {
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    /// Shows the composer for a customer, defaulting to `channel` (the one
    /// they last wrote on) and an email subject to reply under.
    void setCustomer(const models::Customer &customer, const QString &channel,
                     const QString &replySubject);
    void clearCustomer();
    QString channel() const;
    void setChannel(const QString &channel);
    void focusBody();
    /// What is written now, as a draft for the current customer.
    models::Draft draft() const;
    /// Canned responses from the hub ([{title, body, language}]); typing "/" at
    /// the start of a line offers them.
    void setCannedResponses(const QJsonArray &canned);
    /// What {customer_name}, {order_number} and {agent_name} stand for now.
    void setPlaceholderValues(const QHash<QString, QString> &values) { m_placeholders = values; }
    /// Puts a saved draft back (after setCustomer for the same customer).
    void restoreDraft(const models::Draft &draft);
    /// Send and the four channels (Ctrl+Enter, Ctrl+1..4), for the desk's registry.
    QList<QAction *> commands() const { return QList<QAction *>{m_sendAction} + m_channelActions; }
    /// "Reply by SMS to …" for each phone and address of the open customer.
    QList<QAction *> identityCommands() const { return m_identityActions; }

Q_SIGNALS:
    /// The text, subject or channel changed (the owner saves drafts, debounced).
    void draftEdited();
    void sendRequested(const QString &channel, const QString &identity, const QString &subject,
                       const QString &body);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateForChannel();
    void styleForChannel();
    void updateCounter();
    void trySend();
    void offerIdentities();

    models::Customer m_customer;
    QComboBox *m_channel;
    QComboBox *m_identity;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QLabel *m_counter;
    QPushButton *m_send;
    QAction *m_sendAction;
    QList<QAction *> m_channelActions;
    QList<QAction *> m_identityActions;
    bool m_restoring = false; ///< a draft is being put back: not an edit
    void offerCanned();
    void insertCanned(const QString &title);
    QCompleter *m_cannedCompleter;
    QStringListModel *m_cannedTitles;
    QHash<QString, QString> m_cannedBodies; ///< title → body
    QHash<QString, QString> m_placeholders;
};

} // namespace threadline::ui
