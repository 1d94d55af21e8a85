#include "ws_url.hpp"

#include <arpa/inet.h>

#include <charconv>

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
    constexpr std::string_view scheme = "ws://";
    if (text.substr(0, scheme.size()) != scheme)
        return std::string("the URL must start with ws:// (TLS is not supported)");
    text.remove_prefix(scheme.size());

    WsUrl url;
    const auto slash = text.find('/');
    std::string_view authority = text.substr(0, slash);
    url.target = slash == std::string_view::npos ? "/" : std::string(text.substr(slash));

    std::string_view port_text;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::string("unterminated [ in the URL's host");
        url.host = std::string(authority.substr(1, close - 1));
        authority.remove_prefix(close + 1);
        if (!authority.empty()) {
            if (authority.front() != ':')
                return std::string("unexpected text after the URL's host");
            port_text = authority.substr(1);
        }
    } else {
        const auto colon = authority.rfind(':');
        url.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos)
            port_text = authority.substr(colon + 1);
    }
    if (url.host.empty())
        return std::string("the URL has no host");
    if (!port_text.empty()) {
        unsigned port = 0;
        const auto [end, ec] =
            std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
            port > 65535) {
            return std::string("the URL's port must be a number from 1 to 65535");
        }
        url.port = static_cast<std::uint16_t>(port);
    }
    url.address = loopback_address(url.host);
    if (url.address.empty())
        return "the bench only connects to loopback (127.0.0.0/8, ::1, localhost), not " + url.host;
    return url;
}

}  // namespace rapidfire::bench
