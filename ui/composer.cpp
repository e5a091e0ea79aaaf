// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composer.h"

#include "services/text/safe_text.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"
#include "ui/desk_actions.h"
#include "ui/sms_segments.h"
#include "ui/theme.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QJsonObject>
#include <QStringListModel>
#include <QTextBlock>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace threadline::ui {

namespace {
const QStringList kChannels = {QStringLiteral("chat"), QStringLiteral("sms"),
                               QStringLiteral("email"), QStringLiteral("note")};

QString identityKind(const QString &channel)
{
    if (channel == QLatin1String("sms"))
        return QStringLiteral("phone");
    if (channel == QLatin1String("email"))
        return QStringLiteral("email");
    if (channel == QLatin1String("chat"))
        return QStringLiteral("chat");
    return {};
}
} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent), m_channel(new QComboBox(this)), m_identity(new QComboBox(this)),
      m_subject(new QLineEdit(this)), m_body(new QPlainTextEdit(this)), m_counter(new QLabel(this)),
      m_send(new QPushButton(tr("Send"), this)), m_cannedCompleter(new QCompleter(this)),
      m_cannedTitles(new QStringListModel(this))
{
    setObjectName(QStringLiteral("composer"));
    for (int i = 0; i < kChannels.size(); ++i)
        m_channel->addItem(i == 3 ? tr("Internal note") : channelLabel(kChannels.at(i)),
                           kChannels.at(i));
    m_channel->setToolTip(tr("Reply channel (Ctrl+1 chat, Ctrl+2 SMS, Ctrl+3 email, Ctrl+4 note)"));
    m_identity->setToolTip(tr("Which phone number or address to use"));
    m_subject->setPlaceholderText(tr("Subject"));
    m_body->setPlaceholderText(tr("Write a reply… (Ctrl+Enter sends)"));
    m_body->setTabChangesFocus(true);
    m_body->setMaximumHeight(140);
    m_counter->setObjectName(QStringLiteral("composerCounter"));
    m_channel->setAccessibleName(tr("Reply channel"));
    m_identity->setAccessibleName(tr("Phone number or address"));
    m_subject->setAccessibleName(tr("Subject"));
    m_body->setAccessibleName(tr("Reply"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_channel);
    top->addWidget(m_identity, 1);
    top->addWidget(m_counter);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_body, 1);
    bottom->addWidget(m_send, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_subject);
    layout->addLayout(bottom);

    connect(m_channel, &QComboBox::currentIndexChanged, this, &Composer::updateForChannel);
    connect(m_body, &QPlainTextEdit::textChanged, this, &Composer::updateCounter);
    m_cannedCompleter->setModel(m_cannedTitles);
    m_cannedCompleter->setWidget(m_body);
    m_cannedCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_cannedCompleter->setFilterMode(Qt::MatchContains);
    m_cannedCompleter->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_cannedCompleter, qOverload<const QString &>(&QCompleter::activated), this,
            &Composer::insertCanned);
    connect(m_body, &QPlainTextEdit::textChanged, this, &Composer::offerCanned);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_restoring)
            Q_EMIT draftEdited();
    });
    connect(m_subject, &QLineEdit::textEdited, this, &Composer::draftEdited);
    connect(m_channel, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_restoring && !m_body->toPlainText().isEmpty())
            Q_EMIT draftEdited();
    });
    connect(m_send, &QPushButton::clicked, this, &Composer::trySend);
    // Ctrl+Enter sends from inside the composer only; Ctrl+1..4 switch channel
    // from anywhere in the window. One action each, shared with the command palette.
    m_sendAction = addDeskAction(this, "send", tr("Send"),
                                 {QKeySequence(Qt::CTRL | Qt::Key_Return),
                                  QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                                 Qt::WidgetWithChildrenShortcut);
    connect(m_sendAction, &QAction::triggered, this, &Composer::trySend);
    const QString titles[] = {tr("Reply by chat"), tr("Reply by SMS"), tr("Reply by email"),
                              tr("Write an internal note")};
    const char *ids[] = {"replyChat", "replySms", "replyEmail", "replyNote"};
    for (int i = 0; i < kChannels.size(); ++i) {
        QAction *pick = addDeskAction(
            this, ids[i], titles[i], {QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i))});
        connect(pick, &QAction::triggered, this, [this, i] {
            if (auto *model = qobject_cast<QStandardItemModel *>(m_channel->model());
                model && model->item(i)->isEnabled())
                m_channel->setCurrentIndex(i);
            m_body->setFocus();
        });
        m_channelActions.append(pick);
    }
    clearCustomer();
}

void Composer::setCustomer(const models::Customer &customer, const QString &channel,
                           const QString &replySubject)
{
    if (customer.id != m_customer.id) {
        // Another customer: what was written belongs to the previous one's draft.
        m_restoring = true;
        m_body->clear();
        m_restoring = false;
    }
    m_customer = customer;
    setEnabled(true);
    auto *model = qobject_cast<QStandardItemModel *>(m_channel->model());
    for (int i = 0; i < kChannels.size(); ++i) {
        const QString kind = identityKind(kChannels.at(i));
        bool available = kind.isEmpty() || kind == QLatin1String("chat");
        for (const auto &identity : customer.identities)
            available = available || identity.kind == kind;
        model->item(i)->setEnabled(available);
        setAvailable(m_channelActions.at(i), available,
                     kind == QLatin1String("phone") ? tr("The customer has no phone number")
                                                    : tr("The customer has no email address"));
    }
    offerIdentities();
    const QString subject = text::neutraliseBidi(replySubject);
    m_subject->setText(subject.isEmpty() || subject.startsWith(QLatin1String("Re:"))
                           ? subject
                           : QStringLiteral("Re: ") + subject);
    setChannel(channel);
    updateForChannel();
}

void Composer::clearCustomer()
{
    m_customer = {};
    m_body->clear();
    setEnabled(false);
    for (QAction *action : std::as_const(m_channelActions))
        setAvailable(action, false, tr("No conversation is open"));
    offerIdentities();
}

QString Composer::channel() const
{
    return m_channel->currentData().toString();
}

void Composer::setChannel(const QString &channel)
{
    const int i = m_channel->findData(channel);
    auto *model = qobject_cast<QStandardItemModel *>(m_channel->model());
    if (i >= 0 && model->item(i)->isEnabled())
        m_channel->setCurrentIndex(i);
    else
        m_channel->setCurrentIndex(static_cast<int>(kChannels.indexOf(QStringLiteral("note"))));
}

void Composer::offerIdentities()
{
    // "Reply by SMS to +98…" for each of the customer's phones and addresses: one
    // command per identity, so the palette switches channel and address at once.
    qDeleteAll(m_identityActions);
    m_identityActions.clear();
    for (const auto &identity : std::as_const(m_customer.identities)) {
        const QString channel = identity.kind == QLatin1String("phone")   ? QStringLiteral("sms")
                                : identity.kind == QLatin1String("email") ? QStringLiteral("email")
                                                                          : QString();
        if (channel.isEmpty())
            continue;
        const QString to = text::isolate(text::neutraliseBidi(identity.value));
        auto *pick = new QAction(channel == QLatin1String("sms") ? tr("Reply by SMS to %1").arg(to)
                                                                 : tr("Reply by email to %1").arg(to),
                                 this);
        pick->setObjectName(QStringLiteral("replyTo:") + identity.value); // per customer
        addAction(pick);
        connect(pick, &QAction::triggered, this, [this, channel, value = identity.value] {
            setChannel(channel);
            if (const int i = m_identity->findData(value); i >= 0)
                m_identity->setCurrentIndex(i);
            m_body->setFocus();
        });
        m_identityActions.append(pick);
    }
}

void Composer::setCannedResponses(const QJsonArray &canned)
{
    m_cannedBodies.clear();
    QStringList titles;
    for (const QJsonValue &v : canned) {
        const QJsonObject r = v.toObject();
        const QString title = r.value(QStringLiteral("title")).toString();
        if (title.isEmpty() || m_cannedBodies.contains(title))
            continue;
        m_cannedBodies.insert(title, r.value(QStringLiteral("body")).toString());
        titles.append(title);
    }
    m_cannedTitles->setStringList(titles);
}

/// The "/word" being typed at the start of the current line, if any.
static QString slashQuery(QPlainTextEdit *body)
{
    QTextCursor cursor = body->textCursor();
    const QString line = cursor.block().text().left(cursor.positionInBlock());
    if (!line.startsWith(QLatin1Char('/')) || line.size() > 40)
        return {};
    return line.mid(1);
}

void Composer::offerCanned()
{
    if (m_restoring || m_cannedBodies.isEmpty())
        return;
    const QTextCursor cursor = m_body->textCursor();
    const QString line = cursor.block().text().left(cursor.positionInBlock());
    if (!line.startsWith(QLatin1Char('/'))) {
        m_cannedCompleter->popup()->hide();
        return;
    }
    m_cannedCompleter->setCompletionPrefix(slashQuery(m_body));
    QRect where = m_body->cursorRect();
    where.setWidth(std::max(320, m_body->width() / 2));
    m_cannedCompleter->complete(where);
}

void Composer::insertCanned(const QString &title)
{
    QString text = m_cannedBodies.value(title);
    for (auto it = m_placeholders.cbegin(); it != m_placeholders.cend(); ++it)
        text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
    // Replace the "/query" the agent typed with the response.
    QTextCursor cursor = m_body->textCursor();
    cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
    cursor.insertText(text);
    m_body->setTextCursor(cursor);
    m_cannedCompleter->popup()->hide();
}

models::Draft Composer::draft() const
{
    models::Draft d;
    d.customerId = m_customer.id;
    d.channel = channel();
    d.identity = m_identity->currentData().toString();
    d.subject = d.channel == QLatin1String("email") ? m_subject->text() : QString();
    d.body = m_body->toPlainText();
    d.updatedAt = QDateTime::currentMSecsSinceEpoch();
    return d;
}

void Composer::restoreDraft(const models::Draft &d)
{
    if (d.customerId != m_customer.id)
        return;
    m_restoring = true;
    setChannel(d.channel);
    updateForChannel();
    if (const int i = m_identity->findData(d.identity); i >= 0)
        m_identity->setCurrentIndex(i);
    if (!d.subject.isEmpty())
        m_subject->setText(d.subject);
    m_body->setPlainText(d.body);
    m_body->moveCursor(QTextCursor::End);
    m_restoring = false;
}

void Composer::focusBody()
{
    m_body->setFocus();
}

void Composer::updateForChannel()
{
    const QString ch = channel();
    const QString kind = identityKind(ch);
    m_identity->clear();
    for (const auto &identity : m_customer.identities)
        if (identity.kind == kind)
            m_identity->addItem(text::isolateStrict(identity.value), identity.value);
    m_identity->setVisible(m_identity->count() > 0);
    m_subject->setVisible(ch == QLatin1String("email"));
    m_send->setText(ch == QLatin1String("note") ? tr("Add note") : tr("Send"));
    styleForChannel();
    updateCounter();
}

void Composer::styleForChannel()
{
    // An internal note must look different from a reply the customer will read.
    // Its amber follows the theme, so the text on it stays readable in dark.
    m_body->setStyleSheet(channel() == QLatin1String("note")
                              ? QStringLiteral("QPlainTextEdit { background: %1; }")
                                    .arg(bubbleFill(Bubble::Note, palette()).name())
                              : QString());
}

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) // a new theme
        styleForChannel();
    QWidget::changeEvent(event);
}

void Composer::updateCounter()
{
    const QString body = m_body->toPlainText();
    const QLocale locale;
    if (channel() == QLatin1String("sms")) {
        const SmsSegments s = countSmsSegments(body);
        m_counter->setText(tr("%1 chars · %2 SMS · %3 left%4")
                               .arg(formatNumber(body.size(), locale),
                                    formatNumber(s.segments, locale),
                                    formatNumber(s.remaining, locale),
                                    s.ucs2 ? tr(" · Unicode") : QString()));
    } else {
        m_counter->setText(formatNumber(body.size(), locale));
    }
    m_send->setEnabled(!body.trimmed().isEmpty());
}

void Composer::trySend()
{
    const QString body = m_body->toPlainText().trimmed();
    if (body.isEmpty() || m_customer.id <= 0)
        return;
    Q_EMIT sendRequested(channel(), m_identity->currentData().toString(),
                         channel() == QLatin1String("email") ? m_subject->text() : QString(),
                         body);
    m_body->clear();
}

} // namespace threadline::ui
