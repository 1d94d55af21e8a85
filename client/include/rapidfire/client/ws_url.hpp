#pragma once
// ws://HOST[:PORT][/PATH] split into what a connection needs.

#include <optional>
#include <string>
#include <string_view>

namespace rapidfire::client {

struct WsUrl {
    std::string host;    // without brackets for IPv6 literals
    std::string port;    // "80" when the URL names none
    std::string target;  // the path, "/" at least
};

// Absent when the text is not a ws:// URL (wss:// is not supported: put a TLS proxy in front).
std::optional<WsUrl> parse_ws_url(std::string_view text);

}  // namespace rapidfire::client
