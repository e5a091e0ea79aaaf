// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/search_palette.h"

#include "models/search_results_model.h"
#include "services/text/safe_text.h"
#include "ui/palette_overlay.h"
#include "ui/search_palette_delegate.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <utility>

namespace threadline::ui {

namespace {
constexpr int kDebounceMs = 120; // one question per pause in typing, not per key
} // namespace

SearchPalette::SearchPalette(QWidget *window)
    : QFrame(window), m_query(new QLineEdit(this)), m_scope(new QLabel(this)),
      m_list(new QListView(this)), m_status(new QLabel(this)), m_debounce(new QTimer(this)),
      m_model(new models::SearchResultsModel(this))
{
    setObjectName(QStringLiteral("searchPalette"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);

    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new SearchPaletteDelegate(m_list));
    m_list->setUniformItemSizes(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFocusPolicy(Qt::NoFocus); // the query keeps the keyboard; arrows are routed
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_scope->setObjectName(QStringLiteral("searchScope"));
    m_scope->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 8);
    layout->setSpacing(6);
    layout->addWidget(m_scope);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SearchPalette::ask);
    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::textChanged, this, [this](const QString &typed) {
        // ">" first, as in code editors: the agent wants a command, not a customer.
        if (!typed.startsWith(QLatin1Char('>')) || m_customerId > 0)
            return;
        const QSignalBlocker quiet(m_query);
        m_query->clear();
        dismiss();
        Q_EMIT commandsWanted(typed.mid(1));
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (m_model->hitAt(index.row())) {
            m_list->setCurrentIndex(index);
            openCurrent();
        }
    });
    m_query->installEventFilter(this);
    window->installEventFilter(this);
    retranslate();
    hide();
}

void SearchPalette::openGlobal()
{
    m_customerId = 0;
    m_scopeName.clear();
    m_scope->setVisible(false);
    retranslate();
    placeOverWindow(this);
    show();
    raise();
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
    if (!m_query->text().trimmed().isEmpty())
        ask(); // the cache may know more than when this was last open
}

void SearchPalette::openInThread(qint64 customerId, const QString &name)
{
    if (customerId <= 0) {
        openGlobal();
        return;
    }
    m_customerId = customerId;
    m_scopeName = name;
    m_scope->setVisible(true);
    retranslate();
    m_query->clear();
    m_model->clear();
    placeOverWindow(this);
    show();
    raise();
    m_query->setFocus(Qt::ShortcutFocusReason);
    showStatus();
}

void SearchPalette::dismiss()
{
    m_debounce->stop();
    m_openOnAnswer = false;
    hide();
    if (parentWidget())
        parentWidget()->setFocus(Qt::OtherFocusReason);
}

void SearchPalette::ask()
{
    const QString query = m_query->text().trimmed();
    m_tag = QStringLiteral("palette-%1").arg(++m_asked);
    if (query.isEmpty()) {
        m_model->clear();
        m_complete = true;
        showStatus();
        return;
    }
    m_complete = false;
    showStatus();
    Q_EMIT searchRequested(m_tag, query, m_customerId);
}

void SearchPalette::applyResults(const QString &tag, const QString &,
                                 const QList<models::SearchHit> &hits, bool complete)
{
    if (tag != m_tag)
        return; // an answer to something the agent has typed past
    // Keep the agent on the hit they chose when the hub's answer adds more.
    const models::SearchHit *current = m_model->hitAt(m_list->currentIndex().row());
    const std::optional<models::SearchHit> keep =
        current ? std::optional<models::SearchHit>(*current) : std::nullopt;
    m_model->setHits(hits);
    m_complete = complete;
    int row = keep ? m_model->rowOf(*keep) : -1;
    if (row < 0)
        row = m_model->stepHit(-1, 1);
    if (row >= 0 && m_model->hitAt(row)) {
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row));
    }
    showStatus();
    if (std::exchange(m_openOnAnswer, false))
        openCurrent();
}

void SearchPalette::showStatus()
{
    if (m_query->text().trimmed().isEmpty())
        m_status->setText(m_customerId > 0 ? tr("Type to search this thread.")
                                           : tr("Type a name, phone, email, order number or words "
                                                "from a message."));
    else if (!m_complete)
        m_status->setText(m_model->hitCount() == 0
                              ? tr("Searching…")
                              : tr("%n result(s) on this computer; asking the hub…", nullptr,
                                   m_model->hitCount()));
    else if (m_model->hitCount() == 0)
        m_status->setText(tr("Nothing found."));
    else
        m_status->setText(tr("%n result(s). Enter opens, Esc closes.", nullptr, m_model->hitCount()));
}

void SearchPalette::openCurrent()
{
    const models::SearchHit *hit = m_model->hitAt(m_list->currentIndex().row());
    if (!hit)
        return;
    const qint64 customerId = hit->customerId;
    const qint64 messageId = hit->kind == models::SearchHit::Kind::Message ? hit->messageId : 0;
    dismiss();
    Q_EMIT openRequested(customerId, messageId);
}

void SearchPalette::moveCurrent(int delta)
{
    const int from = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    int row = from;
    for (int i = 0; i < std::abs(delta); ++i)
        row = m_model->stepHit(row, delta);
    if (row >= 0 && m_model->hitAt(row)) {
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row));
    }
}

bool SearchPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        placeOverWindow(this);
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (handlePaletteKey(key, 5, [this](int delta) { moveCurrent(delta); }, [this] { dismiss(); }))
            return true;
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_debounce->isActive()) {
                // Enter right after typing: open the best hit for what is typed now.
                m_openOnAnswer = true;
                ask();
                return true;
            }
            openCurrent();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void SearchPalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void SearchPalette::retranslate()
{
    m_query->setPlaceholderText(m_customerId > 0 ? tr("Search this thread")
                                                 : tr("Search customers, messages and orders"));
    m_query->setAccessibleName(tr("Search"));
    m_list->setAccessibleName(tr("Search results"));
    if (m_customerId > 0)
        m_scope->setText(tr("In the thread with %1").arg(text::isolate(m_scopeName)));
    showStatus();
}

} // namespace threadline::ui
