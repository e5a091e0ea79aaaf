// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canned_page.h"

#include "services/text/safe_text.h"
#include "ui/canned_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace threadline::ui {

namespace {
constexpr int kPreviewChars = 90;

QString languageName(const QString &code)
{
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("fa"))
        return QStringLiteral("فارسی");
    if (code == QLatin1String("ar"))
        return QStringLiteral("العربية");
    return CannedPage::tr("Any");
}
} // namespace

CannedPage::CannedPage(QWidget *parent)
    : QWidget(parent), m_list(new QTreeWidget(this)), m_add(new QPushButton(tr("&Add…"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_delete(new QPushButton(tr("&Delete"), this)),
      m_readOnly(new QLabel(tr("Only supervisors change canned responses. Use them by typing / "
                               "at the start of a reply."),
                            this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("cannedPage"));
    m_list->setObjectName(QStringLiteral("cannedList"));
    m_list->setAccessibleName(tr("Canned responses"));
    m_list->setHeaderLabels({tr("Title"), tr("Language"), tr("Text")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_add->setObjectName(QStringLiteral("cannedAdd"));
    m_edit->setObjectName(QStringLiteral("cannedEdit"));
    m_delete->setObjectName(QStringLiteral("cannedDelete"));
    m_readOnly->setObjectName(QStringLiteral("cannedReadOnly"));
    m_readOnly->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("cannedProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_problem);

    connect(m_add, &QPushButton::clicked, this, &CannedPage::addResponse);
    connect(m_edit, &QPushButton::clicked, this, &CannedPage::editCurrent);
    connect(m_delete, &QPushButton::clicked, this, &CannedPage::deleteCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        if (m_mayManage)
            editCurrent();
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CannedPage::updateButtons);
    // Keyboard first: Delete removes the selected response, Insert adds one.
    auto *remove = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        if (m_mayManage)
            deleteCurrent();
    });
    auto *insert = new QShortcut(QKeySequence(Qt::Key_Insert), m_list, nullptr, nullptr,
                                 Qt::WidgetShortcut);
    connect(insert, &QShortcut::activated, this, [this] {
        if (m_mayManage)
            addResponse();
    });
    setMayManage(false);
}

void CannedPage::setResponses(const QJsonArray &canned)
{
    const qint64 selected = current().value(QStringLiteral("id")).toInteger();
    m_canned = canned;
    m_list->clear();
    for (const QJsonValue &v : canned) {
        const QJsonObject r = v.toObject();
        // Titles and texts are written by people: their bidi controls cannot
        // reorder the list around them.
        QString preview = r.value(QStringLiteral("body")).toString().simplified();
        if (preview.size() > kPreviewChars)
            preview = preview.left(kPreviewChars) + QChar(0x2026);
        auto *item = new QTreeWidgetItem(
            m_list, {text::neutraliseBidi(r.value(QStringLiteral("title")).toString()),
                     languageName(r.value(QStringLiteral("language")).toString()),
                     text::neutraliseBidi(preview)});
        item->setData(0, Qt::UserRole, r.value(QStringLiteral("id")).toInteger());
        if (item->data(0, Qt::UserRole).toLongLong() == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

void CannedPage::setMayManage(bool mayManage)
{
    m_mayManage = mayManage;
    m_readOnly->setVisible(!mayManage);
    updateButtons();
}

void CannedPage::showRefusal(const QString &code, const QString &message)
{
    m_problem->setText(code == QLatin1String("forbidden")
                           ? tr("The server did not allow that: only supervisors change canned "
                                "responses (%1).")
                                 .arg(code)
                           : tr("The server refused the change (%1: %2).").arg(code, message));
    m_problem->show();
}

void CannedPage::requestSave(const QJsonObject &data)
{
    m_problem->hide();
    Q_EMIT saveRequested(data);
}

void CannedPage::requestDelete(qint64 id)
{
    m_problem->hide();
    Q_EMIT deleteRequested(id);
}

void CannedPage::addResponse()
{
    CannedEditor editor({}, this);
    if (editor.exec() == QDialog::Accepted)
        requestSave(editor.command());
}

void CannedPage::editCurrent()
{
    const QJsonObject response = current();
    if (response.isEmpty())
        return;
    CannedEditor editor(response, this);
    if (editor.exec() == QDialog::Accepted)
        requestSave(editor.command());
}

void CannedPage::deleteCurrent()
{
    const QJsonObject response = current();
    if (response.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete canned response"),
                              tr("Delete “%1” for everyone?")
                                  .arg(text::isolate(response.value(QStringLiteral("title")).toString())))
        == QMessageBox::Yes)
        requestDelete(response.value(QStringLiteral("id")).toInteger());
}

void CannedPage::updateButtons()
{
    const bool selected = m_list->currentItem() != nullptr;
    m_add->setEnabled(m_mayManage);
    m_edit->setEnabled(m_mayManage && selected);
    m_delete->setEnabled(m_mayManage && selected);
}

QJsonObject CannedPage::current() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return {};
    const qint64 id = item->data(0, Qt::UserRole).toLongLong();
    for (const QJsonValue &v : m_canned)
        if (v.toObject().value(QStringLiteral("id")).toInteger() == id)
            return v.toObject();
    return {};
}

} // namespace threadline::ui
