#pragma once
// Decoding what a request's target carries: %XX escapes and a query's key=value pairs. Shared by
// the /api routes and the web routes. No Beast here.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapidfire::net {

// %XX escapes decoded (and '+' as a space when `plus_is_space`: in a query, not in a path);
// nothing when an escape is malformed.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// The query's pairs in order, keys and values decoded; nothing when one cannot be decoded.
std::optional<std::vector<std::pair<std::string, std::string>>> query_pairs(std::string_view query);

// The decoded value of `key` in a query, or nothing (absent or malformed).
std::optional<std::string> query_value(std::string_view query, std::string_view key);

}  // namespace rapidfire::net
