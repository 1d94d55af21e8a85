#pragma once
// The browser client over HTTP: its files (GET / and /join/CODE give index.html), the QR code of
// a room's join link (/qr.svg?room=CODE), the link as text (/api/join-link?room=CODE), and which
// browser origins may open /ws. Kept free of Beast like api_routes: plain strings in and out,
// HttpSession does the HTTP.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/net/public_url.hpp"

namespace rapidfire::net {

class WebFiles;
struct WebFile;

// Every answer of the server carries these: the page may load only its own files and talk only
// to its own server, and nothing is framed, sniffed or told where the user came from.
inline constexpr std::string_view content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
inline constexpr std::string_view referrer_policy = "no-referrer";

// Longest request target (path and query) served here; longer ones get 414.
inline constexpr std::size_t max_web_target_bytes = 1024;

struct WebContext {
    const WebFiles* files = nullptr;
    const std::optional<PublicUrl>* public_url = nullptr;  // --public-url, parsed
};

struct WebRequest {
    std::string_view target;         // path and query, as received
    std::string_view host;           // the Host header, or empty
    std::string_view if_none_match;  // the If-None-Match header, or empty
    bool tls = false;                // the request came over TLS
};

struct WebResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;                     // when `file` is null
    std::shared_ptr<const WebFile> file;  // the body, shared with the cache
    std::string etag;                     // empty: none
    std::string cache_control = "no-store";
};

// Paths answered by answer_web for GET and HEAD: everything but /ws, /healthz, /metrics and
// /api/ (except /api/join-link).
bool is_web_path(std::string_view path);

WebResponse answer_web(const WebRequest& request, const WebContext& context);

// Whether a WebSocket upgrade carrying `origin` may open /ws: the page's own origin (the scheme
// and the request's Host), --public-url's origin, and the --allowed-origin list, each matched
// exactly.
bool origin_allowed(std::string_view origin, std::string_view host, bool tls,
                    const std::vector<std::string>& allowed,
                    const std::optional<PublicUrl>& public_url);

}  // namespace rapidfire::net
