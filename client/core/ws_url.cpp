#include "rapidfire/client/ws_url.hpp"

#include <algorithm>
#include <cctype>

namespace rapidfire::client {

std::optional<WsUrl> parse_ws_url(std::string_view text) {
    constexpr std::string_view plain = "ws://";
    constexpr std::string_view secure = "wss://";
    WsUrl url;
    if (text.substr(0, secure.size()) == secure) {
        url.tls = true;
        text.remove_prefix(secure.size());
    } else if (text.substr(0, plain.size()) == plain) {
        text.remove_prefix(plain.size());
    } else {
        return std::nullopt;
    }
    const auto slash = text.find('/');
    std::string_view authority = text.substr(0, slash);
    url.target = slash == std::string_view::npos ? "/" : std::string(text.substr(slash));
    std::string_view port;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        url.host = std::string(authority.substr(1, close - 1));
        const auto after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':')
                return std::nullopt;
            port = after.substr(1);
        }
    } else {
        const auto colon = authority.rfind(':');
        url.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos)
            port = authority.substr(colon + 1);
    }
    if (url.host.empty())
        return std::nullopt;
    if (port.empty()) {
        url.port = url.tls ? "443" : "80";
    } else {
        const bool digits = std::all_of(port.begin(), port.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
        if (!digits || port.size() > 5 || std::stoi(std::string(port)) > 65535)
            return std::nullopt;
        url.port = std::string(port);
    }
    return url;
}

std::string server_of(const WsUrl& url) {
    const bool v6 = url.host.find(':') != std::string::npos;
    return std::string(url.tls ? "wss://" : "ws://") + (v6 ? "[" + url.host + "]" : url.host) +
           ":" + url.port;
}

}  // namespace rapidfire::client
