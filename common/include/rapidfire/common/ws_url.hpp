#pragma once
// ws://HOST[:PORT][/PATH] or wss://... split into what a connection needs.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace rapidfire::common {

struct WsUrl {
    bool tls = false;    // wss://: TLS, and HTTPS for the results API
    std::string host;    // without brackets for IPv6 literals
    std::string port;    // digits, 1 to 65535; "80" (ws) or "443" (wss) when the URL names none
    std::string target;  // the path, "/" at least
};

// The URL, or a sentence saying what is wrong with it.
std::variant<WsUrl, std::string> read_ws_url(std::string_view text);

// The URL, or nothing when the text is not a ws:// or wss:// URL.
std::optional<WsUrl> parse_ws_url(std::string_view text);

// "ws://HOST:PORT" or "wss://HOST:PORT": which server a URL names, whatever its path, so tokens
// remembered for one server are only ever sent to that server.
std::string server_of(const WsUrl& url);

}  // namespace rapidfire::common
