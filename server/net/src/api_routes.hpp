#pragma once
// The record of games over HTTP: /api/games, /api/games/ID/results.json and .csv,
// /api/solo/leaderboard; and the open rooms, /api/rooms, read from memory. Kept free of Beast:
// it takes and returns plain strings, and HttpSession does the HTTP.

#include <cstdint>
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

class OpenRooms;

// What the API reads: the record (null when the server keeps none), the bank whose solo
// leaderboard it shows (its title, and its questions to apply a solo run's defaults to a
// configuration), the administrator's token (empty: none), and the open rooms with the
// server's time now (null: none listed).
struct ApiContext {
    store::Store* store = nullptr;
    std::string_view bank;
    std::string_view admin_token;
    const content::Bank* bank_content = nullptr;
    OpenRooms* open_rooms = nullptr;
    std::int64_t now = 0;  // ServerClock milliseconds
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

// Whether the path is an API path that reads the record, which may be a database across the
// network: those requests are answered off the I/O threads. /api/rooms and /api/topics read
// memory only.
bool reads_record(std::string_view path);

// The answer for a request under /api/, or nothing when the path is not an API path.
std::optional<ApiResponse> answer_api(const ApiRequest& request, const ApiContext& context);

}  // namespace rapidfire::net
