// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace threadline::ui {

/// The shared canned responses: listed for everyone, added, changed and
/// deleted by those the hub lets manage them (supervisors); read-only otherwise.
/// Changes go to the hub; the list follows what the hub answers.
class CannedPage : public QWidget {
    Q_OBJECT
public:
    explicit CannedPage(QWidget *parent = nullptr);

    /// The hub's list ([{id, title, language, body}]).
    void setResponses(const QJsonArray &canned);
    void setMayManage(bool mayManage);
    /// The hub refused a change (e.g. forbidden): say so on the page.
    void showRefusal(const QString &code, const QString &message);
    /// Sends a change as if confirmed in the editor (canned.save payload).
    void requestSave(const QJsonObject &data);
    void requestDelete(qint64 id);

Q_SIGNALS:
    /// canned.save with {title, language, body[, id]}.
    void saveRequested(const QJsonObject &data);
    void deleteRequested(qint64 id);

private:
    void addResponse();
    void editCurrent();
    void deleteCurrent();
    void updateButtons();
    QJsonObject current() const;

    QJsonArray m_canned;
    bool m_mayManage = false;
    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QLabel *m_readOnly;
    QLabel *m_problem;
};

} // namespace threadline::ui
