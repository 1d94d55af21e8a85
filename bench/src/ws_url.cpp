#include "ws_url.hpp"

#include <arpa/inet.h>

#include <charconv>

#include "rapidfire/common/ws_url.hpp"

namespace rapidfire::bench {

namespace {

// Numeric loopback address for `host`, or empty when the host is not loopback.
std::string loopback_address(const std::string& host) {
    if (host == "localhost")
        return "127.0.0.1";
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) {
        const auto first_octet = static_cast<unsigned char>(ntohl(v4.s_addr) >> 24);
        return first_octet == 127 ? host : std::string();
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, host.c_str(), &v6) == 1)
        return IN6_IS_ADDR_LOOPBACK(&v6) ? host : std::string();
    return {};
}

}  // namespace

std::variant<WsUrl, std::string> parse_ws_url(std::string_view text) {
    // Plain WebSocket only: wss:// is refused like any other scheme.
    if (!text.starts_with("ws://"))
        return std::string("the URL must start with ws:// (TLS is not supported)");
    auto read = common::read_ws_url(text);
    if (auto* problem = std::get_if<std::string>(&read))
        return std::move(*problem);
    const auto& parsed = std::get<common::WsUrl>(read);

    WsUrl url;
    url.host = parsed.host;
    url.target = parsed.target;
    // common::read_ws_url checked that the port is a number from 1 to 65535.
    std::from_chars(parsed.port.data(), parsed.port.data() + parsed.port.size(), url.port);
    url.address = loopback_address(url.host);
    if (url.address.empty())
        return "the bench only connects to loopback (127.0.0.0/8, ::1, localhost), not " + url.host;
    return url;
}

}  // namespace rapidfire::bench
