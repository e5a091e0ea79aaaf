// SPDX-License-Identifier: GPL-3.0-or-later
// Every command for every role against a real hub: allowed or forbidden exactly as the
// table in docs/protocol.md ("Roles") says.
#include "services/protocol/frame_types.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;

namespace {

// The table of docs/protocol.md, written out again on purpose: the hub's own table
// (server/role_table.cpp) must agree with the documented one.
struct Row {
    QString command;
    bool agent, supervisor, store;
};

QList<Row> documentedTable()
{
    using namespace protocol::type;
    return {
        {sendMessage, true, true, false},     {addNote, true, true, true},
        {customersPage, true, true, false},   {historyPage, true, true, true},
        {assign, true, true, false},          {transfer, true, true, false},
        {setStatus, true, true, false},       {snooze, true, true, false},
        {label, true, true, false},           {setPresence, true, true, false},
        {typing, true, true, false},          {viewing, true, true, false},
        {logCall, true, true, false},         {dispositionsList, true, true, false},
        {cannedList, true, true, false},      {cannedSave, false, true, false},
        {cannedDelete, false, true, false},   {search, true, true, false},
        {orderLookup, true, true, true},      {orderUpdate, false, true, true},
        {customerMerge, true, true, false},   {customerUnmerge, true, true, false},
        {conversationRead, true, true, true},
    };
}

} // namespace

class TestHubRoles : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

    void walk(const QString &role, bool Row::*allowed)
    {
        auto client = TestClient::signedIn(m_hub.url(), role);
        QVERIFY(client);
        for (const Row &row : documentedTable()) {
            // An empty payload: an allowed command fails its validation (or succeeds),
            // a command outside the role is refused before anything is read.
            const auto answer = client->command(row.command, {});
            QVERIFY2(!answer.type.isEmpty(), qPrintable(row.command));
            const bool refused =
                answer.error && answer.error->code == protocol::ErrorCode::Forbidden;
            QVERIFY2(refused == !(row.*allowed),
                     qPrintable(QStringLiteral("%1 %2: %3")
                                    .arg(role, row.command,
                                         answer.error ? answer.error->message
                                                      : QStringLiteral("ack"))));
            // Keep the malformed-frame counter (20 in a row close the connection) at zero.
            QVERIFY(client->command(QStringLiteral("search"), {{QStringLiteral("query"),
                                                                 QStringLiteral("x")}})
                        .type.size() > 0);
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_hub.start(true), m_hub.stderrText().constData()); }

    void theTableNamesEveryCommandOfTheProtocolOnce()
    {
        QSet<QString> names;
        for (const Row &row : documentedTable())
            names.insert(row.command);
        QCOMPARE(names.size(), documentedTable().size());
        QCOMPARE(names.size(), 23);
    }

    void anAgentMayUseExactlyTheAgentCommands() { walk(QStringLiteral("agent"), &Row::agent); }

    void aSupervisorMayUseExactlyTheSupervisorCommands()
    {
        walk(QStringLiteral("supervisor"), &Row::supervisor);
    }

    void storeStaffMayUseExactlyTheStoreCommands() { walk(QStringLiteral("store"), &Row::store); }

    void anUnknownCommandIsABadRequestForEveryRoleNotForbidden()
    {
        for (const QString &role : {QStringLiteral("agent"), QStringLiteral("supervisor"),
                                   QStringLiteral("store")}) {
            auto client = TestClient::signedIn(m_hub.url(), role);
            QVERIFY(client);
            QCOMPARE(client->command(QStringLiteral("merge_everything"), {}).error->code,
                     protocol::ErrorCode::BadRequest);
        }
    }

    void storeStaffGetNoThreadBeforeLookingUpItsOrder()
    {
        auto store = TestClient::signedIn(m_hub.url(), QStringLiteral("store"));
        QVERIFY(store);
        QCOMPARE(store->command(protocol::type::historyPage, {{QStringLiteral("customer_id"), 7}})
                     .error->code,
                 protocol::ErrorCode::Forbidden);
        QCOMPARE(store
                     ->command(protocol::type::addNote,
                               {{QStringLiteral("customer_id"), 7},
                                {QStringLiteral("body"), QStringLiteral("hello")}})
                     .error->code,
                 protocol::ErrorCode::Forbidden);
        // Even a customer that does not exist is forbidden, not "not found".
        QCOMPARE(
            store->command(protocol::type::historyPage, {{QStringLiteral("customer_id"), 999999}})
                .error->code,
            protocol::ErrorCode::Forbidden);
    }
};

QTEST_GUILESS_MAIN(TestHubRoles)
#include "tst_hub_roles.moc"
