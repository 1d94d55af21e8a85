#pragma once
// Starts the WebSocket session of an upgraded HTTP connection, plain (ws://) or over TLS
// (wss://). The session itself (websocket_session.cpp) reads frames, decodes them and routes
// them: the shell answers hello, ping, create, join and resume itself; everything else goes to
// the client's room on the room's strand. It sends from a byte-bounded queue, one write in
// flight at a time.
//
// Threading: the stream's executor is the connection's strand; every member of the session is
// touched there only. The Connection functions dispatch onto it.

#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "connection_slot.hpp"
#include "connection_stream.hpp"

namespace rapidfire::net {

struct ServerContext;

using UpgradeRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Completes the opening handshake for `upgrade` on `stream` and runs the session. `slot` moves
// with the connection, so it is still counted once.
void start_websocket_session(PlainStream&& stream, ConnectionSlot slot,
                             std::shared_ptr<ServerContext> context, std::string remote,
                             UpgradeRequest upgrade);
void start_websocket_session(TlsStream&& stream, ConnectionSlot slot,
                             std::shared_ptr<ServerContext> context, std::string remote,
                             UpgradeRequest upgrade);

}  // namespace rapidfire::net
