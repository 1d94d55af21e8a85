#pragma once
// The record of games over HTTP: /api/games, /api/games/ID/results.json and .csv,
// /api/solo/leaderboard. Kept free of Beast: it takes and returns plain strings, and
// HttpSession does the HTTP.

#include <optional>
#include <string>
#include <string_view>

namespace rapidfire::store {
class Store;
}
namespace rapidfire::content {
struct Bank;
}

namespace rapidfire::net {

// What the API reads: the record (null when the server keeps none), the bank whose solo
// leaderboard it shows (its title, and its questions to apply a solo run's defaults to a
// configuration), and the administrator's token (empty: none).
struct ApiContext {
    store::Store* store = nullptr;
    std::string_view bank;
    std::string_view admin_token;
    const content::Bank* bank_content = nullptr;
};

struct ApiRequest {
    std::string_view method;         // "GET", "HEAD", ...
    std::string_view target;         // path and query
    std::string_view authorization;  // the Authorization header, or empty
};

struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string attachment;  // a file name for Content-Disposition, or empty
};

// The answer for a request under /api/, or nothing when the path is not an API path.
std::optional<ApiResponse> answer_api(const ApiRequest& request, const ApiContext& context);

}  // namespace rapidfire::net
