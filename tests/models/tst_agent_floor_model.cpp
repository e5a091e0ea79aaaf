// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/agent_floor_model.h"
#include "models/agent_floor_roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace threadline::models;
using Column = AgentFloorModel::Column;

namespace {
AgentState agent(const QString &name, const QString &presence, int open = 0)
{
    return {name, presence, open};
}

FloorSnapshot snapshot(const QList<AgentState> &agents)
{
    FloorSnapshot s;
    s.at = 1'700'000'000'000;
    s.agents = agents;
    return s;
}
} // namespace

class TestAgentFloorModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void agentsAreListedByNameWithPresenceAndLoad()
    {
        AgentFloorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply(
            snapshot({agent(u"sara"_qs, u"busy"_qs, 3), agent(u"ali"_qs, u"available"_qs)}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, Column::NameColumn).data().toString(), u"ali"_qs);
        QCOMPARE(model.index(1, Column::PresenceColumn).data().toString(), u"busy"_qs);
        QCOMPARE(model.index(1, Column::OpenConversationsColumn).data(AgentOpenConversationsRole),
                 QVariant(3));
        QCOMPARE(model.index(1, Column::NameColumn).data(AgentPresenceRole).toString(), u"busy"_qs);
        QCOMPARE(model.rowOf(u"sara"_qs), 1);
        QCOMPARE(model.count(u"available"_qs), 1);
    }

    void aChangedSnapshotSignalsOnlyTheCellsThatChanged()
    {
        AgentFloorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply(snapshot({agent(u"ali"_qs, u"available"_qs, 1),
                              agent(u"reza"_qs, u"away"_qs, 0), agent(u"sara"_qs, u"busy"_qs, 3)}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.apply(snapshot({agent(u"ali"_qs, u"busy"_qs, 1), agent(u"reza"_qs, u"away"_qs, 0),
                              agent(u"sara"_qs, u"busy"_qs, 4)}));
        QCOMPARE(changed.count(), 2);
        const auto cell = [&](int i) {
            const QModelIndex from = changed.at(i).at(0).toModelIndex();
            const QModelIndex to = changed.at(i).at(1).toModelIndex();
            return from == to ? std::pair{from.row(), from.column()} : std::pair{-1, -1};
        };
        QCOMPARE(cell(0), std::pair(0, int(Column::PresenceColumn)));
        QCOMPARE(cell(1), std::pair(2, int(Column::OpenConversationsColumn)));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
    }

    void anAgentWhoSignsInOrOutIsOneRowInsertedOrRemoved()
    {
        AgentFloorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply(snapshot({agent(u"ali"_qs, u"available"_qs), agent(u"sara"_qs, u"busy"_qs)}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.apply(snapshot({agent(u"mina"_qs, u"available"_qs), agent(u"sara"_qs, u"busy"_qs)}));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(model.index(0, 0).data().toString(), u"mina"_qs);
    }

    void presenceSortsByAvailabilityNotAlphabetically()
    {
        AgentFloorModel model;
        model.apply(snapshot({agent(u"a"_qs, u"offline"_qs), agent(u"b"_qs, u"away"_qs),
                              agent(u"c"_qs, u"busy"_qs), agent(u"d"_qs, u"available"_qs)}));
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(AgentSortRole);
        proxy.sort(Column::PresenceColumn);
        QStringList order;
        for (int r = 0; r < proxy.rowCount(); ++r)
            order.append(proxy.index(r, Column::PresenceColumn).data().toString());
        QCOMPARE(order, (QStringList{u"available"_qs, u"busy"_qs, u"away"_qs, u"offline"_qs}));
    }
};

QTEST_GUILESS_MAIN(TestAgentFloorModel)
#include "tst_agent_floor_model.moc"
