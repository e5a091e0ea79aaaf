// SPDX-License-Identifier: GPL-3.0-or-later
// A desktop that stops reading (a frozen laptop, a dead Wi-Fi link that TCP has not noticed)
// must not make the hub buffer for it without end, nor slow anyone else down; and a desktop
// that comes back far behind gets its whole replay, in order, without the hub holding it
// all in memory at once. Under real traffic: the hub's simulator at 1,000 messages a second.
#include "services/protocol/frame_types.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_client.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace threadline;
using namespace threadline::testing;

namespace {

/// A desktop that signs in (since 0: no replay, live at once) and then never reads again,
/// with the smallest receive buffer the kernel allows, so what the hub sends piles up there.
class StalledDesktop {
public:
    ~StalledDesktop()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool signIn(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int small = 4096;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small); // before connect
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
            return false;
        const QByteArray request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                   "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                                   "Sec-WebSocket-Protocol: threadline.v1\r\n"
                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
        if (!sendAll(request))
            return false;
        // The answer's head only; byte by byte so nothing after it is read.
        QByteArray head;
        char c = 0;
        while (!head.endsWith("\r\n\r\n") && head.size() < 4096 && ::recv(m_fd, &c, 1, 0) == 1)
            head.append(c);
        if (!head.startsWith("HTTP/1.1 101"))
            return false;
        const QByteArray hello = protocol::encode(protocol::makeCommand(
            protocol::type::hello, TestClient::newId(),
            {{QStringLiteral("user"), QStringLiteral("agent")},
             {QStringLiteral("password"), QStringLiteral("demo")},
             {QStringLiteral("since"), 0},
             {QStringLiteral("accepts"), QJsonArray{protocol::accepts::batch}}}));
        return sendAll(maskedTextFrame(hello));
    }

    /// Whether the hub has reset the connection (seen without reading anything).
    bool wasCutOff() const
    {
        pollfd p{m_fd, POLLRDHUP, 0};
        return ::poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP | POLLRDHUP));
    }

private:
    static QByteArray maskedTextFrame(const QByteArray &payload)
    {
        QByteArray frame;
        frame.append(char(0x81));
        if (payload.size() < 126) {
            frame.append(char(0x80 | payload.size()));
        } else { // a hello is never 64 KiB
            frame.append(char(0x80 | 126));
            frame.append(char(payload.size() >> 8)).append(char(payload.size() & 0xFF));
        }
        const quint32 maskWord = QRandomGenerator::global()->generate();
        const char *mask = reinterpret_cast<const char *>(&maskWord);
        frame.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload[i] ^ mask[i % 4]));
        return frame;
    }

    bool sendAll(const QByteArray &bytes)
    {
        return ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) ==
               ssize_t(bytes.size());
    }

    int m_fd = -1;
};

/// A desktop signed in as `user` and live; `liveSeq` is where its chain starts.
std::unique_ptr<TestClient> liveDesktop(const QUrl &url, const QString &user, qint64 &liveSeq)
{
    auto client = std::make_unique<TestClient>();
    if (!client->connectTo(url) ||
        client->hello(user, QStringLiteral("demo")).type != protocol::type::welcome)
        return nullptr;
    const auto live = client->waitForEvent(protocol::type::live);
    if (!live)
        return nullptr;
    liveSeq = live->data.value(QStringLiteral("seq")).toInteger();
    return client;
}

/// Checks that the durable events `client` holds form one gap-free chain from `since`;
/// returns the last seq (or -1, with the test failed).
qint64 lastOfChain(TestClient &client, qint64 since)
{
    qint64 prev = since;
    for (const auto &e : client.events()) {
        if (!e.isDurableEvent())
            continue;
        if (e.prev != prev || e.seq <= prev) {
            QTest::qFail(qPrintable(QStringLiteral("event %1 came after %2 with prev %3")
                                        .arg(e.seq)
                                        .arg(prev)
                                        .arg(e.prev)),
                         __FILE__, __LINE__);
            return -1;
        }
        prev = e.seq;
    }
    return prev;
}

} // namespace

class TestHubSlowDesktop : public QObject {
    Q_OBJECT
    HubProcess m_hub{QStringLiteral(THREADLINE_HUB_BINARY)};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(true, {QStringLiteral("--simulate"), QStringLiteral("1000")}),
                 m_hub.stderrText().constData());
    }

    void aDesktopThatStopsReadingIsCutOffWhileTheOthersKeepUp()
    {
        qint64 since = 0;
        auto reader = liveDesktop(m_hub.url(), QStringLiteral("supervisor"), since);
        QVERIFY(reader);

        StalledDesktop stalled;
        QVERIFY(stalled.signIn(m_hub.port()));
        // About 4 MiB the hub holds, plus what the kernel buffers: seconds of this traffic.
        QTRY_VERIFY_WITH_TIMEOUT(stalled.wasCutOff(), 60000);

        // The reading desktop got every event meanwhile, in order.
        const qint64 readUpTo = lastOfChain(*reader, since);
        QVERIFY(readUpTo > since + 1000);

        // The cut-off desktop comes back from where it was and misses nothing.
        auto back = std::make_unique<TestClient>();
        QVERIFY(back->connectTo(m_hub.url()));
        const auto welcome = back->hello(QStringLiteral("agent"), QStringLiteral("demo"), since);
        QCOMPARE(welcome.data.value(QStringLiteral("resume")).toString(), QStringLiteral("replay"));
        QVERIFY(back->waitForEvent(protocol::type::live, 60000));
        QVERIFY(lastOfChain(*back, since) >= readUpTo);
    }

    void aDesktopFarBehindGetsTheWholeReplayInOrderThenGoesLive()
    {
        // Thousands of events (several MiB) behind: the replay goes out a page at a time as
        // the desktop reads, and live events after it continue the same chain.
        qint64 since = 0;
        auto first = liveDesktop(m_hub.url(), QStringLiteral("agent"), since);
        QVERIFY(first);
        QTRY_VERIFY_WITH_TIMEOUT(lastOfChain(*first, since) > since + 10000, 60000);
        first.reset();

        TestClient behind;
        QVERIFY(behind.connectTo(m_hub.url()));
        const auto welcome = behind.hello(QStringLiteral("agent"), QStringLiteral("demo"), since);
        QCOMPARE(welcome.data.value(QStringLiteral("resume")).toString(), QStringLiteral("replay"));
        const auto caughtUp = behind.waitForEvent(protocol::type::live, 60000);
        QVERIFY(caughtUp);
        const qint64 liveSeq = caughtUp->data.value(QStringLiteral("seq")).toInteger();
        QVERIFY(liveSeq > since + 10000);
        QTRY_VERIFY_WITH_TIMEOUT(lastOfChain(behind, since) > liveSeq + 100, 30000);
    }
};

QTEST_GUILESS_MAIN(TestHubSlowDesktop)
#include "tst_hub_slow_desktop.moc"
