// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <functional>

namespace threadline::services {

/// Jittered exponential backoff: 0.5 s doubling up to 30 s, each delay drawn
/// uniformly from [delay/2, delay] so a hub restart does not see every desktop
/// reconnect in the same millisecond.
class Backoff {
public:
    using Random = std::function<double()>; ///< uniform in [0, 1)
    explicit Backoff(Random random = {}, int firstMs = 500, int maxMs = 30000);
    int nextDelayMs();
    void reset();

private:
    Random m_random;
    int m_firstMs;
    int m_maxMs;
    int m_currentMs;
};

} // namespace threadline::services
