#pragma once
// The server's WebSocket address, ws://HOST:PORT/PATH, read by common::read_ws_url. The bench
// speaks plain WebSocket only and only ever talks to loopback: anything else is refused when the
// URL is read.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace rapidfire::bench {

struct WsUrl {
    std::string host;     // as written, for the Host header ("127.0.0.1", "localhost", "::1")
    std::string address;  // numeric loopback address to connect to
    std::uint16_t port = 80;
    std::string target = "/";
};

// The URL, or a sentence saying what is wrong with it.
std::variant<WsUrl, std::string> parse_ws_url(std::string_view text);

}  // namespace rapidfire::bench
