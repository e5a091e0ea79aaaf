// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <string_view>

namespace threadline::bench {

/// One benchmark desktop: a WebSocket client (RFC 6455) on a non-blocking POSIX socket
/// that the fan-out benchmark polls with epoll. Real desktops run on machines of their
/// own; here 500 of them share two cores with the hub, so each one must cost as little
/// as it can: frames are read as UTF-8 bytes and handed on without becoming QStrings,
/// and no Qt event loop walks 500 socket notifiers. It speaks the real protocol (the
/// `threadline.v1` subprotocol, masked client frames, pings answered, continuations
/// joined, a close ends it); the hub cannot tell it from a desktop.
class FanoutDesk {
public:
    using TextHandler = std::function<void(FanoutDesk &, std::string_view frame)>;

    FanoutDesk(QString host, quint16 port, TextHandler onText);
    ~FanoutDesk();
    FanoutDesk(const FanoutDesk &) = delete;
    FanoutDesk &operator=(const FanoutDesk &) = delete;

    /// Connects (blocking, loopback) and sends the upgrade request. False when it cannot.
    bool open();
    int fd() const { return m_fd; }
    bool isOpen() const { return m_state == State::Open; }
    bool isClosed() const { return m_state == State::Closed; }
    /// Why the connection closed, for the benchmark's log.
    const QString &failure() const { return m_failure; }

    /// Reads what the socket has and hands each complete text message to the handler.
    void onReadable();
    /// Sends one text message (masked, as a client must).
    bool sendText(const QByteArray &utf8);

    // What the benchmark keeps per desktop.
    bool live = false;
    qint64 lastSeq = -1; ///< the `prev` the next event must carry (from `live` on)

private:
    enum class State { Connecting, Open, Closed };
    void close(const QString &why);
    bool readHandshake();
    void readFrames();
    bool sendFrame(std::uint8_t opcode, const char *data, qsizetype size);

    QString m_host;
    quint16 m_port;
    TextHandler m_onText;
    int m_fd = -1;
    State m_state = State::Connecting;
    QByteArray m_key;       ///< Sec-WebSocket-Key sent
    QByteArray m_in;        ///< bytes read and not yet consumed
    qsizetype m_inUsed = 0; ///< consumed prefix of m_in (compacted now and then)
    QByteArray m_message;   ///< a fragmented text message being joined
    QString m_failure;
};

} // namespace threadline::bench
