// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

/// The hub's schema and its forward-only migrations, tracked in `schema_version`.
/// Plain SQL; the one dialect difference (auto-increment keys) is isolated in
/// hub_schema.cpp so a QPSQL variant can be added next to it.
namespace threadline::server::hub_schema {

inline constexpr int kCurrentVersion = 8;

/// Brings the database up to kCurrentVersion in one transaction per step.
/// Returns an empty string, or a sentence saying what failed.
QString migrate(QSqlDatabase &db);

} // namespace threadline::server::hub_schema
