// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/session/backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace threadline::services {

Backoff::Backoff(Random random, int firstMs, int maxMs)
    : m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); })),
      m_firstMs(firstMs), m_maxMs(maxMs), m_currentMs(firstMs)
{
}

int Backoff::nextDelayMs()
{
    const int ceiling = m_currentMs;
    m_currentMs = std::min(m_currentMs * 2, m_maxMs);
    return ceiling / 2 + static_cast<int>(m_random() * (ceiling - ceiling / 2));
}

void Backoff::reset()
{
    m_currentMs = m_firstMs;
}

} // namespace threadline::services
