// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// Which role may use which command: the one place the hub decides it
/// (docs/protocol.md, "Roles", prints the same table). Per-object rules come after it:
/// an agent only touches conversations that are theirs or unassigned, store staff only
/// the customers of orders they looked up in this session.
namespace threadline::server::role_table {

/// Every command of protocol v1 a signed-in session may send (hello excluded).
const QStringList &commands();
bool isCommand(const QString &type);
/// Whether `role` may use `command`; false for unknown roles and commands.
bool allows(const QString &role, const QString &command);
/// Commands that change stored state: their first answer is remembered by command id.
bool changesState(const QString &command);

} // namespace threadline::server::role_table
