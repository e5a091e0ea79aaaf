// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/html_email_view.h"

#include "services/text/safe_text.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QVBoxLayout>

namespace threadline::ui {

NoRemoteBrowser::NoRemoteBrowser(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setAccessibleName(tr("Original formatting of the email"));
}

QVariant NoRemoteBrowser::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    m_refused.append(name.toString());
    return {};
}

HtmlEmailView::HtmlEmailView(const QString &subject, const QString &html, QWidget *parent)
    : QDialog(parent), m_browser(new NoRemoteBrowser(this))
{
    setWindowTitle(subject.isEmpty() ? tr("Original formatting")
                                     : tr("Original formatting: %1").arg(text::isolate(subject)));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // setHtml, not setSource: the document has no base URL to resolve anything against.
    m_browser->setHtml(html);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &HtmlEmailView::onAnchor);
    resize(720, 640);
}

void HtmlEmailView::onAnchor(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
        scheme != QLatin1String("mailto"))
        return;
    // The whole address, isolated: link text in an email can say anything.
    const auto answer = QMessageBox::question(
        this, tr("Open link"),
        tr("Open this address?\n%1").arg(text::isolateStrict(url.toDisplayString())));
    if (answer != QMessageBox::Yes)
        return;
    Q_EMIT linkConfirmed(url);
    QDesktopServices::openUrl(url);
}

} // namespace threadline::ui
