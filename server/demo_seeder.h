// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace threadline::server {

class HubStore;

/// Fills an empty hub with demo users (agent, supervisor, store; password "demo") and
/// a deterministic set of customers with months of multi-channel support history.
class DemoSeeder {
public:
    static constexpr int kCustomers = 210;
    static constexpr int kBusyCustomers = 3; ///< these get kBusyItems items each
    static constexpr int kBusyItems = 5200;

    explicit DemoSeeder(HubStore &store, quint32 seed = 20240601);

    /// Seeds users that are missing, and customers only when there are none yet.
    /// Returns an empty string, or what went wrong (nothing is half-written).
    QString seed();

private:
    HubStore &m_store;
    quint32 m_seed;
};

} // namespace threadline::server
