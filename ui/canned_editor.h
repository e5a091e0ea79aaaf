// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace threadline::ui {

/// Writes or changes one canned response: title, language, and the text with
/// the placeholders the composer fills in ({customer_name}, {order_number},
/// {agent_name}).
class CannedEditor : public QDialog {
    Q_OBJECT
public:
    /// @p response is {id, title, language, body}; empty for a new one.
    explicit CannedEditor(const QJsonObject &response, QWidget *parent = nullptr);

    /// The canned.save payload: title, language, body, and id when editing.
    QJsonObject command() const;

private:
    void updateOk();

    qint64 m_id = 0;
    QLineEdit *m_title;
    QComboBox *m_language;
    QPlainTextEdit *m_body;
    QPushButton *m_ok;
};

} // namespace threadline::ui
