#pragma once
// One HTTP GET to the server a WebSocket URL names (http:// for ws://, https:// for wss://),
// over the same connection code as the WebSocket (websocket_client.cpp).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "client_tls.hpp"
#include "rapidfire/common/ws_url.hpp"

namespace rapidfire::client {

using common::WsUrl;

struct HttpReply {
    int status = 0;
    std::string content_type;
    std::string body;
};

struct HttpOutcome {
    std::optional<HttpReply> reply;  // absent: no answer, see `error`
    std::string error;
};

// GET `target` (a path and query) with `Authorization: Bearer TOKEN` when `bearer_token` is not
// empty. `tls` is needed for wss:// URLs. Every step is bounded: connecting and the TLS
// handshake by a few seconds, the request and the answer by `timeout`.
HttpOutcome http_get(const WsUrl& url, const std::string& target, const std::string& bearer_token,
                     const std::shared_ptr<ClientTls>& tls, std::chrono::milliseconds timeout);

}  // namespace rapidfire::client
