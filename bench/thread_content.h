// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/customer.h"
#include "models/message.h"

#include <random>

namespace threadline::bench {

enum class Language { Persian, Arabic, English };

/// Seeded, repeatable customers and thread items as a contact center sees them:
/// chat, SMS and email (subjects, several paragraphs, quoted history), call notes,
/// internal notes and order events, in Persian, Arabic and English, with Latin
/// order numbers and addresses inside right-to-left text.
class ThreadContent {
public:
    explicit ThreadContent(quint32 seed);

    /// 8 in 20 customers write Persian, 5 Arabic, 7 English (by id, so it is stable).
    static Language languageOf(qint64 customerId);
    models::Customer customer(qint64 id, qint64 lastAt = 0);
    /// One item with a channel drawn from the mix (chat 30%, SMS 22%, email 20%,
    /// phone 10%, note 9%, order 9%).
    models::Message item(qint64 id, qint64 customerId, qint64 at);
    /// A long email: subject, three to six paragraphs and quoted history.
    models::Message longEmail(qint64 id, qint64 customerId, qint64 at);

    std::mt19937 &engine() { return m_engine; }

private:
    int pick(int n);
    QString sentences(Language lang, int count);
    QString orderNumber();

    std::mt19937 m_engine;
};

/// Folds an item into its customer's inbox summary, as the hub does.
void noteItem(models::Customer &c, const models::Message &m);

} // namespace threadline::bench
