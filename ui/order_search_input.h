// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QString>

class QTimer;

namespace threadline::ui {

/// What a clerk typed into the order desk's search box, and what it looks like.
struct OrderQuery {
    enum class Kind {
        Empty,       ///< nothing worth looking up yet (blank, or one letter)
        OrderNumber, ///< "1001", "#1001", "TL-705085" → "1001", "TL-705085"
        Phone,       ///< any digits and separators → "09121234567", "+989121234567"
        Email,       ///< → lower-cased, spaces removed
        Name,        ///< anything else, digits made ASCII and spaces collapsed
    };
    Kind kind = Kind::Empty;
    QString normalised; ///< what to send to the hub's order.lookup
    friend bool operator==(const OrderQuery &, const OrderQuery &) = default;
};

/// Classifies @p typed and normalises it: every digit system (Persian ۰۱۲,
/// Arabic-Indic ٠١٢, full-width…) becomes ASCII, the invisible marks that
/// copying from right-to-left text brings along are dropped. Short digit runs
/// are order numbers; a leading "+", "0" or "00", separators, or nine or more
/// digits make a phone number.
OrderQuery classifyOrderQuery(QStringView typed);

/// The order desk's one search box. It asks for a lookup ~250 ms after the clerk
/// stops typing, and at once on Enter (again, even for the same text).
class OrderSearchInput : public QLineEdit {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 250;

    explicit OrderSearchInput(QWidget *parent = nullptr);

    /// The current text, classified.
    OrderQuery query() const { return m_query; }
    /// The kind as a clerk reads it ("order number", "phone number", ...), translated.
    static QString kindLabel(OrderQuery::Kind kind);

Q_SIGNALS:
    /// Look up orders for @p normalisedQuery (never empty).
    void lookupRequested(const QString &normalisedQuery);
    /// The text changed what it looks like (for a hint beside the box).
    void kindChanged(threadline::ui::OrderQuery::Kind kind);
    /// The box was emptied: nothing is being looked for.
    void cleared();

private:
    void onTextChanged(const QString &text);
    void requestNow();

    QTimer *m_debounce;
    OrderQuery m_query;
    QString m_lastRequested;
};

} // namespace threadline::ui
