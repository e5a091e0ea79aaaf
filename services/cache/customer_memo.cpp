// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/cache/customer_memo.h"

namespace threadline::cache {

const models::Customer *CustomerMemo::find(qint64 id) const
{
    if (auto it = m_staged.constFind(id); it != m_staged.cend())
        return &*it;
    if (auto it = m_committed.constFind(id); it != m_committed.cend())
        return &*it;
    return nullptr;
}

void CustomerMemo::remember(const models::Customer &c)
{
    if (m_committed.size() >= kMaxRemembered && !m_committed.contains(c.id))
        m_committed.clear();
    m_committed.insert(c.id, c);
}

void CustomerMemo::stage(const models::Customer &c)
{
    m_staged.insert(c.id, c);
}

void CustomerMemo::forget(qint64 id)
{
    // Gone from the committed rows at once, not at commit: should the transaction roll
    // back, the row is read again, which is right either way.
    m_staged.remove(id);
    m_committed.remove(id);
}

void CustomerMemo::commit()
{
    for (auto it = m_staged.cbegin(); it != m_staged.cend(); ++it)
        remember(it.value());
    m_staged.clear();
}

void CustomerMemo::rollback()
{
    m_staged.clear();
}

} // namespace threadline::cache
