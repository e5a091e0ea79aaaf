// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <algorithm>

namespace threadline::server {

/// How many messages a web chat visitor may still send: a burst, then a steady pace
/// (a token bucket). The clock is passed in, so a test can drive it.
class MessageAllowance {
public:
    MessageAllowance(int burst, qint64 refillMs) : m_burst(burst), m_refillMs(refillMs) {}

    /// Spends one message when the visitor has one left at `nowMs`.
    bool spend(qint64 nowMs)
    {
        if (m_lastMs == 0)
            m_lastMs = nowMs;
        const qint64 earned = (nowMs - m_lastMs) / m_refillMs;
        if (earned > 0) {
            m_left = int(std::min<qint64>(m_burst, m_left + earned));
            m_lastMs += earned * m_refillMs;
        }
        if (m_left >= m_burst)
            m_lastMs = nowMs; // a full bucket does not bank time
        if (m_left == 0)
            return false;
        --m_left;
        return true;
    }

    /// True when the visitor has their whole burst again: forgetting this allowance then
    /// changes nothing, so the web chat drops such entries instead of keeping them forever.
    bool isFull(qint64 nowMs) const
    {
        return m_left + (m_lastMs == 0 ? 0 : (nowMs - m_lastMs) / m_refillMs) >= m_burst;
    }

private:
    int m_burst;
    qint64 m_refillMs;
    int m_left = m_burst;
    qint64 m_lastMs = 0;
};

} // namespace threadline::server
