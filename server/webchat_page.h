// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QHttpServer;

/// The visitor's chat page, its script and style: compiled into the hub (webchat/*.qrc)
/// and served with headers that keep it from loading anything from elsewhere.
namespace threadline::server::webchat_page {

/// GET /chat, /chat/chat.js and /chat/chat.css.
void install(QHttpServer &http);

} // namespace threadline::server::webchat_page
