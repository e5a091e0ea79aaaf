// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

/// Names and limits of protocol v1 (docs/protocol.md is the contract).
namespace threadline::protocol {

inline const QString kSubprotocol = QStringLiteral("threadline.v1");
inline constexpr qsizetype kMaxFrameBytes = 1024 * 1024;
inline constexpr int kMaxPageLimit = 500;
/// The hub answers a repeated command id with its first answer for at least this long.
inline constexpr qint64 kCommandMemoryMs = 24LL * 60 * 60 * 1000;
/// `search` answers at most this many customers.
inline constexpr int kMaxSearchResults = 50;
/// `queue.stats` frames are pushed at most this often (and only when something changed).
inline constexpr int kQueueStatsIntervalMs = 1000;
/// `attachment.get` answers at most this many bytes of an attachment per ack (base64 makes
/// them 4/3 as many characters, well inside the frame limit).
inline constexpr qint64 kMaxAttachmentSliceBytes = 512 * 1024;

namespace type {
// Session
inline const QString hello = QStringLiteral("hello");
inline const QString welcome = QStringLiteral("welcome");
inline const QString live = QStringLiteral("live");
inline const QString ack = QStringLiteral("ack");
inline const QString error = QStringLiteral("error");
/// Several durable events in one frame, for clients whose hello accepts it (see below).
inline const QString batch = QStringLiteral("batch");
// Commands
inline const QString sendMessage = QStringLiteral("send_message");
inline const QString addNote = QStringLiteral("add_note");
inline const QString customersPage = QStringLiteral("customers.page");
inline const QString historyPage = QStringLiteral("history.page");
// Commands: working the queue
inline const QString assign = QStringLiteral("assign");
inline const QString transfer = QStringLiteral("transfer");
inline const QString setStatus = QStringLiteral("set_status");
inline const QString snooze = QStringLiteral("snooze");
inline const QString label = QStringLiteral("label");
// Commands: agents on the floor (typing and viewing are also the names of the frames the
// hub passes on; a frame from the hub has no id)
inline const QString setPresence = QStringLiteral("set_presence");
inline const QString typing = QStringLiteral("typing");
inline const QString viewing = QStringLiteral("viewing");
// Commands: phone calls, canned responses, search
inline const QString logCall = QStringLiteral("log_call");
inline const QString dispositionsList = QStringLiteral("dispositions.list");
inline const QString cannedList = QStringLiteral("canned.list");
inline const QString cannedSave = QStringLiteral("canned.save");
inline const QString cannedDelete = QStringLiteral("canned.delete");
inline const QString search = QStringLiteral("search");
// Commands: the store's order desk
inline const QString orderLookup = QStringLiteral("order.lookup");
inline const QString orderUpdate = QStringLiteral("order.update");
// Commands: identity resolution by an agent
inline const QString customerMerge = QStringLiteral("customer.merge");
inline const QString customerUnmerge = QStringLiteral("customer.unmerge");
// Commands: what an email brought besides its text
inline const QString attachmentGet = QStringLiteral("attachment.get");
inline const QString messageHtml = QStringLiteral("message.html");
// Commands: read markers (the agent saw a thread up to an item)
inline const QString conversationRead = QStringLiteral("conversation.read");
// Durable events
inline const QString customerUpserted = QStringLiteral("customer.upserted");
inline const QString messageCreated = QStringLiteral("message.created");
inline const QString messageStatus = QStringLiteral("message.status");
inline const QString orderUpserted = QStringLiteral("order.upserted");
inline const QString cannedUpserted = QStringLiteral("canned.upserted");
inline const QString cannedDeleted = QStringLiteral("canned.deleted");
/// One customer was merged into another (the absorbed one leaves every inbox) …
inline const QString customerMerged = QStringLiteral("customer.merged");
/// … and back again.
inline const QString customerUnmerged = QStringLiteral("customer.unmerged");
/// A user's read marker moved (sent only to that user's desktops).
inline const QString conversationMarkedRead = QStringLiteral("conversation.marked_read");
// Ephemeral frames (no seq, never replayed); also `typing` and `viewing` above
inline const QString presence = QStringLiteral("presence");
inline const QString queueStats = QStringLiteral("queue.stats");
} // namespace type

/// What a client may list in its hello's `accepts`: the frames beyond v1's single
/// envelopes it can read. Unknown entries are ignored, so newer clients can offer more.
namespace accepts {
inline const QString batch = QStringLiteral("batch");
} // namespace accepts

} // namespace threadline::protocol
