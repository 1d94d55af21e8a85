#pragma once
// The addresses a browser sees: --public-url (where students should go, behind a proxy or on a
// LAN), the Host header of a request (when no public URL is given), the origins /ws accepts,
// and the join link of a room. Plain strings, no networking headers: the command line checks
// --public-url with it.

#include <optional>
#include <string>
#include <string_view>

namespace rapidfire::net {

struct PublicUrl {
    std::string origin;  // "https://quiz.example" (scheme and host lowercase, no default port)
    std::string base;    // the origin and the path, without a trailing slash
};

// http(s)://host[:port][/path], with no user, query or fragment; nothing when it is not one.
std::optional<PublicUrl> parse_public_url(std::string_view url);

// A Host header's host[:port] ("quiz.example:8080", "10.0.0.5", "[::1]:8080"), lowercase and
// without the scheme's default port; nothing when it holds anything else.
std::optional<std::string> normalized_host(std::string_view host, bool tls);

// The origin of a page served for this Host header: "http://" or "https://" and the host.
std::optional<std::string> page_origin(std::string_view host, bool tls);

// The page students open to join `code`: BASE/join/CODE.
std::string join_link(std::string_view base, std::string_view code);

}  // namespace rapidfire::net
