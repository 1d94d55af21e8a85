#include "rapidfire/common/ws_url.hpp"

#include <charconv>

namespace rapidfire::common {

namespace {

// A port is 1 to 5 digits naming 1 to 65535.
bool valid_port(std::string_view text) {
    if (text.empty() || text.size() > 5)
        return false;
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    return ec == std::errc() && end == text.data() + text.size() && port >= 1 && port <= 65535;
}

}  // namespace

std::variant<WsUrl, std::string> read_ws_url(std::string_view text) {
    constexpr std::string_view plain = "ws://";
    constexpr std::string_view secure = "wss://";
    WsUrl url;
    if (text.substr(0, secure.size()) == secure) {
        url.tls = true;
        text.remove_prefix(secure.size());
    } else if (text.substr(0, plain.size()) == plain) {
        text.remove_prefix(plain.size());
    } else {
        return std::string("the URL must start with ws:// or wss://");
    }
    const auto slash = text.find('/');
    std::string_view authority = text.substr(0, slash);
    url.target = slash == std::string_view::npos ? "/" : std::string(text.substr(slash));

    std::string_view port;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::string("unterminated [ in the URL's host");
        url.host = std::string(authority.substr(1, close - 1));
        const auto after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':')
                return std::string("unexpected text after the URL's host");
            port = after.substr(1);
        }
    } else {
        const auto colon = authority.rfind(':');
        url.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos)
            port = authority.substr(colon + 1);
    }
    if (url.host.empty())
        return std::string("the URL has no host");
    if (port.empty()) {
        url.port = url.tls ? "443" : "80";
    } else if (valid_port(port)) {
        url.port = std::string(port);
    } else {
        return std::string("the URL's port must be a number from 1 to 65535");
    }
    return url;
}

std::optional<WsUrl> parse_ws_url(std::string_view text) {
    auto read = read_ws_url(text);
    if (auto* url = std::get_if<WsUrl>(&read))
        return std::move(*url);
    return std::nullopt;
}

std::string server_of(const WsUrl& url) {
    const bool v6 = url.host.find(':') != std::string::npos;
    return std::string(url.tls ? "wss://" : "ws://") + (v6 ? "[" + url.host + "]" : url.host) +
           ":" + url.port;
}

}  // namespace rapidfire::common
