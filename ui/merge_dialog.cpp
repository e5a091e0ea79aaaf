// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/merge_dialog.h"

#include "services/text/safe_text.h"
#include "services/text/search_folding.h"
#include "ui/calendar_format.h"
#include "ui/channel_names.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMetaMethod>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace threadline::ui {

namespace {
constexpr int kMaxListed = 50;
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kAskDelayMs = 250; // the hub is asked when typing pauses, not per key

QString searchableText(const models::Customer &c)
{
    QString all = c.name;
    for (const auto &identity : c.identities)
        all += QLatin1Char(' ') + identity.value;
    return text::foldForSearch(all);
}
} // namespace

MergeDialog::MergeDialog(const models::Customer &current, QList<models::Customer> candidates,
                         bool online, QWidget *parent)
    : QDialog(parent), m_current(current), m_candidates(std::move(candidates)), m_online(online),
      m_search(new QLineEdit(this)), m_results(new QListWidget(this)),
      m_survivor(new QLabel(this)), m_absorbed(new QLabel(this)),
      m_keepChosen(new QCheckBox(this)), m_note(new QLineEdit(this)),
      m_problem(new QLabel(this)), m_merge(nullptr)
{
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge %1 with another customer").arg(text::isolate(current.name)));
    m_candidates.removeIf([&](const models::Customer &c) { return c.id == current.id; });

    m_search->setObjectName(QStringLiteral("mergeSearch"));
    m_search->setPlaceholderText(tr("Name, phone number or email address"));
    m_search->setAccessibleName(tr("Find the other customer"));
    m_search->setClearButtonEnabled(true);
    m_results->setObjectName(QStringLiteral("mergeResults"));
    m_results->setAccessibleName(tr("Customers found"));
    for (QLabel *column : {m_survivor, m_absorbed}) {
        column->setWordWrap(true);
        column->setTextFormat(Qt::PlainText);
        column->setAlignment(Qt::AlignTop | Qt::AlignLeading);
        column->setTextInteractionFlags(Qt::TextSelectableByMouse);
        column->setFrameShape(QFrame::StyledPanel);
        column->setMinimumWidth(260);
        column->setMargin(8);
    }
    m_survivor->setObjectName(QStringLiteral("mergeSurvivor"));
    m_absorbed->setObjectName(QStringLiteral("mergeAbsorbed"));
    m_keepChosen->setObjectName(QStringLiteral("mergeKeepChosen"));
    m_keepChosen->setText(tr("Keep the other customer's record instead"));
    m_note->setObjectName(QStringLiteral("mergeNote"));
    m_note->setPlaceholderText(tr("Why they are the same person (optional)"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setMaxLength(2000);
    m_problem->setObjectName(QStringLiteral("mergeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_merge = buttons->addButton(tr("Merge"), QDialogButtonBox::AcceptRole);
    m_merge->setObjectName(QStringLiteral("mergeConfirm"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    auto *columns = new QGridLayout;
    auto *keeps = new QLabel(tr("Stays"), this);
    auto *goes = new QLabel(tr("Is merged into it"), this);
    for (QLabel *heading : {keeps, goes})
        heading->setStyleSheet(QStringLiteral("font-weight: bold;"));
    columns->addWidget(keeps, 0, 0);
    columns->addWidget(goes, 0, 1);
    columns->addWidget(m_survivor, 1, 0);
    columns->addWidget(m_absorbed, 1, 1);
    layout->addLayout(columns);
    layout->addWidget(m_keepChosen);
    layout->addWidget(m_note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    m_askDelay.setSingleShot(true);
    m_askDelay.setInterval(kAskDelayMs);
    connect(&m_askDelay, &QTimer::timeout, this, &MergeDialog::askHub);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        // What the hub found belongs to the previous query.
        m_found.clear();
        m_tag.clear();
        m_searching = false;
        refreshList();
        m_askDelay.start();
    });
    connect(m_results, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_chosen.reset();
        if (item)
            for (const auto *list : {&m_candidates, &m_found})
                for (const auto &c : *list)
                    if (c.id == item->data(kIdRole).toLongLong())
                        m_chosen = c;
        refreshPreview();
    });
    connect(m_keepChosen, &QCheckBox::toggled, this, &MergeDialog::refreshPreview);
    refreshList();
    m_search->setFocus();
}

void MergeDialog::setQuery(const QString &query)
{
    m_search->setText(query);
}

bool MergeDialog::choose(qint64 customerId)
{
    for (int row = 0; row < m_results->count(); ++row)
        if (m_results->item(row)->data(kIdRole).toLongLong() == customerId) {
            m_results->setCurrentRow(row);
            return true;
        }
    return false;
}

void MergeDialog::setKeepChosen(bool keepChosen)
{
    m_keepChosen->setChecked(keepChosen);
}

QJsonObject MergeDialog::command() const
{
    if (!m_chosen)
        return {};
    const bool swap = m_keepChosen->isChecked();
    QJsonObject c{{QStringLiteral("into"), swap ? m_chosen->id : m_current.id},
                  {QStringLiteral("from"), swap ? m_current.id : m_chosen->id}};
    if (!m_note->text().trimmed().isEmpty())
        c.insert(QStringLiteral("note"), m_note->text().trimmed());
    return c;
}

QString MergeDialog::preview() const
{
    return m_survivor->text() + QLatin1Char('\n') + m_absorbed->text();
}

void MergeDialog::setCustomerLookup(std::function<std::optional<models::Customer>(qint64)> lookup)
{
    m_lookup = std::move(lookup);
}

void MergeDialog::askHub()
{
    static int asked = 0;
    const QString query = m_search->text().trimmed();
    if (!m_online || query.isEmpty()
        || !isSignalConnected(QMetaMethod::fromSignal(&MergeDialog::searchRequested)))
        return;
    m_tag = QStringLiteral("merge-%1").arg(++asked);
    m_searching = true;
    refreshList();
    Q_EMIT searchRequested(m_tag, query);
}

void MergeDialog::applySearchResults(const QString &tag, const QString &,
                                     const QList<models::SearchHit> &hits, bool complete)
{
    if (tag.isEmpty() || tag != m_tag || !m_lookup)
        return; // another question, or one the agent has typed past
    m_searching = !complete;
    QList<models::Customer> found;
    for (const auto &hit : hits) {
        // The customers part: a name or identity match; a message or order hit of the
        // same customer says less about whether they are one person.
        if (hit.kind != models::SearchHit::Kind::Customer || hit.customerId == m_current.id)
            continue;
        const bool listed =
            std::any_of(found.cbegin(), found.cend(), [&](const auto &c) { return c.id == hit.customerId; });
        if (listed)
            continue;
        if (auto c = m_lookup(hit.customerId))
            found.append(*c);
    }
    m_found = found;
    refreshList();
}

void MergeDialog::refreshList()
{
    const QString folded = text::foldForSearch(m_search->text());
    const qint64 chosen = m_chosen ? m_chosen->id : 0;
    m_results->clear();
    QList<qint64> listed;
    // What this desktop knows first, then what the search found (the hub's matches
    // too, e.g. a phone typed "0912…"), each customer once.
    QList<std::pair<const models::Customer *, bool>> rows;
    for (const auto &c : std::as_const(m_candidates))
        rows.append({&c, folded.isEmpty() || searchableText(c).contains(folded)});
    for (const auto &c : std::as_const(m_found))
        rows.append({&c, true});
    for (const auto &[customer, matches] : rows) {
        const models::Customer &c = *customer;
        if (m_results->count() >= kMaxListed)
            break;
        if (!matches || listed.contains(c.id))
            continue;
        listed.append(c.id);
        QStringList identities;
        for (const auto &identity : c.identities)
            identities << text::isolateStrict(identity.value);
        auto *item = new QListWidgetItem(
            identities.isEmpty() ? text::isolate(c.name)
                                 : tr("%1 · %2").arg(text::isolate(c.name),
                                                     identities.join(QStringLiteral(", "))),
            m_results);
        item->setData(kIdRole, c.id);
        if (c.id == chosen)
            m_results->setCurrentItem(item);
    }
    const auto note = [this](const QString &text) {
        auto *item = new QListWidgetItem(text, m_results);
        item->setFlags(Qt::NoItemFlags); // says something; cannot be chosen
    };
    const bool nothing = m_results->count() == 0;
    if (!folded.isEmpty()) {
        if (m_searching)
            note(tr("Searching the server too…"));
        else if (!m_online)
            note(nothing ? tr("No customer this computer holds matches. Offline, the server "
                              "could not be searched.")
                         : tr("Searched only the customers this computer holds: the server "
                              "could not be searched offline."));
        else if (nothing)
            note(m_tag.isEmpty() ? tr("No customer this desktop knows matches")
                                 : tr("No customer matches, on this computer or on the server"));
    }
    refreshPreview();
}

QString MergeDialog::describe(const models::Customer &c) const
{
    const QLocale locale;
    // Isolated: a name in the other script must not set its line's direction.
    QStringList lines{text::isolate(c.name)};
    for (const auto &identity : c.identities)
        lines << tr("%1: %2").arg(identityKindLabel(identity.kind),
                                  text::isolateStrict(identity.value));
    lines << withNumber(tr("%1 item(s) in the thread", nullptr, static_cast<int>(c.itemCount)),
                        c.itemCount, locale);
    if (c.lastAt > 0)
        lines << tr("Last contact: %1 by %2")
                     .arg(relativeTime(c.lastAt, QDateTime::currentMSecsSinceEpoch()),
                          channelLabel(c.lastChannel));
    else
        lines << tr("No contact yet");
    // Each line starts with the interface's direction mark: Qt takes a line's direction
    // from its first strong letter, even inside an isolate.
    const QChar mark(layoutDirection() == Qt::RightToLeft ? 0x200F : 0x200E);
    for (QString &line : lines)
        line.prepend(mark);
    return lines.join(QLatin1Char('\n'));
}

void MergeDialog::refreshPreview()
{
    const bool swap = m_keepChosen->isChecked();
    if (!m_chosen) {
        m_survivor->setText(describe(m_current));
        m_absorbed->setText(tr("Choose the other customer above."));
    } else {
        m_survivor->setText(describe(swap ? *m_chosen : m_current));
        m_absorbed->setText(describe(swap ? m_current : *m_chosen));
    }
    m_keepChosen->setEnabled(m_chosen.has_value());
    if (!m_online)
        m_problem->setText(
            tr("Merging needs a connection to the server. Try again when you are online."));
    else if (m_chosen)
        m_problem->setText(tr("Their identities, thread and orders move to the customer that "
                              "stays. You can undo it from the side panel."));
    else
        m_problem->clear();
    m_problem->setStyleSheet(m_online ? QString() : QStringLiteral("color: #c62828;"));
    m_merge->setEnabled(m_online && m_chosen.has_value());
}

} // namespace threadline::ui
