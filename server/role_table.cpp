// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/role_table.h"

#include "services/protocol/frame_types.h"

#include <QHash>

namespace threadline::server::role_table {
namespace {

enum Roles : unsigned { Agent = 1, Supervisor = 2, Store = 4 };

struct Entry {
    unsigned roles;
    bool changes;
};

const QHash<QString, Entry> &table()
{
    using namespace protocol::type;
    static const QHash<QString, Entry> t{
        {sendMessage, {Agent | Supervisor, true}},
        {addNote, {Agent | Supervisor | Store, true}},
        {customersPage, {Agent | Supervisor, false}},
        {historyPage, {Agent | Supervisor | Store, false}},
        {assign, {Agent | Supervisor, true}},
        {transfer, {Agent | Supervisor, true}},
        {setStatus, {Agent | Supervisor, true}},
        {snooze, {Agent | Supervisor, true}},
        {label, {Agent | Supervisor, true}},
        {setPresence, {Agent | Supervisor, false}},
        {typing, {Agent | Supervisor, false}},
        {viewing, {Agent | Supervisor, false}},
        {logCall, {Agent | Supervisor, true}},
        {dispositionsList, {Agent | Supervisor, false}},
        {cannedList, {Agent | Supervisor, false}},
        {cannedSave, {Supervisor, true}},
        {cannedDelete, {Supervisor, true}},
        {search, {Agent | Supervisor, false}},
        {orderLookup, {Agent | Supervisor | Store, false}},
        {orderUpdate, {Supervisor | Store, true}},
        {customerMerge, {Agent | Supervisor, true}},
        {customerUnmerge, {Agent | Supervisor, true}},
        {attachmentGet, {Agent | Supervisor | Store, false}},
        {messageHtml, {Agent | Supervisor | Store, false}},
        {conversationRead, {Agent | Supervisor | Store, true}},
    };
    return t;
}

unsigned bit(const QString &role)
{
    if (role == QLatin1String("agent"))
        return Agent;
    if (role == QLatin1String("supervisor"))
        return Supervisor;
    if (role == QLatin1String("store"))
        return Store;
    return 0;
}

} // namespace

const QStringList &commands()
{
    static const QStringList all = [] {
        QStringList names = table().keys();
        names.sort();
        return names;
    }();
    return all;
}

bool isCommand(const QString &type)
{
    return table().contains(type);
}

bool allows(const QString &role, const QString &command)
{
    const auto it = table().constFind(command);
    return it != table().constEnd() && (it->roles & bit(role)) != 0;
}

bool changesState(const QString &command)
{
    return table().value(command, Entry{0, false}).changes;
}

} // namespace threadline::server::role_table
