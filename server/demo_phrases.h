// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

/// Phrase tables for the demo data: what customers and agents really write about
/// (late deliveries, wrong sizes, refunds, pickups, address changes, passwords...),
/// in Persian, Arabic and English. %ORDER% and %NAME% are filled in by the seeder.
namespace threadline::server::demo {

enum class Language { Persian, Arabic, English };

/// One support story in one language.
struct Topic {
    const char *subject;             ///< email subject
    std::vector<const char *> opens; ///< the customer's first message
    std::vector<const char *> replies;
    std::vector<const char *> followUps;
    std::vector<const char *> closes;
    const char *callSummary; ///< the agent's note of a phone call about it
    const char *note;        ///< an internal note about it
};

struct Phrases {
    std::vector<const char *> firstNames; ///< "native|latin"
    std::vector<const char *> lastNames;  ///< "native|latin"
    std::vector<Topic> topics;
    std::vector<const char *> thanks;    ///< short customer replies
    std::vector<const char *> greetings; ///< agent sign-offs appended to emails
    const char *orderPlaced;
    const char *orderPaid;
    const char *orderShipped;
    const char *orderReady;
    const char *orderPickedUp;
    const char *orderRefunded;
};

const Phrases &phrases(Language language);

QString utf8(const char *text);

} // namespace threadline::server::demo
