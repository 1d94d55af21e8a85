#include "web_routes.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <variant>

#include <boost/json.hpp>

#include "qr_svg.hpp"
#include "rapidfire/core/entropy.hpp"
#include "url_query.hpp"
#include "web_files.hpp"

namespace rapidfire::net {

namespace json = boost::json;

namespace {

WebResponse error(int status, std::string_view message) {
    WebResponse response;
    response.status = status;
    response.body =
        json::serialize(json::object{{"error", json::string_view(message.data(), message.size())}});
    return response;
}

bool contains_ci(std::string_view text, std::string_view needle) {
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           }) != text.end();
}

bool is_join_code(std::string_view code) {
    return !code.empty() && code.size() <= 16 && std::all_of(code.begin(), code.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0;
    });
}

// The file a request path names, relative to the web folder; or the status to answer.
struct Resolved {
    std::string relative;
    int status = 200;
};

Resolved resolve(std::string_view raw_path) {
    // An encoded slash or backslash would let one segment act as several.
    if (contains_ci(raw_path, "%2f") || contains_ci(raw_path, "%5c"))
        return {{}, 404};
    const auto path = percent_decode(raw_path, false);
    if (!path)
        return {{}, 400};
    if (std::any_of(path->begin(), path->end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
        return {{}, 400};  // NUL and other control characters
    }
    if (*path == "/")
        return {"index.html"};
    // The page reads the code from its own location.
    if (path->rfind("/join/", 0) == 0 && is_join_code(std::string_view(*path).substr(6)))
        return {"index.html"};
    if (path->find('\\') != std::string::npos)
        return {{}, 404};
    // Segments of a relative path: none empty ("//etc"), none "." or ".." or hidden.
    std::string_view rest = std::string_view(*path).substr(1);
    for (std::size_t start = 0; start <= rest.size();) {
        const auto end = std::min(rest.find('/', start), rest.size());
        const auto segment = rest.substr(start, end - start);
        if (segment.empty() || segment.front() == '.')
            return {{}, 404};
        start = end + 1;
    }
    return {std::string(rest)};
}

// RFC 9110 If-None-Match: weak comparison, "*" matches any.
bool etag_matches(std::string_view header, std::string_view etag) {
    for (std::size_t start = 0; start < header.size();) {
        const auto end = std::min(header.find(',', start), header.size());
        auto tag = header.substr(start, end - start);
        start = end + 1;
        while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t'))
            tag.remove_prefix(1);
        while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t'))
            tag.remove_suffix(1);
        if (tag == "*")
            return true;
        if (tag.rfind("W/", 0) == 0)
            tag.remove_prefix(2);
        if (tag == etag)
            return true;
    }
    return false;
}

// The join link of the room a query names, or the error to answer.
std::variant<std::string, WebResponse> link_of(std::string_view query, const WebRequest& request,
                                               const WebContext& context) {
    const auto code = query_value(query, "room");
    if (!code || !core::is_room_code(*code))
        return error(400, "room must be a room code");
    if (context.public_url != nullptr && *context.public_url)
        return join_link((*context.public_url)->base, *code);
    const auto origin = page_origin(request.host, request.tls);
    if (!origin)
        return error(400, "the Host header is not a host[:port]");
    return join_link(*origin, *code);
}

}  // namespace

bool is_web_path(std::string_view path) {
    if (path == "/ws" || path == "/healthz" || path == "/metrics")
        return false;
    if (path == "/api/join-link")
        return true;
    return path != "/api" && path.rfind("/api/", 0) != 0;
}

WebResponse answer_web(const WebRequest& request, const WebContext& context) {
    const std::string_view target = request.target;
    if (target.size() > max_web_target_bytes)
        return error(414, "the request target is too long");
    if (target.empty() || target.front() != '/' || target.find('#') != std::string_view::npos)
        return error(400, "malformed request target");
    const auto question = target.find('?');
    const auto path = target.substr(0, question);
    const auto query =
        question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);

    if (path == "/qr.svg" || path == "/api/join-link") {
        auto link = link_of(query, request, context);
        if (auto* refused = std::get_if<WebResponse>(&link))
            return std::move(*refused);
        const auto& url = std::get<std::string>(link);
        WebResponse response;
        if (path == "/api/join-link") {
            const auto code = *query_value(query, "room");
            response.body =
                json::serialize(json::object{{"url", url}, {"qr", "/qr.svg?room=" + code}});
            return response;
        }
        auto svg = qr_svg(url);
        if (!svg)
            return error(500, "the join link does not fit in a QR code");
        response.content_type = "image/svg+xml";
        response.body = std::move(*svg);
        return response;
    }

    const auto resolved = resolve(path);
    if (resolved.status != 200)
        return error(resolved.status, resolved.status == 400 ? "malformed path" : "not found");
    auto file = context.files == nullptr ? nullptr : context.files->find(resolved.relative);
    if (!file)
        return error(404, "not found");
    WebResponse response;
    response.content_type = file->content_type;
    response.etag = file->etag;
    // Revalidated on every use (a 304 when unchanged): a new server never mixes with old files.
    response.cache_control = "no-cache";
    if (!request.if_none_match.empty() && etag_matches(request.if_none_match, file->etag)) {
        response.status = 304;
        return response;
    }
    response.file = std::move(file);
    return response;
}

bool origin_allowed(std::string_view origin, std::string_view host, bool tls,
                    const std::vector<std::string>& allowed,
                    const std::optional<PublicUrl>& public_url) {
    if (std::find(allowed.begin(), allowed.end(), origin) != allowed.end())
        return true;
    if (public_url && origin == public_url->origin)
        return true;
    const auto own = page_origin(host, tls);
    return own && origin == *own;
}

}  // namespace rapidfire::net
