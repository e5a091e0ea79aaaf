// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/order_search_input.h"

#include "services/text/safe_text.h"
#include "services/text/search_folding.h"

#include <QRegularExpression>
#include <QTimer>

namespace threadline::ui {

namespace {

int digitCount(QStringView s)
{
    int n = 0;
    for (const QChar c : s)
        n += c.isDigit() ? 1 : 0;
    return n;
}

} // namespace

OrderQuery classifyOrderQuery(QStringView typed)
{
    // ASCII digits, no bidi or format marks, one space between words.
    const QString s = text::phoneInput(typed);
    if (s.isEmpty())
        return {};

    if (s.contains(QLatin1Char('@'))) {
        QString email = s;
        email.remove(QLatin1Char(' '));
        return {OrderQuery::Kind::Email, email.toLower()};
    }

    // "#1001", "# 1001", "#TL-705085": the hash says it is an order number.
    static const QRegularExpression numberLike(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9-]*$"));
    if (s.startsWith(QLatin1Char('#'))) {
        const QString rest = s.mid(1).trimmed();
        if (numberLike.match(rest).hasMatch())
            return {OrderQuery::Kind::OrderNumber, rest.toUpper()};
    }
    // A shop's prefix and a number: "TL-705085", "tl705085".
    static const QRegularExpression prefixed(QStringLiteral("^[A-Za-z]{1,5}-?[0-9]+$"));
    if (prefixed.match(s).hasMatch())
        return {OrderQuery::Kind::OrderNumber, s.toUpper()};

    // Digits with separators: a phone number, or a short order number.
    static const QRegularExpression digitsOnly(QStringLiteral("^\\+?[0-9 ().-]+$"));
    if (digitsOnly.match(s).hasMatch()) {
        QString digits;
        for (const QChar c : s)
            if (c.isDigit())
                digits.append(c);
        const bool plus = s.startsWith(QLatin1Char('+'));
        const bool separated = s.contains(QRegularExpression(QStringLiteral("[ ().-]")));
        const int n = digitCount(digits);
        const bool phone =
            n > 0 && (plus || n >= 9 || (digits.startsWith(QLatin1Char('0')) && n >= 7) ||
                      (separated && n >= 7));
        if (phone)
            return {OrderQuery::Kind::Phone, (plus ? QStringLiteral("+") : QString()) + digits};
        if (n > 0)
            return {OrderQuery::Kind::OrderNumber, digits};
    }

    // A name, or part of one: kept as typed (the hub folds spellings), digits
    // ASCII, bidi controls out. One letter finds too much to be worth asking.
    const QString name = text::neutraliseBidi(text::asciiDigits(typed)).simplified();
    if (name.size() < 2)
        return {};
    return {OrderQuery::Kind::Name, name};
}

OrderSearchInput::OrderSearchInput(QWidget *parent)
    : QLineEdit(parent), m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("orderSearch"));
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Order number, phone, email or name"));
    setAccessibleName(tr("Find an order"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (m_query.normalised != m_lastRequested)
            requestNow();
    });
    connect(this, &QLineEdit::textChanged, this, &OrderSearchInput::onTextChanged);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        requestNow();
    });
}

void OrderSearchInput::onTextChanged(const QString &text)
{
    const OrderQuery query = classifyOrderQuery(text);
    const bool kindChangedNow = query.kind != m_query.kind;
    m_query = query;
    if (kindChangedNow)
        Q_EMIT kindChanged(query.kind);
    if (query.kind == OrderQuery::Kind::Empty) {
        m_debounce->stop();
        m_lastRequested.clear();
        if (text.trimmed().isEmpty())
            Q_EMIT cleared();
        return;
    }
    m_debounce->start();
}

void OrderSearchInput::requestNow()
{
    if (m_query.kind == OrderQuery::Kind::Empty)
        return;
    m_lastRequested = m_query.normalised;
    Q_EMIT lookupRequested(m_query.normalised);
}

QString OrderSearchInput::kindLabel(OrderQuery::Kind kind)
{
    switch (kind) {
    case OrderQuery::Kind::OrderNumber:
        return tr("order number");
    case OrderQuery::Kind::Phone:
        return tr("phone number");
    case OrderQuery::Kind::Email:
        return tr("email address");
    case OrderQuery::Kind::Name:
        return tr("name");
    case OrderQuery::Kind::Empty:
        break;
    }
    return QString();
}

} // namespace threadline::ui
