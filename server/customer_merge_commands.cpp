// SPDX-License-Identifier: GPL-3.0-or-later
// An agent decides two customers are one person (customer.merge), and can take it back
// (customer.unmerge). The hub never merges by itself (docs/ingress.md, "Identity resolution").
#include "server/command_input.h"
#include "server/hub_commands.h"
#include "services/logging/log.h"
#include "services/protocol/frame_types.h"

#include <QDateTime>

namespace threadline::server {
namespace {

using namespace command_input;
using protocol::CustomerPayload;
using protocol::Envelope;

constexpr int kMaxNoteChars = 2000;

} // namespace

Envelope HubCommands::customerMerge(const Envelope &c, const SessionState &s)
{
    qint64 intoId = 0, fromId = 0;
    QString note;
    if (!readInt(c.data, "into", intoId) || !readInt(c.data, "from", fromId) || intoId <= 0 ||
        fromId <= 0)
        return badRequest(c, QStringLiteral("into and from must be customer ids"));
    if (!readString(c.data, "note", note))
        return badRequest(c, QStringLiteral("note must be a string"));
    note = note.trimmed();
    if (note.size() > kMaxNoteChars)
        return makeError(c.id, protocol::ErrorCode::TooLarge,
                         QStringLiteral("note exceeds 2000 characters"));
    if (intoId == fromId)
        return badRequest(c, QStringLiteral("a customer cannot be merged into itself"));

    QList<CustomerPayload> pair;
    for (qint64 id : {intoId, fromId}) {
        const auto customer = m_store.customer(id);
        if (!customer)
            return notFound(c, QStringLiteral("no customer %1").arg(id));
        if (customer->status == protocol::conversation::merged)
            return conflict(c, QStringLiteral("customer %1 is already merged into another; "
                                              "undo that merge first")
                                   .arg(id));
        // Merging changes both conversations: an agent needs both to be theirs or free.
        if (auto refused = mayChange(c, s, *customer))
            return *refused;
        pair.append(*customer);
    }
    const CustomerPayload &into = pair.at(0);
    const CustomerPayload &from = pair.at(1);

    return inWork(c, s, [&]() -> Outcome {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto merge = m_merges.merge(into, from, s.user.name, note, now);
        if (!merge)
            return internal(c);
        const QJsonObject mergeJson = merge->toJson(into.name, from.name);
        qint64 seq = 0;
        if (!m_store.writeEvent(protocol::type::customerMerged, {{k("merge"), mergeJson}}, &seq))
            return internal(c);
        QJsonObject meta{{k("merge_id"), merge->id},
                         {k("customer_id"), from.id},
                         {k("name"), from.name},
                         {k("identities"), mergeJson.value(k("identities"))},
                         {k("messages"), mergeJson.value(k("messages"))},
                         {k("orders"), mergeJson.value(k("orders"))}};
        if (!note.isEmpty())
            meta.insert(k("note"), note);
        auto answer = answerWithSystemItem(
            c, into.id, s.user.name, QStringLiteral("merged"),
            QStringLiteral("%1 merged customer %2 into this one").arg(s.user.name).arg(from.id),
            meta);
        if (auto *change = std::get_if<Change>(&answer)) {
            change->data.insert(k("merge"), mergeJson);
            change->seq = seq;
            TL_LOG("hub", info) << s.user.name << " merged customer " << from.id << " into "
                                << into.id << " (merge " << merge->id << ")";
        }
        return answer;
    });
}

Envelope HubCommands::customerUnmerge(const Envelope &c, const SessionState &s)
{
    qint64 mergeId = 0;
    if (!readInt(c.data, "merge_id", mergeId) || mergeId <= 0)
        return badRequest(c, QStringLiteral("merge_id must be a positive integer"));
    const auto merge = m_merges.record(mergeId);
    if (!merge)
        return notFound(c, QStringLiteral("no merge %1").arg(mergeId));
    if (merge->undoneAt > 0)
        return conflict(c, QStringLiteral("merge %1 was already undone").arg(mergeId));
    const auto into = m_store.customer(merge->intoId);
    const auto from = m_store.customer(merge->fromId);
    if (!into || !from)
        return notFound(c, QStringLiteral("a customer of merge %1 no longer exists").arg(mergeId));
    if (into->status == protocol::conversation::merged)
        return conflict(c, QStringLiteral("customer %1 was merged again since; undo that first")
                               .arg(into->id));
    if (auto refused = mayChange(c, s, *into))
        return *refused;

    return inWork(c, s, [&]() -> Outcome {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!m_merges.unmerge(*merge, s.user.name, now))
            return internal(c);
        MergeRecord undone = *merge;
        undone.undoneBy = s.user.name;
        undone.undoneAt = now;
        const QJsonObject mergeJson = undone.toJson(into->name, from->name);
        qint64 seq = 0;
        if (!m_store.writeEvent(protocol::type::customerUnmerged, {{k("merge"), mergeJson}}, &seq)
            || !m_store.announceCustomer(from->id))
            return internal(c);
        auto answer = answerWithSystemItem(
            c, into->id, s.user.name, QStringLiteral("unmerged"),
            QStringLiteral("%1 undid the merge with customer %2").arg(s.user.name).arg(from->id),
            QJsonObject{{k("merge_id"), merge->id},
                        {k("customer_id"), from->id},
                        {k("name"), from->name}});
        if (auto *change = std::get_if<Change>(&answer)) {
            change->data.insert(k("merge"), mergeJson);
            change->data.insert(k("restored"), m_store.customer(from->id)->toJson());
            change->seq = seq;
            TL_LOG("hub", info) << s.user.name << " undid merge " << merge->id;
        }
        return answer;
    });
}

} // namespace threadline::server
