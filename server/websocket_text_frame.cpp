// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/websocket_text_frame.h"

namespace threadline::server {

namespace {
constexpr char kFinText = char(0x81); // FIN set, no extension bits, opcode 1 (text)
}

QByteArray websocketTextFrame(QByteArrayView utf8)
{
    const quint64 size = quint64(utf8.size());
    QByteArray frame;
    frame.reserve(qsizetype(size) + 10);
    frame.append(kFinText);
    if (size <= 125) {
        frame.append(char(size));
    } else if (size <= 0xFFFF) {
        frame.append(char(126));
        frame.append(char(size >> 8)).append(char(size & 0xFF));
    } else {
        frame.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xFF));
    }
    frame.append(utf8);
    return frame;
}

std::optional<QByteArrayView> websocketTextPayload(QByteArrayView frame)
{
    if (frame.size() < 2 || frame[0] != kFinText || (quint8(frame[1]) & 0x80))
        return std::nullopt;
    quint64 size = quint8(frame[1]);
    qsizetype header = 2;
    if (size == 126) {
        if (frame.size() < 4)
            return std::nullopt;
        size = (quint64(quint8(frame[2])) << 8) | quint8(frame[3]);
        header = 4;
    } else if (size == 127) {
        if (frame.size() < 10)
            return std::nullopt;
        size = 0;
        for (int i = 2; i < 10; ++i)
            size = (size << 8) | quint8(frame[i]);
        header = 10;
    }
    if (quint64(frame.size() - header) != size)
        return std::nullopt;
    return frame.sliced(header);
}

} // namespace threadline::server
