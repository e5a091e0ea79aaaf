// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/storage_banner.h"

#include <QLabel>

namespace threadline::ui {

StorageBanner::StorageBanner(QWidget *parent) : QToolBar(parent), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("storageBanner"));
    setWindowTitle(tr("Local storage"));
    setMovable(false);
    setFloatable(false);
    toggleViewAction()->setVisible(false); // not something to switch off by hand
    m_text->setWordWrap(true);
    m_text->setContentsMargins(8, 4, 8, 4);
    setStyleSheet(QStringLiteral("QToolBar#storageBanner { background: #fdecea; border: 0; }"
                                 "QToolBar#storageBanner QLabel { color: #8e1b10; }"));
    addWidget(m_text);
    hide();
}

void StorageBanner::showProblem(const QString &code)
{
    if (code == QLatin1String("disk_full"))
        m_text->setText(tr("The disk is full: new messages are not being saved on this computer. "
                           "What you see stays; free some space and Threadline catches up by "
                           "itself."));
    else if (code == QLatin1String("read_only"))
        m_text->setText(tr("The profile folder is read-only: new messages are not being saved on "
                           "this computer. What you see stays; Threadline catches up once the "
                           "folder can be written again."));
    else
        m_text->setText(tr("This computer's cache cannot be written (%1): new messages are not "
                           "being saved. Threadline keeps trying.")
                            .arg(code));
    show();
}

void StorageBanner::clearProblem()
{
    m_text->clear();
    hide();
}

QString StorageBanner::sentence() const { return isHidden() ? QString() : m_text->text(); }

} // namespace threadline::ui
