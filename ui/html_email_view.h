// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>
#include <QTextBrowser>

namespace threadline::ui {

/// A QTextBrowser that loads nothing: every resource the document names (images, style
/// sheets, anything) is answered with nothing, whatever its URL. The hub already removed
/// such references; this is the second lock, so a sanitiser miss still cannot turn an
/// email into a read receipt or a fetch from the agent's network.
class NoRemoteBrowser : public QTextBrowser {
    Q_OBJECT
public:
    explicit NoRemoteBrowser(QWidget *parent = nullptr);
    QVariant loadResource(int type, const QUrl &name) override;
    /// Every resource the document asked for and did not get (for tests).
    const QStringList &refused() const { return m_refused; }

private:
    QStringList m_refused;
};

/// "Show original formatting": an email's HTML as the hub sanitised it, read-only. Links
/// open only on click, after the agent saw the whole address and agreed; only http, https
/// and mailto are offered at all.
class HtmlEmailView : public QDialog {
    Q_OBJECT
public:
    HtmlEmailView(const QString &subject, const QString &html, QWidget *parent = nullptr);
    NoRemoteBrowser *browser() const { return m_browser; }

Q_SIGNALS:
    /// The agent confirmed opening this link (tests watch it instead of a browser opening).
    void linkConfirmed(const QUrl &url);

private:
    void onAnchor(const QUrl &url);
    NoRemoteBrowser *m_browser;
};

} // namespace threadline::ui
