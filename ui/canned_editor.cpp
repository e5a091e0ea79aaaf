// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canned_editor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace threadline::ui {

namespace {
constexpr int kMaxTitle = 200;        // the hub's limits (docs/protocol.md)
constexpr int kMaxBody = 64 * 1024;
} // namespace

CannedEditor::CannedEditor(const QJsonObject &response, QWidget *parent)
    : QDialog(parent), m_id(response.value(QStringLiteral("id")).toInteger()),
      m_title(new QLineEdit(this)), m_language(new QComboBox(this)),
      m_body(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("cannedEditor"));
    setWindowTitle(m_id ? tr("Edit canned response") : tr("New canned response"));
    m_title->setObjectName(QStringLiteral("cannedTitle"));
    m_title->setMaxLength(kMaxTitle);
    m_title->setAccessibleName(tr("Title"));
    m_title->setText(response.value(QStringLiteral("title")).toString());
    m_language->setObjectName(QStringLiteral("cannedLanguage"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("Any language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("فارسی"), QStringLiteral("fa"));
    m_language->addItem(QStringLiteral("العربية"), QStringLiteral("ar"));
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(response.value(QStringLiteral("language")).toString())));
    m_body->setObjectName(QStringLiteral("cannedBody"));
    m_body->setAccessibleName(tr("Text"));
    m_body->setTabChangesFocus(true);
    m_body->setPlainText(response.value(QStringLiteral("body")).toString());

    // The composer fills these in when the response is inserted.
    auto *help = new QLabel(tr("Placeholders, filled in when the response is inserted: "
                               "{customer_name} the customer's first name, {order_number} their "
                               "latest order, {agent_name} your name."),
                            this);
    help->setWordWrap(true);
    auto *inserts = new QHBoxLayout;
    for (const char *placeholder : {"{customer_name}", "{order_number}", "{agent_name}"}) {
        auto *insert = new QPushButton(QLatin1String(placeholder), this);
        insert->setAutoDefault(false);
        insert->setToolTip(tr("Insert %1 at the cursor").arg(QLatin1String(placeholder)));
        connect(insert, &QPushButton::clicked, this, [this, placeholder] {
            m_body->insertPlainText(QLatin1String(placeholder));
            m_body->setFocus();
        });
        inserts->addWidget(insert);
    }
    inserts->addStretch();

    auto *form = new QFormLayout;
    auto addRow = [form, this](const QString &label, QWidget *control) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(control);
        form->addRow(caption, control);
    };
    addRow(tr("&Title:"), m_title);
    addRow(tr("&Language:"), m_language);
    addRow(tr("Te&xt:"), m_body);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &CannedEditor::updateOk);
    connect(m_body, &QPlainTextEdit::textChanged, this, &CannedEditor::updateOk);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addLayout(inserts);
    layout->addWidget(buttons);
    updateOk();
    m_title->setFocus();
    resize(520, 380);
}

QJsonObject CannedEditor::command() const
{
    QJsonObject data{{QStringLiteral("title"), m_title->text().trimmed()},
                     {QStringLiteral("language"), m_language->currentData().toString()},
                     {QStringLiteral("body"), m_body->toPlainText()}};
    if (m_id > 0)
        data.insert(QStringLiteral("id"), m_id);
    return data;
}

void CannedEditor::updateOk()
{
    const QString body = m_body->toPlainText();
    m_ok->setEnabled(!m_title->text().trimmed().isEmpty() && !body.trimmed().isEmpty()
                     && body.toUtf8().size() <= kMaxBody);
}

} // namespace threadline::ui
