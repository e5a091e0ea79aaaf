// SPDX-License-Identifier: GPL-3.0-or-later
// A desktop whose network dies without a word (a closed laptop, a pulled cable) leaves
// no TCP close behind: the hub's pings find it, drop it and tell the floor, instead of
// showing the agent online until TCP gives up hours later. Real hub, loopback proxy.
#include "services/protocol/frame_types.h"
#include "tests/support/fault_proxy.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QElapsedTimer>
#include <QTest>

using namespace threadline;
using namespace threadline::testing;
using protocol::Envelope;

namespace {

auto presenceOf(const QString &user, const QString &presence)
{
    return [user, presence](const Envelope &e) {
        return e.data.value(QLatin1String("user")).toString() == user &&
               e.data.value(QLatin1String("presence")).toString() == presence;
    };
}

} // namespace

class TestHubPing : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true, {QStringLiteral("--ping-seconds"), QStringLiteral("0.5")}),
                 m_hub.stderrText().constData());
    }

    void aDesktopThatFallsSilentIsDroppedAndShownOfflineWithinTwoPings()
    {
        auto supervisor = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(supervisor);
        FaultProxy network(m_hub.port());
        QVERIFY(network.listen());
        auto agent = TestClient::signedIn(network.url(), QStringLiteral("agent"));
        QVERIFY(agent);
        QVERIFY(supervisor->waitForEvent(protocol::type::presence,
                                         presenceOf(QStringLiteral("agent"), QStringLiteral("available"))));

        // Answering pings keeps it: several intervals pass and it stays connected.
        QTest::qWait(2000);
        QVERIFY(agent->isConnected());
        QCOMPARE(agent->command(protocol::type::setPresence, {{QStringLiteral("presence"), QStringLiteral("busy")}}).type,
                 protocol::type::ack);

        network.setBlackhole(true); // nothing gets through, nothing is closed
        QElapsedTimer silent;
        silent.start();
        QVERIFY(supervisor->waitForEvent(protocol::type::presence,
                                         presenceOf(QStringLiteral("agent"), QStringLiteral("offline"))));
        QVERIFY2(silent.elapsed() < 3000, qPrintable(QString::number(silent.elapsed())));
    }

    void aSupervisorOnAHealthyConnectionIsNeverDropped()
    {
        auto supervisor = TestClient::signedIn(m_hub.url(), QStringLiteral("supervisor"));
        QVERIFY(supervisor);
        QTest::qWait(2500); // five pings, each answered by the client's WebSocket
        QVERIFY(supervisor->isConnected());
        QCOMPARE(supervisor->command(protocol::type::setPresence, {{QStringLiteral("presence"), QStringLiteral("away")}}).type,
                 protocol::type::ack);
    }
};

QTEST_GUILESS_MAIN(TestHubPing)
#include "tst_hub_ping.moc"
