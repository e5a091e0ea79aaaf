// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/fanout_desk.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace threadline::bench {

namespace {

constexpr std::uint8_t kContinuation = 0x0, kText = 0x1, kBinary = 0x2, kClose = 0x8, kPing = 0x9,
                       kPong = 0xA;
constexpr qsizetype kMaxMessage = 8 * 1024 * 1024; // far above the hub's 1 MiB frames

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // Only the hello and pongs are written, a few hundred bytes: the kernel's
            // buffer has room unless the hub stopped reading, which ends the run anyway.
            fd_set out;
            FD_ZERO(&out);
            FD_SET(fd, &out);
            timeval wait{5, 0};
            if (::select(fd + 1, nullptr, &out, nullptr, &wait) <= 0)
                return false;
            continue;
        }
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

} // namespace

FanoutDesk::FanoutDesk(QString host, quint16 port, TextHandler onText)
    : m_host(std::move(host)), m_port(port), m_onText(std::move(onText))
{
}

FanoutDesk::~FanoutDesk()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool FanoutDesk::open()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        m_failure = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    if (::inet_pton(AF_INET, m_host.toLatin1().constData(), &address.sin_addr) != 1 ||
        ::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        m_failure =
            QStringLiteral("cannot connect: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); // as QWebSocket does
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);

    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
    m_key = nonce.toBase64();
    const QByteArray request = "GET /ws HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' +
                               QByteArray::number(m_port) +
                               "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                               "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: "
                               "threadline.v1\r\nSec-WebSocket-Key: " +
                               m_key + "\r\n\r\n";
    if (!writeAll(m_fd, request.constData(), request.size())) {
        m_failure = QStringLiteral("cannot send the upgrade request");
        return false;
    }
    return true;
}

void FanoutDesk::close(const QString &why)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_failure = why;
    ::shutdown(m_fd, SHUT_RDWR);
}

void FanoutDesk::onReadable()
{
    for (;;) {
        if (m_in.size() - m_inUsed < 64 * 1024) {
            // Keep the unread tail at the front before growing.
            if (m_inUsed > 0) {
                m_in.remove(0, m_inUsed);
                m_inUsed = 0;
            }
        }
        const qsizetype have = m_in.size();
        m_in.resize(have + 64 * 1024);
        const ssize_t n = ::recv(m_fd, m_in.data() + have, 64 * 1024, 0);
        m_in.resize(have + std::max<ssize_t>(n, 0));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n <= 0) {
            close(QStringLiteral("the hub closed the connection"));
            return;
        }
        if (m_state == State::Connecting && !readHandshake())
            return;
        if (m_state == State::Open)
            readFrames();
        if (m_state == State::Closed)
            return;
        if (n < 64 * 1024)
            break; // drained; saves the recv that would say EAGAIN
    }
}

bool FanoutDesk::readHandshake()
{
    const std::string_view in(m_in.constData() + m_inUsed, size_t(m_in.size() - m_inUsed));
    const size_t end = in.find("\r\n\r\n");
    if (end == std::string_view::npos) {
        if (in.size() >= 16 * 1024)
            close(QStringLiteral("the upgrade answer has no end"));
        return false;
    }
    const QByteArray head(in.data(), qsizetype(end));
    const QByteArray accept =
        QCryptographicHash::hash(QByteArray(m_key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                 QCryptographicHash::Sha1)
            .toBase64();
    const QByteArray acceptLine = QByteArrayLiteral("Sec-WebSocket-Accept: ") + accept;
    if (!head.startsWith("HTTP/1.1 101") || !head.contains(acceptLine) ||
        !head.contains("Sec-WebSocket-Protocol: threadline.v1")) {
        close(QStringLiteral("the hub refused the upgrade: %1")
                  .arg(QString::fromLatin1(head.left(head.indexOf('\r')))));
        return false;
    }
    m_inUsed += qsizetype(end) + 4;
    m_state = State::Open;
    return true;
}

void FanoutDesk::readFrames()
{
    for (;;) {
        const auto *p = reinterpret_cast<const std::uint8_t *>(m_in.constData() + m_inUsed);
        const qsizetype avail = m_in.size() - m_inUsed;
        if (avail < 2)
            return;
        const bool fin = p[0] & 0x80;
        const std::uint8_t opcode = p[0] & 0x0F;
        if ((p[0] & 0x70) || (p[1] & 0x80)) {
            close(QStringLiteral("a frame with reserved bits or a mask from the server"));
            return;
        }
        quint64 length = p[1] & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (avail < 4)
                return;
            length = (quint64(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (avail < 10)
                return;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
        }
        if (length > quint64(kMaxMessage)) {
            close(QStringLiteral("a frame of %1 bytes").arg(length));
            return;
        }
        if (avail < header + qsizetype(length))
            return;
        const char *payload = m_in.constData() + m_inUsed + header;
        m_inUsed += header + qsizetype(length);
        switch (opcode) {
        case kText:
        case kContinuation:
            if (opcode == kText && fin && m_message.isEmpty()) {
                m_onText(*this, std::string_view(payload, size_t(length)));
            } else {
                m_message.append(payload, qsizetype(length));
                if (m_message.size() > kMaxMessage) {
                    close(QStringLiteral("a message over %1 bytes").arg(kMaxMessage));
                    return;
                }
                if (fin) {
                    const QByteArray whole = std::exchange(m_message, {});
                    m_onText(*this, std::string_view(whole.constData(), size_t(whole.size())));
                }
            }
            break;
        case kPing:
            sendFrame(kPong, payload, qsizetype(length));
            break;
        case kClose:
            sendFrame(kClose, payload, std::min<qsizetype>(qsizetype(length), 2));
            close(QStringLiteral("the hub sent close"));
            return;
        case kPong:
            break;
        case kBinary:
        default:
            close(QStringLiteral("an unexpected frame (opcode %1)").arg(opcode));
            return;
        }
        if (m_state == State::Closed)
            return;
    }
}

bool FanoutDesk::sendText(const QByteArray &utf8)
{
    return sendFrame(kText, utf8.constData(), utf8.size());
}

bool FanoutDesk::sendFrame(std::uint8_t opcode, const char *data, qsizetype size)
{
    QByteArray frame;
    frame.reserve(size + 14);
    frame.append(char(0x80 | opcode));
    if (size < 126) {
        frame.append(char(0x80 | size));
    } else if (size <= 0xFFFF) {
        frame.append(char(0x80 | 126));
        frame.append(char(size >> 8)).append(char(size & 0xFF));
    } else {
        frame.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            frame.append(char((quint64(size) >> (8 * i)) & 0xFF));
    }
    const quint32 maskWord = QRandomGenerator::global()->generate();
    char mask[4];
    std::memcpy(mask, &maskWord, 4);
    frame.append(mask, 4);
    for (qsizetype i = 0; i < size; ++i)
        frame.append(char(data[i] ^ mask[i % 4]));
    return writeAll(m_fd, frame.constData(), frame.size());
}

} // namespace threadline::bench
