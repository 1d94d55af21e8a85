#include "rapidfire/net/public_url.hpp"

#include <charconv>

namespace rapidfire::net {

namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// A port of 1 to 5 digits, 1..65535.
std::optional<unsigned> parse_port(std::string_view text) {
    if (text.empty() || text.size() > 5)
        return std::nullopt;
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (ec != std::errc{} || end != text.data() + text.size() || port == 0 || port > 65535)
        return std::nullopt;
    return port;
}

// The path of a public URL: segments of unreserved characters, no "." or "..", no empty
// segment but a final slash.
bool is_plain_path(std::string_view path) {
    if (path.empty())
        return true;
    if (path.front() != '/' || path.size() > 512)
        return false;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const auto segment = path.substr(start, end - start);
        if (segment.empty() && end != path.size())
            return false;
        if (segment == "." || segment == "..")
            return false;
        for (const char c : segment) {
            if (!is_alnum(c) && c != '-' && c != '.' && c != '_' && c != '~')
                return false;
        }
        start = end + 1;
    }
    return true;
}

}  // namespace

std::optional<std::string> normalized_host(std::string_view host, bool tls) {
    if (host.empty() || host.size() > 300)
        return std::nullopt;
    std::string_view name;
    std::string_view port_text;
    if (host.front() == '[') {
        // An IPv6 literal: hex digits, colons and dots (an embedded IPv4) between brackets.
        const auto close = host.find(']');
        if (close == std::string_view::npos || close < 3)
            return std::nullopt;
        for (const char c : host.substr(1, close - 1)) {
            if (!is_hex(c) && c != ':' && c != '.')
                return std::nullopt;
        }
        name = host.substr(0, close + 1);
        const auto rest = host.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':')
                return std::nullopt;
            port_text = rest.substr(1);
            if (port_text.empty())
                return std::nullopt;
        }
    } else {
        const auto colon = host.find(':');
        name = host.substr(0, colon);
        if (colon != std::string_view::npos) {
            port_text = host.substr(colon + 1);
            if (port_text.empty())
                return std::nullopt;
        }
        if (name.empty() || name.size() > 253 || name.front() == '.' || name.front() == '-')
            return std::nullopt;
        for (const char c : name) {
            if (!is_alnum(c) && c != '-' && c != '.')
                return std::nullopt;
        }
    }
    std::string out;
    for (const char c : name)
        out += lower(c);
    if (!port_text.empty()) {
        const auto port = parse_port(port_text);
        if (!port)
            return std::nullopt;
        // Browsers leave the scheme's default port out of an Origin.
        if (*port != (tls ? 443u : 80u))
            out += ":" + std::to_string(*port);
    }
    return out;
}

std::optional<std::string> page_origin(std::string_view host, bool tls) {
    auto normalized = normalized_host(host, tls);
    if (!normalized)
        return std::nullopt;
    return (tls ? "https://" : "http://") + *normalized;
}

std::optional<PublicUrl> parse_public_url(std::string_view url) {
    bool tls = false;
    std::string_view rest;
    std::string lowered;
    for (const char c : url.substr(0, 8))
        lowered += lower(c);
    if (lowered.rfind("https://", 0) == 0) {
        tls = true;
        rest = url.substr(8);
    } else if (lowered.rfind("http://", 0) == 0) {
        rest = url.substr(7);
    } else {
        return std::nullopt;
    }
    const auto slash = rest.find('/');
    const auto authority = rest.substr(0, slash);
    auto path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    // normalized_host refuses '@' (a user), '?' and '#' in the authority; the path check
    // refuses them in the path.
    if (!is_plain_path(path))
        return std::nullopt;
    const auto host = normalized_host(authority, tls);
    if (!host)
        return std::nullopt;
    while (!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    PublicUrl out;
    out.origin = (tls ? "https://" : "http://") + *host;
    out.base = out.origin + std::string(path);
    return out;
}

std::string join_link(std::string_view base, std::string_view code) {
    return std::string(base) + "/join/" + std::string(code);
}

}  // namespace rapidfire::net
