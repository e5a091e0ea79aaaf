// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolBar>

class QLabel;

namespace threadline::ui {

/// A strip across the top of the window while this computer's cache cannot be
/// written (disk full, read-only profile): the agent keeps working with what
/// is shown, and knows new messages are not being kept until it clears.
class StorageBanner : public QToolBar {
    Q_OBJECT
public:
    explicit StorageBanner(QWidget *parent = nullptr);
    /// `code` is the cache's stable error code (disk_full, read_only, io…).
    void showProblem(const QString &code);
    /// The cache takes writes again.
    void clearProblem();
    QString sentence() const;

private:
    QLabel *m_text;
};

} // namespace threadline::ui
