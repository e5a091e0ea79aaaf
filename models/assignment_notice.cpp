// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/assignment_notice.h"

namespace threadline::models {

namespace {
bool isCustomerWriting(const Message &m)
{
    return m.direction == QLatin1String("in")
           && (m.channel == QLatin1String("chat") || m.channel == QLatin1String("sms")
               || m.channel == QLatin1String("email"));
}

bool isHandedTo(const Message &m, const QString &me)
{
    if (m.channel != QLatin1String("system"))
        return false;
    const QString event = m.meta.value(QStringLiteral("event")).toString();
    return (event == QLatin1String("assigned") || event == QLatin1String("transferred"))
           && m.meta.value(QStringLiteral("to")).toString() == me && m.author != me;
}
} // namespace

QList<AssignmentNotice> assignmentNotices(const QList<Message> &batch, const QString &me,
                                          const std::function<QString(qint64)> &assigneeOf,
                                          bool windowActive, qint64 sinceMs)
{
    QList<AssignmentNotice> notices;
    if (me.isEmpty())
        return notices;
    auto noticeFor = [&notices](qint64 customerId) -> AssignmentNotice * {
        for (AssignmentNotice &n : notices)
            if (n.customerId == customerId)
                return &n;
        return nullptr;
    };
    for (const Message &m : batch) {
        if (m.id <= 0 || m.at < sinceMs || m.customerId <= 0)
            continue; // a local echo, or history from before this session
        if (isHandedTo(m, me)) {
            AssignmentNotice assigned{AssignmentNotice::Kind::Assigned, m.customerId, m.author};
            if (AssignmentNotice *known = noticeFor(m.customerId))
                *known = assigned;
            else
                notices.append(assigned);
        } else if (!windowActive && isCustomerWriting(m) && !noticeFor(m.customerId)
                   && assigneeOf && assigneeOf(m.customerId) == me) {
            notices.append({AssignmentNotice::Kind::NewMessage, m.customerId, QString()});
        }
    }
    return notices;
}

} // namespace threadline::models
