#pragma once
// One accepted TCP connection, served as HTTP: /healthz, /metrics, /api, and a WebSocket upgrade
// at /ws handed to a WebSocket session. Everything else is 404.
//
// With TLS configured (--tls-cert, --tls-key), each connection's first bytes decide: a TLS
// handshake makes it HTTPS (and WSS), anything else is plain HTTP on a TLS port and gets a 400
// that says to use https:// or wss://. Without TLS, connections are plain HTTP as they come.
//
// The session types (generic over the stream) live in the .cpp: Beast stays out of this header.

#include <memory>

#include <boost/asio/ip/tcp.hpp>

#include "connection_slot.hpp"
#include "connection_stream.hpp"

namespace rapidfire::net {

struct ServerContext;

// Starts serving `socket` (on its own strand); `slot` is held for as long as it stays open.
void serve_connection(ConnectionSocket&& socket, ConnectionSlot slot,
                      std::shared_ptr<ServerContext> context);

}  // namespace rapidfire::net
