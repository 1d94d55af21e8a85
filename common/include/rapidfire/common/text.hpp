#pragma once
// Small text helpers: ASCII case folding (independent of the C locale), joining a list.

#include <string>
#include <string_view>
#include <vector>

namespace rapidfire::common {

// `text` with A-Z turned into a-z; every other byte (UTF-8 included) is left as it is.
std::string ascii_lower(std::string_view text);

// The key two nicknames are compared by: they are the same nickname when their keys are equal.
// Only ASCII letters are folded, so "Ana" and "ANA" clash but "Ängel" and "ängel" do not; the
// server's rooms, the record's personal bests and the client's commands all use this one rule.
std::string fold_nickname(std::string_view nickname);

// The items with `separator` between each two: {"a", "b"} and ", " give "a, b".
std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace rapidfire::common
