// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace threadline::server {

/// `utf8` as one complete, unmasked WebSocket text frame from a server (RFC 6455 5.2:
/// FIN, opcode 1, the payload length in 7, 16 or 64 bits). The fan-out writes these
/// bytes straight onto each connection's TCP socket: QWebSocket::sendTextMessage takes
/// a QString and converts, copies and frames it again for every connection, which was a
/// quarter of the hub's time with 500 desktops signed in; this way one buffer serves
/// them all. QWebSocket still does the handshake, reads, answers pings and closes.
QByteArray websocketTextFrame(QByteArrayView utf8);

/// The payload of a frame websocketTextFrame() wrote, or nothing when `frame` is not one
/// whole unmasked text frame.
std::optional<QByteArrayView> websocketTextPayload(QByteArrayView frame);

} // namespace threadline::server
